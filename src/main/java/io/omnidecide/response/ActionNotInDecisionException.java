package io.omnidecide.response;

import io.omnidecide.problem.ProblemException;

/** A response for an action the decision did not return: the channel's bookkeeping is off. */
public class ActionNotInDecisionException extends ProblemException {

    public ActionNotInDecisionException(String decisionId, String actionId) {
        super(422, "action-not-in-decision", "The decision did not return this action",
                "decision '" + decisionId + "' did not return action '" + actionId + "'");
        with("field", "actionId");
    }
}
