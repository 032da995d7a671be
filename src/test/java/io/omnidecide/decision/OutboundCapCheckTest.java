package io.omnidecide.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnidecide.event.EventIngest;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.store.CustomerStore;
import io.omnidecide.store.MemoryStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An outbound decide runs its rules before it takes the customer's lock and, under the lock, checks
 * that what the caps were decided on still holds. Shown with a store that lets another writer in at
 * the moment the lock is taken: what that writer did is what the decision must respect.
 */
class OutboundCapCheckTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private static final DecideRequest EMAIL = new DecideRequest("ada", null, "email", null, null, 3, null);

    private final MemoryStore memory = new MemoryStore(CLOCK, Duration.ofDays(36_500));
    private final List<String> calls = new ArrayList<>();
    private final DecisionFlow flow = new DecisionFlow(new Decider("en", 10));

    OutboundCapCheckTest() {
        List<JsonNode> events = List.of("""
                {"id": "1", "customerId": "ada", "type": "consent_changed", "occurredAt": "2026-03-01T09:00:00Z",
                 "properties": {"channel": "email", "status": "granted"}}""", """
                {"id": "2", "customerId": "ada", "type": "add_to_cart", "channel": "web", "occurredAt": "2026-03-02T10:00:00Z",
                 "properties": {"sku": "LAMP-2", "name": "Desk lamp", "price": 45}}""").stream().map(JsonColumns::readTree).toList();
        assertEquals(2, new EventIngest(CLOCK).ingest(events, memory).accepted());
    }

    /** The memory store, with {@code atLock} run just before each lock is granted, and every call named. */
    private CustomerStore storeWith(Runnable atLock) {
        return (CustomerStore) Proxy.newProxyInstance(CustomerStore.class.getClassLoader(), new Class<?>[] {CustomerStore.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    if (method.getName().equals("lock")) {
                        atLock.run();
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private long marketingImpressions() {
        JsonNode history = JsonColumns.MAPPER.valueToTree(memory.interactions("ada", CLOCK.instant())).get("history");
        long count = 0;
        for (JsonNode i : history) {
            count += i.get("outcome").asText().equals("impression") && i.get("category").asText().equals("marketing") ? 1 : 0;
        }
        return count;
    }

    @Test
    void withNothingChangedTheRulesRunOnceAndTheLockIsTakenOnlyToCheckAndCount() {
        DecideResponse response = flow.decide(storeWith(() -> { }), StarterPack.RULESET, EMAIL, CLOCK).response();

        assertEquals("abandoned_cart_reminder", response.actions().get(0).actionId());
        assertEquals(1, calls.stream().filter("activity"::equals).count(), "the rules ran once: " + calls);
        List<String> afterLock = calls.subList(calls.indexOf("lock"), calls.size());
        assertEquals(List.of("lock", "interactions", "recordDecision", "recordInteraction", "count"), afterLock,
                "under the lock only the check and the writes: " + calls);
        assertEquals(1, marketingImpressions());
    }

    @Test
    void aCapReachedByAnotherDecideWhileTheRulesRanIsRespected() {
        // Three marketing messages today is the contact policy's daily cap: another decide sends them meanwhile.
        Runnable otherDecide = () -> {
            for (int i = 0; i < 3; i++) {
                memory.recordInteraction("other-" + i, "vip_early_access", "impression", "ada", "email", "marketing", CLOCK.instant());
            }
        };
        DecideResponse response = flow.decide(storeWith(otherDecide), StarterPack.RULESET, EMAIL, CLOCK).response();

        assertTrue(response.actions().stream().noneMatch(a -> "marketing".equals(a.category())), "nothing over the cap: " + response.actions());
        assertTrue(response.suppressed().stream().anyMatch(s -> s.actionId().equals("abandoned_cart_reminder")), "held back by the cap");
        assertEquals(2, calls.stream().filter("activity"::equals).count(), "decided again under the lock: " + calls);
        assertEquals(3, marketingImpressions(), "no fourth marketing message");
    }

    @Test
    void aConsentWithdrawnWhileTheRulesRanIsRespected() {
        Runnable withdrawal = () -> new EventIngest(CLOCK).ingest(List.of(JsonColumns.readTree("""
                {"id": "3", "customerId": "ada", "type": "consent_changed", "occurredAt": "2026-03-02T11:59:00Z",
                 "properties": {"channel": "email", "status": "denied"}}""")), memory);
        DecideResponse response = flow.decide(storeWith(withdrawal), StarterPack.RULESET, EMAIL, CLOCK).response();

        assertFalse(response.actions().stream().anyMatch(a -> "marketing".equals(a.category())), "no marketing e-mail without consent");
        assertEquals(0, marketingImpressions());
    }
}
