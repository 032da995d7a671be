package io.omnidecide.event;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A stored event: append-only, its id the client's idempotency key. */
@Entity
@Table(name = "customer_event")
public class CustomerEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "event_type")
    public String type;

    public String channel;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The event's properties object as JSON text. */
    public String properties;

    /** The customer's whole history in event time, for rebuilding the profile. */
    public static List<CustomerEvent> historyOf(String customerId) {
        return list("customerId = ?1 order by occurredAt, receivedAt, eventId", customerId);
    }
}
