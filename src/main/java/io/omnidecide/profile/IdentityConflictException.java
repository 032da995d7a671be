package io.omnidecide.profile;

import io.omnidecide.problem.ProblemException;

/** An identity already linked to another known customer: linking it would merge two people. */
public class IdentityConflictException extends ProblemException {

    public IdentityConflictException(IdentityRef identity, String owner) {
        super(409, "identity-conflict", "Identity belongs to another customer",
                "identity " + identity.type() + " is already linked to customer '" + owner + "'");
        with("field", "identities");
    }
}
