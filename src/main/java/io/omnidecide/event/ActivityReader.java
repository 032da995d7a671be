package io.omnidecide.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
        Instant since30 = now.minus(Duration.ofDays(30));
        Instant since14 = now.minus(Duration.ofDays(14));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select channel, event_type, count(*), "
                        + "sum(case when occurred_at >= ?3 then 1 else 0 end) from customer_event "
                        + "where customer_id = ?1 and occurred_at >= ?2 and occurred_at <= ?4 group by channel, event_type")
                .setParameter(1, customerId).setParameter(2, since30).setParameter(3, since14).setParameter(4, now)
                .getResultList();
        return RecentActivity.of(rows.stream()
                .map(row -> new RecentActivity.Count((String) row[0], (String) row[1], ((Number) row[2]).intValue(), ((Number) row[3]).intValue()))
                .toList());
    }
}
