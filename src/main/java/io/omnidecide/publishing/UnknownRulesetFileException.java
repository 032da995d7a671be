package io.omnidecide.publishing;

import io.omnidecide.problem.ProblemException;

public class UnknownRulesetFileException extends ProblemException {

    public UnknownRulesetFileException(long id, String name) {
        super(404, "unknown-ruleset-file", "No such file in the ruleset", "ruleset " + id + " has no file '" + name
                + "'; GET /v1/rulesets/" + id + "/files lists them");
        with("rulesetId", id);
        with("file", name);
    }
}
