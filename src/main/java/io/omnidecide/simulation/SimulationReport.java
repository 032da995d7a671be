package io.omnidecide.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnidecide.decision.DecideResponse;
import java.util.List;
import java.util.Map;

/** The candidate version against the serving one: files, scenario journeys, and recent decisions decided again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationReport(Side serving, Side candidate, List<FileChange> files, Scenarios scenarios, Decisions decisions) {

    /** Scenarios that fail on the candidate; 0 when the suite did not run. */
    public int failingScenarios() {
        return scenarios == null ? 0 : scenarios.failingAfter().size();
    }

    /** What it showed, in one line, for the audit. */
    public String summary() {
        String journeys = scenarios == null ? "scenarios not run"
                : "scenarios " + scenarios.passedAfter() + " of " + scenarios.scenarios() + " pass (" + scenarios.passedBefore() + " before)";
        return journeys + "; decisions " + decisions.compared() + " compared, " + decisions.topActionChanged() + " top actions changed, "
                + decisions.anyChanged() + " changed; " + files.size() + " files changed";
    }

    /** A version in the comparison. */
    public record Side(long id, String version) {
    }

    /**
     * The scenario suite run on both: how many steps decide differently, and which journeys pass.
     * {@code unknownIds}: ids a scenario names that the candidate does not declare (each fails its scenario).
     */
    public record Scenarios(int scenarios, int passedBefore, int passedAfter, int stepsCompared, int stepsChanged,
            List<StepChange> changes, List<String> failingAfter, List<String> unknownIds) {
    }

    public record StepChange(String scenario, String file, String step, String topActionBefore, String topActionAfter,
            List<String> segmentsBefore, List<String> segmentsAfter) {
    }

    /**
     * The latest recorded decisions decided again from their recorded inputs, with both versions:
     * counts per action (actions answered) and per segment and lifecycle stage (customers in it).
     */
    public record Decisions(int compared, int topActionChanged, int anyChanged, Map<String, Counts> actions,
            Map<String, Counts> segments, Map<String, Counts> lifecycleStages, List<Sample> samples) {
    }

    public record Counts(int before, int after) {
    }

    /** A customer whose decision changed, with the serving version's answer and the candidate's, reasons included. */
    public record Sample(String customerId, String decisionId, DecideResponse before, DecideResponse after) {
    }
}
