package io.omnidecide.publishing;

import io.omnidecide.problem.ProblemException;

/** A valid draft that the approval gate does not let through, and which requirement it misses. */
public class PublishRefusedException extends ProblemException {

    /**
     * @param requirement simulation, scenarios or four-eyes: what the publisher must do first
     */
    public PublishRefusedException(RulesetVersion draft, String requirement, String detail) {
        super(409, "ruleset-not-approved", "The draft is not approved for publishing", detail);
        with("rulesetId", draft.id);
        with("rulesetStatus", draft.status);
        with("requirement", requirement);
    }
}
