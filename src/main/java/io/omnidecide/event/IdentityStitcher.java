package io.omnidecide.event;

import io.omnidecide.profile.IdentityRef;
import io.omnidecide.profile.Profile;
import io.omnidecide.profile.ProfileStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * Decides which profile a write lands on, and stitches identities: an identity seen alone gets an
 * anonymous profile; once linked to a customer id, the anonymous profile's history moves to the
 * customer and is replayed there, so the cart filled on an unknown device follows the customer.
 */
@ApplicationScoped
public class IdentityStitcher {

    private final ProfileStore store;
    private final EntityManager em;

    public IdentityStitcher(ProfileStore store, EntityManager em) {
        this.store = store;
        this.em = em;
    }

    /** The customer id to write to, creating, linking and merging as needed. Call inside a transaction. */
    public String resolveForWrite(String customerId, IdentityRef identity) {
        if (customerId == null) {
            String known = store.customerOf(identity).orElse(null);
            if (known != null) {
                return known;
            }
            String anonymous = ProfileStore.anonymousIdFor(identity);
            store.lockOrCreate(anonymous, true);
            store.link(identity, anonymous);
            return anonymous;
        }
        Profile profile = store.lockOrCreate(customerId, false);
        if (profile.anonymous) {
            // Written to by its own id: somebody treats it as a known customer now.
            profile.anonymous = false;
        }
        if (identity != null) {
            link(identity, profile);
        }
        return customerId;
    }

    /** Links an identity to a profile, merging the anonymous profile that held it. */
    public void link(IdentityRef identity, Profile profile) {
        Optional<String> previous = store.link(identity, profile.customerId);
        previous.ifPresent(anonymousId -> merge(anonymousId, profile));
    }

    private void merge(String anonymousId, Profile into) {
        Profile anonymous = store.lockOrCreate(anonymousId, true);
        anonymous.traits.forEach(into.traits::putIfAbsent);
        anonymous.consent.forEach(into.consent::putIfAbsent);
        em.flush();
        em.createQuery("update CustomerEvent e set e.customerId = ?1 where e.customerId = ?2")
                .setParameter(1, into.customerId).setParameter(2, anonymousId).executeUpdate();
        em.createQuery("update Identity i set i.customerId = ?1 where i.customerId = ?2")
                .setParameter(1, into.customerId).setParameter(2, anonymousId).executeUpdate();
        em.remove(anonymous);
        em.flush();
        ProfileProjection.rebuild(into, CustomerEvent.historyOf(into.customerId));
    }
}
