package io.omnidecide.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * What is kept in memory of the keys presented lately, so that checking a key read in the last
 * {@link #FRESH_FOR} costs no I/O and no lock: a request on the event loop is answered from here,
 * and only a key not read lately goes to a worker to read the database. A key revoked on another
 * instance therefore stops working within {@link #FRESH_FOR}; on this one, at once ({@link #forget}).
 * Unknown key ids are remembered too (as unknown), so repeating one does not reach the database
 * more than once per {@link #FRESH_FOR}; concurrent reads of one id share a single read.
 */
final class KeyCache {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    /** Beyond this many entries, stale ones are dropped; a flood of distinct made-up ids cannot grow memory without bound. */
    static final int MAX_ENTRIES = 10_000;

    /** A key as stored: what checking it needs. Empty from the reader for an id no key has. */
    record Stored(String secretHash, Caller caller, boolean revoked, Instant lastUsedAt) {
    }

    /** Last use is kept to the minute: a write per request would cost more than it tells. */
    static final Duration RECORD_USE_EVERY = Duration.ofMinutes(1);

    /** A key as remembered; {@code stored} empty for an unknown id. {@code lastUsed} is claimed by the request that records a use. */
    private record Entry(Optional<Stored> stored, byte[] secretHash, Instant readAt, AtomicReference<Instant> lastUsed) {
    }

    private final Clock clock;
    private final Function<String, Optional<Stored>> reader;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Entry>> reading = new ConcurrentHashMap<>();
    /** Counts {@link #forget}s, so that a read under way when a key was revoked is not remembered. */
    private final AtomicLong forgets = new AtomicLong();

    KeyCache(Clock clock, Function<String, Optional<Stored>> reader) {
        this.clock = clock;
        this.reader = reader;
    }

    /** A presented key's check, decided from memory when its key was read lately ({@link Check#needsRead}). */
    Check check(String presented) {
        Optional<KeySecrets.Parts> parts = KeySecrets.parse(presented);
        if (parts.isEmpty()) {
            return new Check(null, null, clock.instant());
        }
        Instant now = clock.instant();
        Entry entry = entries.get(parts.get().keyId());
        return new Check(parts.get(), entry != null && fresh(entry, now) ? entry : null, now);
    }

    /** A key revoked here stops working at once. */
    void forget(String keyId) {
        forgets.incrementAndGet();
        entries.remove(keyId);
    }

    private static boolean fresh(Entry entry, Instant now) {
        return entry.readAt().plus(FRESH_FOR).isAfter(now);
    }

    /** Blocking: one read of the database per id at a time, however many requests wait for it. */
    private Entry read(String keyId, Instant now) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> theirs = reading.putIfAbsent(keyId, mine);
        if (theirs != null) {
            return theirs.join();
        }
        try {
            Entry known = entries.get(keyId);
            if (known != null && fresh(known, now)) {
                // Read by a request that finished between this one's look and now.
                mine.complete(known);
                return known;
            }
            long forgotten = forgets.get();
            Optional<Stored> stored = reader.apply(keyId);
            Entry entry = new Entry(stored, stored.map(s -> KeySecrets.hashBytes(s.secretHash())).orElse(null), now,
                    new AtomicReference<>(stored.map(Stored::lastUsedAt).orElse(null)));
            if (entries.size() >= MAX_ENTRIES) {
                entries.values().removeIf(e -> !fresh(e, now));
            }
            if (entries.size() < MAX_ENTRIES && forgets.get() == forgotten) {
                entries.put(keyId, entry);
            }
            mine.complete(entry);
            return entry;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            reading.remove(keyId, mine);
        }
    }

    /** One presented key's check. */
    final class Check {
        private final KeySecrets.Parts parts;
        private final Instant now;
        /** The key as remembered, or as read by {@link #caller}. */
        private Entry entry;

        private Check(KeySecrets.Parts parts, Entry entry, Instant now) {
            this.parts = parts;
            this.entry = entry;
            this.now = now;
        }

        /** True when {@link #caller} must read the database first: run it on a worker, not on the event loop. */
        boolean needsRead() {
            return parts != null && entry == null;
        }

        /** The caller, if the key is live and its secret right; blocking when {@link #needsRead}. */
        Optional<Caller> caller() {
            if (parts == null) {
                return Optional.empty();
            }
            if (entry == null) {
                entry = read(parts.keyId(), now);
            }
            if (entry.stored().isEmpty() || entry.stored().get().revoked() || !KeySecrets.matches(parts.secret(), entry.secretHash())) {
                return Optional.empty();
            }
            return entry.stored().map(Stored::caller);
        }

        /** True for the one request per {@link #RECORD_USE_EVERY} of a key that should record its use; call after {@link #caller}. */
        boolean recordsUse() {
            Instant last = entry.lastUsed().get();
            return (last == null || !last.plus(RECORD_USE_EVERY).isAfter(now)) && entry.lastUsed().compareAndSet(last, now);
        }

        Instant at() {
            return now;
        }
    }
}
