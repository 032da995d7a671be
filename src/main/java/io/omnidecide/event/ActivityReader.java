package io.omnidecide.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Counts recent engagement per channel with one bounded query on (customer_id, occurred_at), the
 * index the decide path relies on.
 */
@ApplicationScoped
public class ActivityReader {

    private final EntityManager em;

    public ActivityReader(EntityManager em) {
        this.em = em;
    }

    public RecentActivity of(String customerId, Instant now) {
        // Plain JDBC on the transaction's connection: through a Hibernate native query this read cost as
        // much again in result mapping as in the database, on every decide. Events are written with SQL
        // at once, so nothing unflushed is missed.
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select channel, event_type, count(*), "
                    + "sum(case when occurred_at >= ? then 1 else 0 end) from customer_event "
                    + "where customer_id = ? and occurred_at >= ? and occurred_at <= ? group by channel, event_type")) {
                query.setObject(1, utc(now.minus(Duration.ofDays(14))));
                query.setString(2, customerId);
                query.setObject(3, utc(now.minus(Duration.ofDays(30))));
                query.setObject(4, utc(now));
                List<RecentActivity.Count> counts = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.add(new RecentActivity.Count(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getInt(4)));
                    }
                }
                return RecentActivity.of(counts);
            }
        });
    }

    /** A time as JDBC drivers take it for a timestamp with time zone column. */
    public static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
