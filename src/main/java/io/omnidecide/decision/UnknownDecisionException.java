package io.omnidecide.decision;

import io.omnidecide.problem.ProblemException;

public class UnknownDecisionException extends ProblemException {

    public UnknownDecisionException(String decisionId) {
        super(404, "unknown-decision", "No such decision", "no decision with id '" + decisionId + "'");
        with("decisionId", decisionId);
    }
}
