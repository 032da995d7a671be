package io.omnidecide.access;

import io.omnidecide.problem.ProblemException;

public class KeyConflictException extends ProblemException {

    public KeyConflictException(String detail) {
        super(409, "key-conflict", "The key cannot be changed that way", detail);
    }
}
