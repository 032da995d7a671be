package io.omnidecide.decision;

import io.omnidecide.facts.Stage;
import io.omnidecide.problem.ProblemException;
import java.time.Duration;

/** The serving rules took longer than one evaluation may: a ruleset defect, not the caller's. */
public class RuleTimeLimitException extends ProblemException {

    public RuleTimeLimitException(Stage stage, Duration limit) {
        super(503, "rule-time-limit", "The rules took too long",
                "the rules were still firing in stage '" + stage.agendaGroup() + "' after " + limit.toMillis()
                        + " ms (omnidecide.decide.rule-time-limit); check rules that trigger each other");
    }
}
