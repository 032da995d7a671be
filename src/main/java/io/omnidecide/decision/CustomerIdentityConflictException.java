package io.omnidecide.decision;

import io.omnidecide.problem.ProblemException;
import java.util.List;

/** A decide that names a customer and, beside it, an identity linked to someone else: which one was meant is unknowable. */
public class CustomerIdentityConflictException extends ProblemException {

    public CustomerIdentityConflictException(String customerId, String identityType, String owner) {
        super(409, "customer-identity-conflict", "customerId and identity name different customers",
                "customerId is '" + customerId + "' but the " + identityType + " identity belongs to customer '" + owner
                        + "': send one of them, or the identity of this customer");
        with("fields", List.of("customerId", "identity"));
        with("identityOwner", owner);
    }
}
