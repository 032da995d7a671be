package io.omnidecide.access;

import io.omnidecide.problem.ProblemException;

public class UnknownKeyException extends ProblemException {

    public UnknownKeyException(String name) {
        super(404, "unknown-key", "No such key", "no API key named '" + name + "'");
    }
}
