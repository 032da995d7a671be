package io.omnidecide.event;

import io.omnidecide.profile.IdentityConflictException;
import io.omnidecide.profile.IdentityRef;
import io.omnidecide.profile.Profile;
import io.omnidecide.store.CustomerStore;
import io.omnidecide.store.LockedProfiles;
import java.util.HexFormat;

/**
 * Decides which profile a write lands on, and stitches identities: an identity seen alone gets an
 * anonymous profile; once linked to a customer id, the anonymous profile's history moves to the
 * customer and is replayed there, so the cart filled on an unknown device follows the customer. An
 * identity held by another known customer is refused: linking it would merge two people.
 */
public final class IdentityStitcher {

    private IdentityStitcher() {
    }

    /** The customer id to write to, creating, linking and merging as needed. */
    public static String resolveForWrite(LockedProfiles profiles, String customerId, IdentityRef identity) {
        CustomerStore store = profiles.store();
        if (customerId == null) {
            String known = store.customerOf(identity).orElse(null);
            if (known != null) {
                return known;
            }
            String anonymous = anonymousIdFor(identity);
            profiles.get(anonymous, true);
            link(profiles, identity, anonymous);
            return anonymous;
        }
        Profile profile = profiles.get(customerId, false);
        // Written to by its own id: somebody treats it as a known customer now.
        profile.anonymous = false;
        if (identity != null) {
            link(profiles, identity, customerId);
        }
        return customerId;
    }

    /** Links an identity to a customer, merging the anonymous profile that held it. */
    public static void link(LockedProfiles profiles, IdentityRef identity, String customerId) {
        CustomerStore store = profiles.store();
        String owner = store.claim(identity, customerId);
        if (owner.equals(customerId)) {
            return;
        }
        if (!profiles.get(owner, true).anonymous) {
            throw new IdentityConflictException(identity, owner);
        }
        store.relink(identity, customerId);
        Profile anonymous = profiles.get(owner, true);
        Profile into = profiles.get(customerId, false);
        anonymous.traits.forEach(into.traits::putIfAbsent);
        anonymous.consent.forEach(into.consent::putIfAbsent);
        store.fold(owner, customerId);
        profiles.merged(owner, customerId);
        ProfileProjection.rebuild(into, store.history(customerId));
    }

    /** Anonymous profiles are named after the identity that created them, so a retry finds the same one. */
    public static String anonymousIdFor(IdentityRef identity) {
        return "anon-" + HexFormat.of().formatHex(sha256(identity.toString())).substring(0, 20);
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
