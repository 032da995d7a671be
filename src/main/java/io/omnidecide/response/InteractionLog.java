package io.omnidecide.response;

import io.omnidecide.facts.Interactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The interaction history: one row per decision, action and outcome. Inserts ignore a row that
 * exists, so a repeated response counts once without a read first.
 */
@ApplicationScoped
public class InteractionLog {

    /** How far back caps and cooldowns can look; conversions are read whatever their age. */
    static final Duration WINDOW = Duration.ofDays(180);

    private final EntityManager em;
    private final Clock clock;

    public InteractionLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Records an outcome; false when this decision, action and outcome were recorded already. A new
     * impression is a trial for learning; the first positive outcome of a decision's action a success.
     *
     * @param segment the lifecycle stage the customer was decided in, the key propensities learn by
     */
    public boolean record(String decisionId, String actionId, String outcome, String customerId, String channel, String category,
            String segment, Instant occurredAt) {
        boolean recorded = insert(decisionId, actionId, outcome, customerId, channel, category, occurredAt);
        if (recorded && outcome.equals("impression")) {
            count(actionId, channel, segment, "trials");
        } else if (recorded && ResponseService.POSITIVE.contains(outcome) && positives(decisionId, actionId) == 1) {
            count(actionId, channel, segment, "successes");
        }
        return recorded;
    }

    private long positives(String decisionId, String actionId) {
        return ((Number) em.createNativeQuery("select count(*) from interaction where decision_id = ?1 and action_id = ?2 "
                        + "and outcome in ('click', 'accept', 'convert')")
                .setParameter(1, decisionId).setParameter(2, actionId).getSingleResult()).longValue();
    }

    /** Adds one to a counter; the row is created first without a read, so concurrent counts both land. */
    private void count(String actionId, String channel, String segment, String column) {
        String key = segment == null ? "none" : segment;
        em.createNativeQuery("insert into propensity_stats (action_id, channel, segment, trials, successes) values (?1, ?2, ?3, 0, 0) "
                        + "on conflict do nothing")
                .setParameter(1, actionId).setParameter(2, channel).setParameter(3, key).executeUpdate();
        em.createNativeQuery("update propensity_stats set " + column + " = " + column + " + 1 where action_id = ?1 and channel = ?2 and segment = ?3")
                .setParameter(1, actionId).setParameter(2, channel).setParameter(3, key).executeUpdate();
    }

    private boolean insert(String decisionId, String actionId, String outcome, String customerId, String channel, String category,
            Instant occurredAt) {
        return em.createNativeQuery("insert into interaction (decision_id, action_id, outcome, customer_id, channel, category, "
                        + "occurred_at, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing")
                .setParameter(1, decisionId).setParameter(2, actionId).setParameter(3, outcome).setParameter(4, customerId)
                .setParameter(5, channel).setParameter(6, category).setParameter(7, occurredAt).setParameter(8, clock.instant())
                .executeUpdate() == 1;
    }

    public Interactions of(String customerId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select action_id, channel, category, outcome, occurred_at from interaction "
                        + "where customer_id = ?1 and (occurred_at >= ?2 or outcome = 'convert') and occurred_at <= ?3")
                .setParameter(1, customerId).setParameter(2, now.minus(WINDOW)).setParameter(3, now).getResultList();
        return new Interactions(rows.stream().map(r -> new Interactions.Interaction((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], toInstant(r[4]))).toList(), now);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
