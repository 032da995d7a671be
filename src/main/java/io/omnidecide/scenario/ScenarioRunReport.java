package io.omnidecide.scenario;

import java.util.List;

/** The answer to a scenario run: whether all passed, and each scenario's steps. */
public record ScenarioRunReport(boolean passed, int scenarioCount, int failedCount, List<ScenarioResult> scenarios) {

    public static ScenarioRunReport of(List<ScenarioResult> results) {
        int failed = (int) results.stream().filter(r -> !r.passed()).count();
        return new ScenarioRunReport(failed == 0, results.size(), failed, results);
    }
}
