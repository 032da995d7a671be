package io.omnidecide.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnidecide.facts.Channel;
import io.omnidecide.profile.ConsentEntry;
import io.omnidecide.profile.IdentityRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;

/**
 * Checks one incoming event item on its own, so a bad item is rejected with its reason while the
 * rest of the batch is stored. Reads the raw JSON tree: a wrong type in one item must not fail the
 * whole request the way binding to a record would.
 */
final class EventValidator {

    static final int MAX_ID_LENGTH = 128;
    /** Senders' clocks drift; an event further in the future than this is a bug, not drift. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
    /** The fields an event item takes; any other is a mistake to report, not to drop silently. */
    static final List<String> FIELDS = List.of("id", "customerId", "identity", "type", "channel", "occurredAt", "properties");
    static final List<String> IDENTITY_FIELDS = List.of("type", "value");

    private final Clock clock;

    EventValidator(Clock clock) {
        this.clock = clock;
    }

    /** The valid event, or the item's rejection. */
    Result validate(int index, JsonNode item) {
        try {
            return new Result(read(index, item), null);
        } catch (Invalid e) {
            String id = item != null && item.path("id").isTextual() ? item.path("id").asText() : null;
            return new Result(null, new EventRejection(index, id, e.field, e.getMessage()));
        }
    }

    record Result(ValidEvent event, EventRejection rejection) {
    }

    private ValidEvent read(int index, JsonNode item) {
        if (item == null || !item.isObject()) {
            throw new Invalid(null, "an event must be a JSON object");
        }
        onlyKnownFields(item, FIELDS, "");
        String id = requiredText(item, "id", MAX_ID_LENGTH);
        String customerId = optionalText(item, "customerId", MAX_ID_LENGTH);
        IdentityRef identity = identity(item);
        if (customerId == null && identity == null) {
            throw new Invalid("customerId", "customerId or identity is required");
        }
        String typeName = requiredText(item, "type", 64);
        EventType type = EventType.fromWire(typeName)
                .orElseThrow(() -> new Invalid("type", "unknown event type '" + typeName + "'; known types: " + EventType.NAMES));
        String channel = optionalText(item, "channel", 32);
        if (channel == null) {
            channel = type.impliedChannel().orElse(null);
        } else if (Channel.fromWire(channel).isEmpty()) {
            throw new Invalid("channel", "unknown channel '" + channel + "'; channels: " + Channel.NAMES);
        }
        Instant occurredAt = occurredAt(item);
        JsonNode props = item.get("properties");
        if (props != null && !props.isNull() && !props.isObject()) {
            throw new Invalid("properties", "properties must be a JSON object");
        }
        ObjectNode properties = props == null || props.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) props;
        checkProperties(type, customerId, identity, properties);
        return new ValidEvent(index, id, customerId, identity, type, channel, occurredAt, properties);
    }

    private static IdentityRef identity(JsonNode item) {
        JsonNode node = item.get("identity");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || !node.path("type").isTextual() || !node.path("value").isTextual()) {
            throw new Invalid("identity", "identity must be an object {\"type\": \"email|phone|device|cookie|...\", \"value\": \"...\"}");
        }
        onlyKnownFields(node, IDENTITY_FIELDS, "identity.");
        IdentityRef ref = new IdentityRef(node.get("type").asText(), node.get("value").asText());
        String problem = ref.problem();
        if (problem != null) {
            throw new Invalid("identity", problem);
        }
        return ref.normalised();
    }

    private Instant occurredAt(JsonNode item) {
        JsonNode node = item.get("occurredAt");
        if (node == null || node.isNull()) {
            return clock.instant();
        }
        if (!node.isTextual()) {
            throw new Invalid("occurredAt", "occurredAt must be an ISO-8601 string such as 2026-11-24T10:15:30Z");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid("occurredAt", "occurredAt '" + node.asText() + "' is not an ISO-8601 time with offset, such as 2026-11-24T10:15:30Z");
        }
        if (at.isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
            throw new Invalid("occurredAt", "occurredAt is more than a day in the future");
        }
        return at;
    }

    /** What the type needs to be applied to the profile: its declared properties ({@link EventType#properties()}). */
    private static void checkProperties(EventType type, String customerId, IdentityRef identity, ObjectNode p) {
        if (type.linksIdentity() && (customerId == null || identity == null)) {
            throw new Invalid(customerId == null ? "customerId" : "identity",
                    "an identify event links an identity to a customer: it needs both customerId and identity");
        }
        for (EventProperty property : EventType.COMMON) {
            check(property, p, "properties.");
        }
        for (EventProperty property : type.properties()) {
            check(property, p, "properties.");
        }
    }

    private static void check(EventProperty property, JsonNode node, String prefix) {
        String field = prefix + property.name();
        JsonNode value = node.get(property.name());
        if (value == null || value.isNull()) {
            if (property.required()) {
                throw new Invalid(field, field + " is required");
            }
            return;
        }
        boolean fits = switch (property.kind()) {
            case TEXT -> value.isTextual() && !value.asText().isBlank() && value.asText().length() <= MAX_ID_LENGTH;
            case NUMBER -> value.isNumber();
            case COUNT -> value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 1;
            case CHANNEL -> value.isTextual() && Channel.fromWire(value.asText()).isPresent();
            case CONSENT_STATUS -> value.isTextual() && ConsentEntry.STATUSES.contains(value.asText());
            case ORDER_LINES -> value.isArray();
            case OBJECT -> value.isObject();
        };
        if (!fits) {
            throw new Invalid(field, field + " must be " + property.kind().accepts());
        }
        if (property.kind() == EventProperty.Kind.ORDER_LINES) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode line = value.get(i);
                if (!line.isObject()) {
                    throw new Invalid(field + "[" + i + "]", field + "[" + i + "] must be an order line {sku, name, category, price, quantity}");
                }
                for (EventProperty part : EventProperty.LINE) {
                    check(part, line, field + "[" + i + "].");
                }
            }
        }
    }

    private static void onlyKnownFields(JsonNode node, List<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new Invalid(prefix + name, "unknown field '" + prefix + name + "'; " + (prefix.isEmpty() ? "an event" : prefix
                        .substring(0, prefix.length() - 1)) + " takes: " + String.join(", ", known));
            }
        }
    }

    private static String requiredText(JsonNode node, String field, int maxLength) {
        String text = optionalText(node, field, maxLength);
        if (text == null) {
            throw new Invalid(field, field + " is required");
        }
        return text;
    }

    private static String optionalText(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Invalid(field, field + " must be a non-empty string");
        }
        if (value.asText().length() > maxLength) {
            throw new Invalid(field, field + " must be at most " + maxLength + " characters");
        }
        return value.asText();
    }

    /** Item-level failure, caught in {@link #validate}; never leaves this class. */
    private static final class Invalid extends RuntimeException {
        private final String field;

        Invalid(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
