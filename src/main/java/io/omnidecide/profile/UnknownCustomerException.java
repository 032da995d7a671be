package io.omnidecide.profile;

import io.omnidecide.problem.ProblemException;

public class UnknownCustomerException extends ProblemException {

    public UnknownCustomerException(String customerId) {
        super(404, "unknown-customer", "No such customer", "no profile with customerId '" + customerId + "'");
        with("customerId", customerId);
    }
}
