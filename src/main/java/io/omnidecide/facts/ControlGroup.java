package io.omnidecide.facts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Where a customer falls, for one action, on a line from 0 to 1: a hash of customer and action, so
 * the same customer is in or out of an action's control group on every channel, in every decide,
 * on every machine, and groups of different actions are independent.
 */
public final class ControlGroup {

    /** A digest per thread: getInstance looks the algorithm up among the providers on every call. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private ControlGroup() {
    }

    public static double position(String customerId, String actionId) {
        // digest() resets the instance for the next call.
        byte[] digest = SHA_256.get().digest((customerId + "|" + actionId).getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(digest).getLong() >>> 11;
        return bits / (double) (1L << 53);
    }
}
