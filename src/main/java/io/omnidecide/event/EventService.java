package io.omnidecide.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnidecide.OmnidecideConfig;
import io.omnidecide.problem.InvalidRequestException;
import io.omnidecide.store.DatabaseStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * POST /v1/events on the database: the ingest core ({@link EventIngest}) in one transaction per
 * request, committed before the 202, so a decide right after it sees the events.
 */
@ApplicationScoped
public class EventService {

    private final DatabaseStore store;
    private final EventIngest ingest;
    /** Made once: a look-up by name and tags builds the meter's id on every call. */
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;
    private final int maxBatchSize;

    public EventService(DatabaseStore store, Clock clock, MeterRegistry meters, OmnidecideConfig config) {
        this.store = store;
        this.ingest = new EventIngest(clock);
        this.accepted = meters.counter("omnidecide.events", "outcome", "accepted");
        this.duplicates = meters.counter("omnidecide.events", "outcome", "duplicate");
        this.rejected = meters.counter("omnidecide.events", "outcome", "rejected");
        this.maxBatchSize = config.events().maxBatchSize();
    }

    /** One event object or an array of them. */
    public IngestResult ingest(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new InvalidRequestException(null, "the body must be an event object or an array of events");
        } else if (body.isArray()) {
            body.forEach(items::add);
        } else if (body.isObject()) {
            items.add(body);
        } else {
            throw new InvalidRequestException(null, "the body must be an event object or an array of events");
        }
        if (items.isEmpty()) {
            throw new InvalidRequestException(null, "the batch is empty: send at least one event");
        }
        if (items.size() > maxBatchSize) {
            throw new BatchTooLargeException(items.size(), maxBatchSize);
        }
        IngestResult result = QuarkusTransaction.requiringNew().call(() -> ingest.ingest(items, store));
        accepted.increment(result.accepted());
        duplicates.increment(result.duplicates());
        rejected.increment(result.rejected());
        return result;
    }
}
