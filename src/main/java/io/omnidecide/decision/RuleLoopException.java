package io.omnidecide.decision;

import io.omnidecide.facts.Stage;
import io.omnidecide.problem.ProblemException;

/** The serving rules fired without end in one stage: a ruleset defect, not the caller's. */
public class RuleLoopException extends ProblemException {

    public RuleLoopException(Stage stage, int firings) {
        super(500, "rule-loop", "The rules did not settle",
                "stage '" + stage.agendaGroup() + "' fired " + firings + " rules without settling; check rules that modify facts");
    }
}
