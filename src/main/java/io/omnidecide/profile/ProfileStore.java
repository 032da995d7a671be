package io.omnidecide.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.Optional;
import org.hibernate.ReadOnlyMode;

/**
 * Finds and creates profiles and identities without read-then-write races: rows are created with
 * INSERT ... ON CONFLICT DO NOTHING and then read under a row lock, so concurrent writers for one
 * customer queue behind each other instead of losing updates.
 */
@ApplicationScoped
public class ProfileStore {

    private final EntityManager em;
    private final Clock clock;

    public ProfileStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The profile, locked for this transaction; created empty if it did not exist. */
    public Profile lockOrCreate(String customerId, boolean anonymous) {
        em.createNativeQuery("insert into profile (customer_id, anonymous, created_at, updated_at) values (?1, ?2, ?3, ?3) "
                        + "on conflict do nothing")
                .setParameter(1, customerId).setParameter(2, anonymous).setParameter(3, clock.instant())
                .executeUpdate();
        return em.find(Profile.class, customerId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Profile> find(String customerId) {
        return Optional.ofNullable(em.find(Profile.class, customerId));
    }

    /**
     * The profile for reading only, as a decide does: Hibernate keeps no snapshot of it, so it
     * neither copies the JSON columns on load nor compares them at every flush of the transaction.
     * It may still be locked.
     */
    public Optional<Profile> findReadOnly(String customerId) {
        return Optional.ofNullable(em.find(Profile.class, customerId, ReadOnlyMode.READ_ONLY));
    }

    /** Holds the profile's row lock until the transaction ends: decides for one customer queue behind it. */
    public void lock(Profile profile) {
        em.lock(profile, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<String> customerOf(IdentityRef identity) {
        Identity found = em.find(Identity.class, new Identity.Key(identity.type(), identity.value()));
        return Optional.ofNullable(found).map(i -> i.customerId);
    }

    /**
     * Links an identity to a customer. Returns the anonymous profile that held it before, which the
     * caller merges; refuses an identity held by another known customer.
     */
    public Optional<String> link(IdentityRef identity, String customerId) {
        em.createNativeQuery("insert into identity (id_type, id_value, customer_id, linked_at) values (?1, ?2, ?3, ?4) "
                        + "on conflict do nothing")
                .setParameter(1, identity.type()).setParameter(2, identity.value()).setParameter(3, customerId)
                .setParameter(4, clock.instant()).executeUpdate();
        Identity row = em.find(Identity.class, new Identity.Key(identity.type(), identity.value()), LockModeType.PESSIMISTIC_WRITE);
        if (row.customerId.equals(customerId)) {
            return Optional.empty();
        }
        Profile owner = em.find(Profile.class, row.customerId);
        if (owner != null && !owner.anonymous) {
            throw new IdentityConflictException(identity, row.customerId);
        }
        String previous = row.customerId;
        row.customerId = customerId;
        row.linkedAt = clock.instant();
        return Optional.of(previous);
    }

    /** Anonymous profiles are named after the identity that created them, so a retry finds the same one. */
    public static String anonymousIdFor(IdentityRef identity) {
        return "anon-" + java.util.HexFormat.of().formatHex(sha256(identity.toString())).substring(0, 20);
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
