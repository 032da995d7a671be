package io.omnidecide.publishing;

import io.omnidecide.problem.ProblemException;

/** Publish or roll back asked of a version in the wrong state: an invalid draft, one already serving... */
public class RulesetStateException extends ProblemException {

    public RulesetStateException(RulesetVersion version, String detail) {
        super(409, "ruleset-state", "The ruleset cannot do that in its state", detail);
        with("rulesetId", version.id);
        with("status", version.status);
        with("valid", version.valid);
    }
}
