package io.omnidecide.response;

import io.omnidecide.facts.ResponseCounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Response counts for learning, read from the database at most every few seconds: one small table
 * (actions x channels x lifecycle stages) shared by every decide, instead of a query per decide.
 */
@ApplicationScoped
public class PropensityStats implements ResponseCounts {

    private static final Duration REFRESH_EVERY = Duration.ofSeconds(2);

    private final EntityManager em;
    private final Clock clock;
    private volatile Map<String, Counts> counts = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    public PropensityStats(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public Counts of(String actionId, String channel, String segment) {
        Instant now = clock.instant();
        if (stale(now)) {
            refreshIfStale(now);
        }
        return counts.getOrDefault(key(actionId, channel, segment == null ? "none" : segment), Counts.ZERO);
    }

    private boolean stale(Instant now) {
        return loadedAt.plus(REFRESH_EVERY).isBefore(now);
    }

    /** The threads that waited for a refresh find it done, rather than each running the query again. */
    private synchronized void refreshIfStale(Instant now) {
        if (stale(now)) {
            refresh(now);
        }
    }

    /** Reads the counts now rather than at the next refresh, for tests and operators. */
    public synchronized void refresh(Instant now) {
        Map<String, Counts> fresh = new HashMap<>();
        QuarkusTransaction.joiningExisting().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select action_id, channel, segment, trials, successes from propensity_stats")
                    .getResultList();
            rows.forEach(r -> fresh.put(key((String) r[0], (String) r[1], (String) r[2]),
                    new Counts(((Number) r[3]).longValue(), ((Number) r[4]).longValue())));
        });
        counts = fresh;
        loadedAt = now;
    }

    private static String key(String actionId, String channel, String segment) {
        return actionId + "|" + channel + "|" + segment;
    }
}
