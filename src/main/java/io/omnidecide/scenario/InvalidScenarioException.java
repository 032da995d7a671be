package io.omnidecide.scenario;

import io.omnidecide.problem.ProblemException;

/** A scenario file that cannot be read: its line and what is wrong. */
public class InvalidScenarioException extends ProblemException {

    public InvalidScenarioException(String detail) {
        super(400, "invalid-scenario", "The scenario cannot be read", detail);
    }
}
