package io.omnidecide.publishing;

import io.omnidecide.problem.ProblemException;

public class UnknownRulesetException extends ProblemException {

    public UnknownRulesetException(Object id) {
        super(404, "unknown-ruleset", "No such ruleset", "no ruleset with id '" + id + "'; GET /v1/rulesets lists them");
        with("rulesetId", id);
    }
}
