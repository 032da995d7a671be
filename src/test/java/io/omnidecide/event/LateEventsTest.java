package io.omnidecide.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.profile.Profile;
import io.omnidecide.store.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Late events, property-style: whatever order a customer's events arrive in, one by one or in
 * batches, the profile comes out as replaying them all in event time gives (ProfileProjection),
 * though a late event that commutes with the events after it is applied without a replay.
 */
class LateEventsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(START.plus(Duration.ofDays(30)), ZoneOffset.UTC);
    private static final String[] TYPES = {"page_view", "app_session", "add_to_cart", "add_to_cart", "remove_from_cart", "purchase",
        "purchase", "return", "support_ticket_opened", "support_ticket_closed", "review_posted", "newsletter_subscribed",
        "newsletter_unsubscribed", "consent_changed", "identify"};
    private static final String[] SKUS = {"MUG", "LAMP", "SOCK"};

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anyArrivalOrderGivesTheProfileOfTheReplayInEventTime(long seed) {
        Random random = new Random(seed);
        List<ObjectNode> events = history(random, 4 + random.nextInt(30));
        JsonNode expected = replayInEventTime(events);

        List<ObjectNode> arrival = new ArrayList<>(events);
        Collections.shuffle(arrival, random);
        MemoryStore store = new MemoryStore(CLOCK, Duration.ofDays(36_500));
        EventIngest ingest = new EventIngest(CLOCK);
        for (int i = 0; i < arrival.size(); ) {
            int batch = 1 + random.nextInt(4);
            List<ObjectNode> items = arrival.subList(i, Math.min(arrival.size(), i + batch));
            assertEquals(items.size(), ingest.ingest(items, store).accepted());
            i += batch;
        }
        assertEquals(expected, learned(store.find("c").orElseThrow()), "arrival order " + arrival);
    }

    /** The reference: every event applied once, in event time, to an empty profile. */
    private static JsonNode replayInEventTime(List<ObjectNode> events) {
        MemoryStore store = new MemoryStore(CLOCK, Duration.ofDays(36_500));
        new EventIngest(CLOCK).ingest(events, store);
        Profile replayed = store.find("c").orElseThrow();
        ProfileProjection.rebuild(replayed, store.history("c"));
        return learned(replayed);
    }

    /** What events taught the profile, without the bookkeeping of writes. */
    private static JsonNode learned(Profile profile) {
        ObjectNode view = JsonColumns.MAPPER.valueToTree(profile);
        view.remove(List.of("updatedAt", "createdAt", "version"));
        return view;
    }

    /** Events of one customer at distinct times, of every kind the projection knows. */
    private static List<ObjectNode> history(Random random, int size) {
        List<ObjectNode> events = new ArrayList<>();
        List<Integer> minutes = new ArrayList<>();
        for (int m = 0; m < size * 3; m++) {
            minutes.add(m);
        }
        Collections.shuffle(minutes, random);
        for (int i = 0; i < size; i++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            ObjectNode e = JsonColumns.MAPPER.createObjectNode();
            e.put("id", "e" + i);
            e.put("customerId", "c");
            e.put("type", type);
            e.put("channel", random.nextBoolean() ? "web" : "app");
            e.put("occurredAt", START.plus(Duration.ofMinutes(minutes.get(i) * 10L)).toString());
            ObjectNode p = e.putObject("properties");
            String sku = SKUS[random.nextInt(SKUS.length)];
            switch (type) {
                case "add_to_cart" -> p.put("sku", sku).put("name", sku.toLowerCase()).put("price", 5 + random.nextInt(20))
                        .put("quantity", 1 + random.nextInt(3));
                case "remove_from_cart" -> {
                    p.put("sku", sku);
                    if (random.nextBoolean()) {
                        p.put("quantity", 1 + random.nextInt(2));
                    }
                }
                case "purchase" -> {
                    if (random.nextBoolean()) {
                        p.putArray("items").addObject().put("sku", sku).put("category", "Home").put("price", price(random)).put("quantity", 1);
                    } else {
                        p.put("revenue", price(random));
                    }
                    p.put("campaign", "spring");
                }
                case "return" -> p.put("revenue", price(random));
                case "consent_changed" -> p.put("channel", "email").put("status", random.nextBoolean() ? "granted" : "denied");
                case "identify" -> {
                    e.putObject("identity").put("type", "email").put("value", "c" + random.nextInt(2) + "@example.com");
                    p.putObject("traits").put("firstName", random.nextBoolean() ? "Ada" : "Bo");
                }
                default -> {
                }
            }
            events.add(e);
        }
        return events;
    }

    /** Whole cents mostly, sometimes thousandths, credit or debit: rounding to cents at each step could make those order-dependent. */
    private static double price(Random random) {
        int kind = random.nextInt(10);
        return kind == 0 ? -(random.nextInt(50) / 1000.0) : kind == 1 ? random.nextInt(50) / 1000.0 : random.nextInt(10_000) / 100.0;
    }
}
