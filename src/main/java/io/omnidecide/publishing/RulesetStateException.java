package io.omnidecide.publishing;

import io.omnidecide.problem.ProblemException;

/** Publish or roll back asked of a version in the wrong state: an invalid draft, one already serving... */
public class RulesetStateException extends ProblemException {

    public RulesetStateException(RulesetVersion version, String detail) {
        super(409, "ruleset-state", "The ruleset cannot do that in its state", detail);
        with("rulesetId", version.id);
        // "status" is the HTTP status in a problem (RFC 9457); the version's own is rulesetStatus.
        with("rulesetStatus", version.status);
        with("valid", version.valid);
    }
}
