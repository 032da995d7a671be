package io.omnidecide.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;

/** An event as stored: append-only, its id the client's idempotency key. */
public record StoredEvent(String id, String customerId, EventType type, String channel, Instant occurredAt, Instant receivedAt,
        ObjectNode properties) {

    /** Event time, as a profile is projected: when it happened, then when it came, then its id. */
    public static final Comparator<StoredEvent> EVENT_TIME = Comparator.comparing(StoredEvent::occurredAt)
            .thenComparing(StoredEvent::receivedAt).thenComparing(StoredEvent::id);

    public StoredEvent movedTo(String customer) {
        return new StoredEvent(id, customer, type, channel, occurredAt, receivedAt, properties);
    }
}
