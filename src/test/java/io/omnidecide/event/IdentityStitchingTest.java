package io.omnidecide.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.profile.IdentityRef;
import io.omnidecide.store.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stitching as the core does it for every store, shown on the memory store the replays use. */
class IdentityStitchingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    private final MemoryStore store = new MemoryStore(CLOCK, Duration.ofDays(36_500));
    private final EventIngest ingest = new EventIngest(CLOCK);

    private IngestResult send(String... events) {
        List<JsonNode> items = java.util.Arrays.stream(events).map(JsonColumns::readTree).toList();
        return ingest.ingest(items, store);
    }

    @Test
    void anIdentityOfAnotherKnownCustomerIsRefusedAsTheServiceRefusesIt() {
        send("""
                {"id": "1", "customerId": "ada", "identity": {"type": "email", "value": "ada@example.com"}, "type": "identify",
                 "occurredAt": "2026-03-02T08:00:00Z"}""");
        IngestResult result = send("""
                {"id": "2", "customerId": "bo", "identity": {"type": "email", "value": "Ada@example.com"}, "type": "page_view",
                 "channel": "web", "occurredAt": "2026-03-02T08:01:00Z"}""");
        assertEquals(1, result.rejected());
        assertEquals("identity", result.errors().get(0).field());
        assertEquals("ada", store.customerOf(new IdentityRef("email", "ada@example.com")).orElseThrow());
        assertTrue(store.history("bo").isEmpty(), "the refused event is not stored");
    }

    @Test
    void anAnonymousCartFollowsTheCustomerEvenWithinOneBatch() {
        IngestResult result = send("""
                {"id": "1", "identity": {"type": "device", "value": "d-1"}, "type": "add_to_cart", "channel": "app",
                 "occurredAt": "2026-03-02T08:00:00Z", "properties": {"sku": "MUG", "price": 10}}""", """
                {"id": "2", "customerId": "ada", "identity": {"type": "device", "value": "d-1"}, "type": "page_view", "channel": "web",
                 "occurredAt": "2026-03-02T08:05:00Z"}""");
        assertEquals(2, result.accepted());
        String anonymous = IdentityStitcher.anonymousIdFor(new IdentityRef("device", "d-1"));
        assertFalse(store.find(anonymous).isPresent(), "the anonymous profile is merged away");
        assertEquals("MUG", store.find("ada").orElseThrow().cart.get(0).sku());
        assertEquals(List.of("1", "2"), store.history("ada").stream().map(StoredEvent::id).toList());
    }
}
