package io.omnidecide.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The shape of a key: {@code od_<id>_<secret>}, 48 random bits of id to find the key and 256 of
 * secret. Only SHA-256 of the secret is stored: with that much randomness a slow password hash adds
 * nothing, and checking stays cheap on every request.
 */
final class KeySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "od_";
    private static final int ID_LENGTH = 12;
    /** 32 bytes in unpadded URL-safe Base64. */
    private static final int SECRET_LENGTH = 43;

    private KeySecrets() {
    }

    record Parts(String keyId, String secret) {
    }

    static Parts generate() {
        byte[] id = new byte[ID_LENGTH / 2];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new Parts(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    static String format(Parts parts) {
        return PREFIX + parts.keyId() + "_" + parts.secret();
    }

    /** The parts of a key of the shape {@link #generate} makes; anything else is refused here, before any lookup. */
    static Optional<Parts> parse(String key) {
        if (key == null || key.length() != PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH || !key.startsWith(PREFIX)
                || key.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String id = key.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        String secret = key.substring(PREFIX.length() + ID_LENGTH + 1);
        if (!id.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')
                || !secret.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
            return Optional.empty();
        }
        return Optional.of(new Parts(id, secret));
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** A stored hash as bytes, decoded once when a key is read rather than on every check. */
    static byte[] hashBytes(String storedHash) {
        return HexFormat.of().parseHex(storedHash);
    }

    /** Compares in constant time, so response timing does not leak how much of a secret was right. */
    static boolean matches(String secret, byte[] storedHash) {
        return MessageDigest.isEqual(sha256(secret), storedHash);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
