package io.omnidecide.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The key cache against a store whose reads are counted and a clock that the test moves. */
class KeyCacheTest {

    private final MovableClock clock = new MovableClock();
    private final Map<String, KeyCache.Stored> store = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final KeyCache cache = new KeyCache(clock, id -> {
        reads.incrementAndGet();
        return Optional.ofNullable(store.get(id));
    });

    @Test
    void aKeyReadLatelyIsCheckedWithoutTheDatabase() {
        String key = live("channel-a");
        assertTrue(cache.check(key).needsRead());
        assertEquals("channel-a", cache.check(key).caller().orElseThrow().keyName());
        for (int i = 0; i < 100; i++) {
            KeyCache.Check check = cache.check(key);
            assertFalse(check.needsRead());
            assertTrue(check.caller().isPresent());
        }
        assertEquals(1, reads.get());
    }

    @Test
    void aKeyRevokedElsewhereStopsWorkingWithinTheBound() {
        String key = live("channel-b");
        assertTrue(cache.check(key).caller().isPresent());
        // Another instance revokes it: this one does not hear of it, only reads it again.
        revokeInStore(key);
        clock.advance(KeyCache.FRESH_FOR.minusMillis(1));
        assertTrue(cache.check(key).caller().isPresent(), "within the bound the remembered key still serves");
        clock.advance(Duration.ofMillis(1));
        KeyCache.Check check = cache.check(key);
        assertTrue(check.needsRead());
        assertTrue(check.caller().isEmpty(), "a revoked key is refused once the bound has passed");
    }

    @Test
    void aKeyRevokedHereIsRefusedAtOnce() {
        String key = live("channel-c");
        assertTrue(cache.check(key).caller().isPresent());
        revokeInStore(key);
        cache.forget(idOf(key));
        KeyCache.Check check = cache.check(key);
        assertTrue(check.needsRead());
        assertTrue(check.caller().isEmpty());
    }

    @Test
    void aFloodOfOneUnknownKeyReadsTheDatabaseOncePerBound() throws Exception {
        String unknown = KeySecrets.format(KeySecrets.generate());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return cache.check(unknown).caller().isPresent();
                }));
            }
            go.countDown();
            for (Future<Boolean> answer : answers) {
                assertFalse(answer.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, reads.get(), "concurrent checks of one unknown id share one read, later ones are answered from memory");
        clock.advance(KeyCache.FRESH_FOR);
        assertTrue(cache.check(unknown).caller().isEmpty());
        assertEquals(2, reads.get());
    }

    @Test
    void aWrongSecretOrAMalformedKeyIsRefusedWithoutAnotherRead() {
        String key = live("channel-d");
        cache.check(key).caller();
        String wrongSecret = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        assertTrue(cache.check(wrongSecret).caller().isEmpty());
        for (String malformed : new String[] {null, "", "od_", key + "x", key.substring(1), key.replace('_', '.'),
                "od_ABCDEF012345_" + key.substring(16), key.substring(0, 16) + "!" + key.substring(17)}) {
            KeyCache.Check check = cache.check(malformed);
            assertFalse(check.needsRead(), "" + malformed);
            assertTrue(check.caller().isEmpty(), "" + malformed);
        }
        assertEquals(1, reads.get());
    }

    @Test
    void aUseIsRecordedOncePerMinute() {
        String key = live("channel-e");
        List<Boolean> records = new ArrayList<>();
        for (int second = 0; second < 150; second++) {
            KeyCache.Check check = cache.check(key);
            check.caller().orElseThrow();
            records.add(check.recordsUse());
            if (records.get(second)) {
                // What the service does: the store holds the use, and the next read sees it.
                KeyCache.Stored stored = store.get(idOf(key));
                store.put(idOf(key), new KeyCache.Stored(stored.secretHash(), stored.caller(), false, check.at()));
            }
            clock.advance(Duration.ofSeconds(1));
        }
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i)) {
                at.add(i);
            }
        }
        assertEquals(List.of(0, 60, 120), at);
    }

    private String live(String name) {
        KeySecrets.Parts parts = KeySecrets.generate();
        store.put(parts.keyId(), new KeyCache.Stored(KeySecrets.hash(parts.secret()), new Caller(name, Set.of(Roles.CHANNEL), 100), false, null));
        return KeySecrets.format(parts);
    }

    private void revokeInStore(String key) {
        KeyCache.Stored stored = store.get(idOf(key));
        store.put(idOf(key), new KeyCache.Stored(stored.secretHash(), stored.caller(), true, stored.lastUsedAt()));
    }

    private static String idOf(String key) {
        return KeySecrets.parse(key).orElseThrow().keyId();
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
