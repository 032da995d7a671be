package io.omnidecide.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnidecide.OmnidecideConfig;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.problem.InvalidRequestException;
import io.omnidecide.profile.IdentityConflictException;
import io.omnidecide.profile.Profile;
import io.omnidecide.profile.ProfileStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ingests events: validates each item on its own, stores the good ones idempotently (the event id
 * is unique in the database, so a retried event is acknowledged and not applied twice), and
 * updates the profile in the same transaction as the insert.
 */
@ApplicationScoped
public class EventService {

    private final EntityManager em;
    private final ProfileStore profiles;
    private final IdentityStitcher stitcher;
    private final EventValidator validator;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int maxBatchSize;

    public EventService(EntityManager em, ProfileStore profiles, IdentityStitcher stitcher, Clock clock,
            MeterRegistry meters, OmnidecideConfig config) {
        this.em = em;
        this.profiles = profiles;
        this.stitcher = stitcher;
        this.validator = new EventValidator(clock);
        this.clock = clock;
        this.meters = meters;
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
        List<EventRejection> rejections = new ArrayList<>();
        List<ValidEvent> valid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            EventValidator.Result result = validator.validate(i, items.get(i));
            if (result.rejection() != null) {
                rejections.add(result.rejection());
            } else {
                valid.add(result.event());
            }
        }
        int[] counts = QuarkusTransaction.requiringNew().call(() -> store(valid, rejections));
        IngestResult result = new IngestResult(counts[0], counts[1], rejections.size(),
                rejections.stream().sorted(Comparator.comparingInt(EventRejection::index)).toList());
        meters.counter("omnidecide.events", "outcome", "accepted").increment(result.accepted());
        meters.counter("omnidecide.events", "outcome", "duplicate").increment(result.duplicates());
        meters.counter("omnidecide.events", "outcome", "rejected").increment(result.rejected());
        return result;
    }

    /** Stores events in order; returns {accepted, duplicates}. Identity conflicts reject the item. */
    private int[] store(List<ValidEvent> events, List<EventRejection> rejections) {
        int accepted = 0;
        int duplicates = 0;
        for (ValidEvent event : events) {
            String customerId;
            try {
                customerId = stitcher.resolveForWrite(event.customerId(), event.identity());
            } catch (IdentityConflictException e) {
                rejections.add(new EventRejection(event.index(), event.id(), "identity", e.getMessage()));
                continue;
            }
            if (insert(event, customerId)) {
                apply(profiles.lockOrCreate(customerId, false), event);
                accepted++;
            } else {
                duplicates++;
            }
        }
        return new int[] {accepted, duplicates};
    }

    /** Insert unless the id exists; the unique key decides, so concurrent retries cannot both apply. */
    private boolean insert(ValidEvent event, String customerId) {
        return em.createNativeQuery("insert into customer_event (event_id, customer_id, event_type, channel, occurred_at, "
                        + "received_at, properties) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                .setParameter(1, event.id()).setParameter(2, customerId).setParameter(3, event.type().wireName())
                .setParameter(4, event.channel()).setParameter(5, event.occurredAt()).setParameter(6, clock.instant())
                .setParameter(7, JsonColumns.write(event.properties()))
                .executeUpdate() == 1;
    }

    private void apply(Profile profile, ValidEvent event) {
        if (profile.lastEventAt != null && event.occurredAt().isBefore(profile.lastEventAt)) {
            // A late event: replay the history in event time so the cart and firsts come out right.
            em.flush();
            ProfileProjection.rebuild(profile, CustomerEvent.historyOf(profile.customerId));
        } else {
            ProfileProjection.apply(profile, event.type(), event.channel(), event.occurredAt(), event.properties());
        }
        profile.updatedAt = clock.instant();
    }
}
