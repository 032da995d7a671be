package io.omnidecide.event;

import io.omnidecide.facts.Channel;
import io.omnidecide.profile.ConsentEntry;
import java.util.List;

/**
 * One property an event type reads from {@code properties}: what the validator checks and what
 * docs/events.md lists, from the same declaration.
 */
public record EventProperty(String name, Kind kind, boolean required, String example, String meaning) {

    /** The JSON a property takes. */
    public enum Kind {
        TEXT("a non-empty string of at most " + EventValidator.MAX_ID_LENGTH + " characters"),
        NUMBER("a number"),
        COUNT("a whole number, at least 1"),
        CHANNEL("one of " + String.join(", ", Channel.NAMES)),
        CONSENT_STATUS("one of " + String.join(", ", ConsentEntry.STATUSES)),
        ORDER_LINES("an array of order lines {sku, name, category, price, quantity}"),
        OBJECT("an object");

        private final String accepts;

        Kind(String accepts) {
            this.accepts = accepts;
        }

        public String accepts() {
            return accepts;
        }
    }

    /** The fields of one order line in properties.items, all optional. */
    static final List<EventProperty> LINE = List.of(
            optional("sku", Kind.TEXT, "\"SNEAKER-42\"", "the product"),
            optional("name", Kind.TEXT, "\"Trail sneaker\"", "its name"),
            optional("category", Kind.TEXT, "\"running\"", "its category"),
            optional("price", Kind.NUMBER, "89.0", "unit price"),
            optional("quantity", Kind.COUNT, "1", "how many (1 when left out)"));

    static EventProperty required(String name, Kind kind, String example, String meaning) {
        return new EventProperty(name, kind, true, example, meaning);
    }

    static EventProperty optional(String name, Kind kind, String example, String meaning) {
        return new EventProperty(name, kind, false, example, meaning);
    }
}
