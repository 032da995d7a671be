package io.omnidecide.api;

import static io.omnidecide.api.Api.ago;
import static io.omnidecide.api.Api.decide;
import static io.omnidecide.api.Api.event;
import static io.omnidecide.api.Api.eventId;
import static io.omnidecide.api.Api.newCustomer;
import static io.omnidecide.api.Api.postEvents;
import static io.omnidecide.api.Api.putProfile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnidecide.facts.Interactions;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.store.DatabaseStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Outbound decides (e-mail, SMS, push, any) and events for one customer at once, over HTTP: every
 * request answers without a server error, and the impressions recorded are exactly what the contact
 * policy allows (decision-tables/contact-policy.drl.csv: at most 3 marketing messages a day across
 * channels), however the requests interleave.
 */
@QuarkusTest
class OutboundConcurrencyApiTest {

    private static final String CART = "{\"sku\":\"LAMP-2\",\"name\":\"Desk lamp\",\"price\":45}";
    private static final String[] CHANNELS = {"email", "any", "sms", "push"};

    @Inject
    DatabaseStore store;

    @Test
    void outboundDecidesAndEventsAtOnceKeepTheCapsAndNeverFail() throws Exception {
        String id = newCustomer("concurrent");
        putProfile(id, "{\"traits\": {\"firstName\": \"Ada\", \"timeZone\": \"UTC\"}, \"consent\": {\"email\": {\"status\": \"granted\"},"
                + " \"sms\": {\"status\": \"granted\"}, \"push\": {\"status\": \"granted\"}}}").statusCode(201);
        postEvents(event(eventId(), id, "add_to_cart", "web", ago(Duration.ofHours(2)), CART)).statusCode(202);

        List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String channel = CHANNELS[i % CHANNELS.length];
            calls.add(() -> decide("{\"customerId\": \"" + id + "\", \"channel\": \"" + channel + "\", \"limit\": 3}").extract());
            // Late and in-time events, single and batched, each taking the profile's lock as the decides do.
            String view = event(eventId(), id, "page_view", "web", ago(Duration.ofMinutes(i % 2 == 0 ? 1 : 300)), "{\"url\":\"/lamps\"}");
            String events = i % 3 == 0 ? "[" + view + "," + event(eventId(), id, "app_session", null, ago(Duration.ofMinutes(i)), null) + "]" : view;
            calls.add(() -> postEvents(events).extract());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        try {
            for (Future<ExtractableResponse<Response>> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        Map<Integer, Integer> statuses = new TreeMap<>();
        answers.forEach(a -> statuses.merge(a.statusCode(), 1, Integer::sum));
        assertTrue(answers.stream().allMatch(a -> a.statusCode() == 200 || a.statusCode() == 202), "statuses " + statuses);

        int sent = 0;
        for (ExtractableResponse<Response> answer : answers) {
            if (answer.path("decisionId") != null) {
                List<String> channels = answer.jsonPath().getList("actions.channel");
                sent += (int) channels.stream().filter(c -> List.of("email", "sms", "push", "social").contains(c)).count();
            }
        }
        List<JsonNode> impressions = impressionsOf(id);
        assertEquals(sent, impressions.size(), "every outbound action answered is recorded as an impression, and no more");
        long marketing = impressions.stream().filter(i -> i.path("category").asText().equals("marketing")).count();
        assertEquals(3, marketing, "three marketing messages a day across channels: " + impressions);
    }

    /** The impressions stored for the customer, as the decide reads them (its recorded inputs show the same). */
    private List<JsonNode> impressionsOf(String customerId) {
        Interactions interactions = QuarkusTransaction.requiringNew().call(() -> store.interactions(customerId, Instant.now()));
        List<JsonNode> impressions = new ArrayList<>();
        JsonColumns.MAPPER.valueToTree(interactions).path("history").forEach(i -> {
            if (i.path("outcome").asText().equals("impression")) {
                impressions.add(i);
            }
        });
        return impressions;
    }
}
