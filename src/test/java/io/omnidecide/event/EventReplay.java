package io.omnidecide.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.profile.Profile;
import java.time.Clock;
import java.time.Instant;

/**
 * Ingest without the database, for the performance suite's bulk seed (io.omnidecide.bench.PopulationSeeder):
 * an event item is validated and applied to a profile exactly as POST /v1/events does, and comes
 * back as the row the service would store.
 */
public final class EventReplay {

    /** One customer_event row. */
    public record StoredEvent(String id, String customerId, String type, String channel, Instant occurredAt, String properties) {
    }

    private final EventValidator validator;

    public EventReplay(Clock clock) {
        this.validator = new EventValidator(clock);
    }

    /** Validates the item, applies it to the profile in event time order, and returns its row; throws if ingest would reject it. */
    public StoredEvent apply(Profile profile, JsonNode item) {
        EventValidator.Result result = validator.validate(0, item);
        if (result.rejection() != null) {
            throw new IllegalArgumentException("ingest would reject " + item + ": " + result.rejection());
        }
        ValidEvent e = result.event();
        ProfileProjection.apply(profile, e.type(), e.channel(), e.occurredAt(), e.properties());
        return new StoredEvent(e.id(), e.customerId(), e.type().wireName(), e.channel(), e.occurredAt(), JsonColumns.write(e.properties()));
    }
}
