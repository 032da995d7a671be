package io.omnidecide.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** How a scenario went: each step with what was expected, what happened, and the decision's explanation. */
public record ScenarioResult(String name, String file, boolean passed, List<StepResult> steps) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepResult(String step, boolean passed, Object expected, Object actual, String explanation, Decided decision) {

        StepResult(String step, boolean passed, Object expected, Object actual, String explanation) {
            this(step, passed, expected, actual, explanation, null);
        }
    }

    /** What the step's decision came to, for comparing two rulesets on the same journey. */
    public record Decided(String topAction, String topChannel, String lifecycleStage, List<String> segments) {
    }
}
