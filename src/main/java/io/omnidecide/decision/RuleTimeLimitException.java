package io.omnidecide.decision;

import io.omnidecide.facts.Stage;
import io.omnidecide.problem.ProblemException;
import java.time.Duration;

/** The serving rules or DMN models took longer than one decide may: a ruleset defect, not the caller's. */
public class RuleTimeLimitException extends ProblemException {

    public RuleTimeLimitException(Stage stage, Duration limit) {
        super(503, "rule-time-limit", "The rules took too long",
                "the rules were still firing in stage '" + stage.agendaGroup() + "' after " + limit.toMillis()
                        + " ms (omnidecide.decide.rule-time-limit); check rules that trigger each other");
    }

    /** @param dmnFile the model being evaluated when the time ran out */
    public RuleTimeLimitException(String dmnFile, Duration limit) {
        super(503, "rule-time-limit", "The rules took too long",
                "the DMN model " + dmnFile + " was still being evaluated at the end of the " + limit.toMillis()
                        + " ms a decide's rules and models may take (omnidecide.decide.rule-time-limit)");
    }
}
