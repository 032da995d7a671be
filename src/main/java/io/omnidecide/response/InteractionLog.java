package io.omnidecide.response;

import io.omnidecide.event.ActivityReader;
import io.omnidecide.facts.Interactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

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
        // Plain JDBC on the transaction's connection, as ActivityReader: a Hibernate native query's result
        // mapping cost as much as the read itself on every decide. Interactions are written with SQL at once.
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select action_id, channel, category, outcome, occurred_at "
                    + "from interaction where customer_id = ? and (occurred_at >= ? or outcome = 'convert') and occurred_at <= ?")) {
                query.setString(1, customerId);
                query.setObject(2, ActivityReader.utc(now.minus(WINDOW)));
                query.setObject(3, ActivityReader.utc(now));
                List<Interactions.Interaction> rows = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Interactions.Interaction(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                                row.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
                return new Interactions(rows, now);
            }
        });
    }
}
