package io.omnidecide.problem;

/** A request that cannot be understood: the field that is wrong, and why. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String field, String detail) {
        super(400, "invalid-request", "The request is not valid", detail);
        with("field", field);
    }
}
