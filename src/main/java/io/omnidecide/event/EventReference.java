package io.omnidecide.event;

import java.util.List;
import java.util.Map;

/**
 * docs/events.md, written from the declarations the validator checks ({@link EventType},
 * {@link EventProperty}, {@link EventValidator#FIELDS}), so the reference cannot drift from the code:
 * EventReferenceTest fails when the file differs and rewrites it with -Domnidecide.write-docs=true.
 */
public final class EventReference {

    /** What each field of an event item is; every field the validator takes must be here. */
    private static final Map<String, String> FIELDS = Map.of(
            "id", "required, string (at most 128): the sender's idempotency key; a repeated id is acknowledged as a duplicate and not applied again",
            "customerId", "string (at most 128): the customer; give it or identity (identify needs both)",
            "identity", "object {type, value}: an identifier the sender knows the customer by (see Identities); give it or customerId",
            "type", "required, string: one of the event types below",
            "channel", "one of the channels (web, app, email, sms, push, social, store, call_centre); the type's own channel when left out",
            "occurredAt", "ISO-8601 time with offset, such as 2026-11-24T10:15:30Z; now when left out; at most a day in the future. "
                    + "A late event is placed in event time",
            "properties", "object: what the type reads (below); other properties are stored and ignored");

    private EventReference() {
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("""
                # Events: the reference

                <!-- Generated from io.omnidecide.event.EventType by EventReferenceTest; edit the code, not this file. -->

                `POST /v1/events` takes one event object or an array of them (at most `omnidecide.events.max-batch-size`,
                500 by default). Each item is checked on its own: a bad item is rejected with its index, field and reason,
                and the good items beside it are stored. The answer is `202`:

                ```json
                {"accepted": 1, "duplicates": 0, "rejected": 1,
                 "errors": [{"index": 1, "id": "evt-2", "field": "properties.sku", "reason": "properties.sku is required"}]}
                ```

                ## Fields of an event

                | field | what it takes |
                |---|---|
                """);
        for (String field : EventValidator.FIELDS) {
            String meaning = FIELDS.get(field);
            if (meaning == null) {
                throw new IllegalStateException("field '" + field + "' has no description in EventReference");
            }
            md.append("| `").append(field).append("` | ").append(meaning).append(" |\n");
        }
        md.append("\nAny other field is refused (the item is rejected naming it), so a misspelt `occuredAt` is not silently dropped.\n");
        md.append("""

                ## Identities

                `identity` is `{"type": "...", "value": "..."}` with exactly these two fields. `type` is a lower-case word
                (`email`, `phone`, `device`, `cookie`, `loyalty`, or your own such as `crm_id`); `value` is a non-empty string of
                at most 320 characters. Values are trimmed, and e-mail addresses match whatever their case. An identity seen for
                the first time makes an anonymous profile for it; once linked to a customer it names that customer on every
                channel. An identity already linked to another known customer is not moved: the item is rejected.

                ## Event types

                | type | channel when left out | what it changes in the profile |
                |---|---|---|
                """);
        for (EventType type : EventType.values()) {
            md.append("| `").append(type.wireName()).append("` | ").append(type.impliedChannel().map(c -> "`" + c + "`").orElse("none"))
                    .append(" | ").append(type.effect()).append(" |\n");
        }
        md.append("\nEvery event also updates first and last seen, and the first one the acquisition channel and campaign.\n");
        md.append("\n## Properties each type reads\n\nEvery type reads:\n\n");
        table(md, EventType.COMMON);
        for (EventType type : EventType.values()) {
            if (!type.properties().isEmpty()) {
                md.append("\n### `").append(type.wireName()).append("`\n\n");
                table(md, type.properties());
            }
        }
        md.append("\nAn order line in `items` takes:\n\n");
        table(md, EventProperty.LINE);
        md.append("""

                ## `identify` and cross-device stitching, worked through

                A visitor browses the web shop before logging in. The shop sends what it knows, a cookie:

                ```json
                {"id": "evt-1", "identity": {"type": "cookie", "value": "ck-77f1"}, "type": "add_to_cart", "channel": "web",
                 "properties": {"sku": "DAYPACK", "name": "Daypack", "price": 70}}
                ```

                The cookie gets an anonymous profile holding the cart. When the visitor logs in as customer `c-42`, the shop
                sends `identify` with both the customer and the identity:

                ```json
                {"id": "evt-2", "customerId": "c-42", "identity": {"type": "cookie", "value": "ck-77f1"}, "type": "identify",
                 "channel": "web", "properties": {"traits": {"firstName": "Tomás"}}}
                ```

                The cookie is now linked to `c-42`, and the anonymous profile is merged in: its cart and its history move to
                `c-42`, and the traits given are set. From then on the app (with `customerId`), e-mail clicks (with
                `{"type": "email", ...}` once linked by `PUT /v1/profiles/c-42`) and later web events with the same cookie all
                name the same customer, and `POST /v1/decide` for any of those identities decides for `c-42` with the cart that
                began on the web. An `identify` without both `customerId` and `identity` is rejected.
                """);
        return md.toString();
    }

    private static void table(StringBuilder md, List<EventProperty> properties) {
        md.append("| property | required | takes | example | meaning |\n|---|---|---|---|---|\n");
        for (EventProperty p : properties) {
            md.append("| `").append(p.name()).append("` | ").append(p.required() ? "yes" : "no").append(" | ").append(p.kind().accepts())
                    .append(" | `").append(p.example()).append("` | ").append(p.meaning()).append(" |\n");
        }
    }
}
