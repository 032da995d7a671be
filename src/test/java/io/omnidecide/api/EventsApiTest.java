package io.omnidecide.api;

import static io.omnidecide.api.Api.ago;
import static io.omnidecide.api.Api.event;
import static io.omnidecide.api.Api.eventId;
import static io.omnidecide.api.Api.getProfile;
import static io.omnidecide.api.Api.newCustomer;
import static io.omnidecide.api.Api.postEvents;
import static io.omnidecide.api.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** POST /v1/events as channels send them: one or many, retried, some broken. */
@QuarkusTest
class EventsApiTest {

    private static final String PURCHASE = "{\"items\":[{\"sku\":\"MUG-1\",\"name\":\"Mug\",\"category\":\"kitchen\",\"price\":12.5,\"quantity\":2}]}";

    @Test
    void singleEventIsAcceptedAndCreatesTheProfile() {
        String customer = newCustomer("single");
        postEvents(event(eventId(), customer, "page_view", "web", ago(Duration.ofMinutes(5)), "{\"url\":\"/\"}"))
                .statusCode(202).body("accepted", equalTo(1)).body("duplicates", equalTo(0)).body("rejected", equalTo(0));
        getProfile(customer).statusCode(200).body("metrics.engagement.web", equalTo(1)).body("lifecycleStage", equalTo("prospect"));
    }

    @Test
    void badItemsAreRejectedWithIndexAndReasonWhileGoodItemsAreStored() {
        String customer = newCustomer("batch");
        String batch = "[" + String.join(",",
                event(eventId(), customer, "purchase", "web", ago(Duration.ofDays(2)), PURCHASE),
                "{\"customerId\":\"" + customer + "\",\"type\":\"page_view\",\"channel\":\"web\"}",
                event(eventId(), customer, "teleport", "web", ago(Duration.ofDays(1)), null),
                event(eventId(), customer, "page_view", "web", "yesterday at noon", null),
                event(eventId(), customer, "add_to_cart", "app", ago(Duration.ofDays(1)), "{\"sku\":\"X\",\"price\":\"cheap\"}"),
                event(eventId(), customer, "page_view", "web", ago(Duration.ofDays(1)), "\"not an object\""),
                event(eventId(), customer, "page_view", "fax", ago(Duration.ofDays(1)), null),
                "{\"id\":\"" + eventId() + "\",\"type\":\"page_view\",\"channel\":\"web\"}",
                "42",
                event(eventId(), customer, "app_session", null, ago(Duration.ofHours(3)), null)) + "]";
        postEvents(batch).statusCode(202)
                .body("accepted", equalTo(2)).body("rejected", equalTo(8))
                .body("errors.index", contains(1, 2, 3, 4, 5, 6, 7, 8))
                .body("errors.field", contains("id", "type", "occurredAt", "properties.price", "properties", "channel", "customerId", null))
                .body("errors[0].reason", equalTo("id is required"))
                .body("errors[1].reason", startsWith("unknown event type 'teleport'"))
                .body("errors[2].reason", containsString("ISO-8601"))
                .body("errors[7].reason", equalTo("an event must be a JSON object"));
        getProfile(customer).statusCode(200)
                .body("metrics.orders", equalTo(1))
                .body("metrics.lifetimeValue", equalTo(25.0f))
                .body("metrics.engagement.app", equalTo(1));
    }

    @Test
    void aDuplicateEventIsAcknowledgedAndAppliedOnce() {
        String customer = newCustomer("dup");
        String purchase = event(eventId(), customer, "purchase", "web", ago(Duration.ofDays(1)), PURCHASE);
        postEvents(purchase).statusCode(202).body("accepted", equalTo(1));
        postEvents("[" + purchase + "," + purchase + "]").statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(2));
        getProfile(customer).body("metrics.orders", equalTo(1)).body("metrics.lifetimeValue", equalTo(25.0f));
    }

    @Test
    void concurrentRetriesOfOneEventApplyItOnce() throws Exception {
        String customer = newCustomer("race");
        String purchase = event(eventId(), customer, "purchase", "web", ago(Duration.ofDays(1)), PURCHASE);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> given().contentType(ContentType.JSON).body(purchase).post("/v1/events").then()
                        .statusCode(202).extract().<Integer>path("accepted"));
            }
            int accepted = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                accepted += f.get();
            }
            assertEquals(1, accepted);
        } finally {
            pool.shutdown();
        }
        getProfile(customer).body("metrics.orders", equalTo(1));
    }

    @Test
    void anOversizeBatchIsRefusedWhole() {
        String customer = newCustomer("big");
        String batch = IntStream.range(0, 501)
                .mapToObj(i -> event(eventId(), customer, "page_view", "web", ago(Duration.ofMinutes(1)), null))
                .collect(Collectors.joining(",", "[", "]"));
        postEvents(batch).statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("Too many events in one request")).body("maxBatchSize", equalTo(500));
        getProfile(customer).statusCode(404);
    }

    @Test
    void bodiesThatAreNotEventsAreProblems() {
        postEvents("[]").statusCode(400).contentType("application/problem+json").body("detail", containsString("empty"));
        postEvents("{not json").statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        postEvents("\"hello\"").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theCartFollowsTheCustomerFromAnAnonymousAppToTheWeb() {
        String customer = newCustomer("stitch");
        String device = "device-" + customer;
        String anonymousAdd = "{\"id\":\"" + eventId() + "\",\"identity\":{\"type\":\"device\",\"value\":\"" + device + "\"},"
                + "\"type\":\"add_to_cart\",\"channel\":\"app\",\"occurredAt\":\"" + ago(Duration.ofHours(3)) + "\","
                + "\"properties\":{\"sku\":\"BOOT-7\",\"name\":\"Hiking boot\",\"category\":\"outdoor\",\"price\":120}}";
        postEvents(anonymousAdd).statusCode(202).body("accepted", equalTo(1));
        String identify = "{\"id\":\"" + eventId() + "\",\"customerId\":\"" + customer + "\",\"identity\":{\"type\":\"device\",\"value\":\""
                + device + "\"},\"type\":\"identify\",\"channel\":\"app\",\"occurredAt\":\"" + ago(Duration.ofHours(2)) + "\","
                + "\"properties\":{\"traits\":{\"firstName\":\"Ada\"}}}";
        postEvents(identify).statusCode(202).body("accepted", equalTo(1));
        postEvents(event(eventId(), customer, "page_view", "web", ago(Duration.ofHours(1)), null)).statusCode(202);
        String laterOnDevice = "{\"id\":\"" + eventId() + "\",\"identity\":{\"type\":\"device\",\"value\":\"" + device + "\"},"
                + "\"type\":\"app_session\",\"occurredAt\":\"" + ago(Duration.ofMinutes(30)) + "\"}";
        postEvents(laterOnDevice).statusCode(202).body("accepted", equalTo(1));
        getProfile(customer).statusCode(200)
                .body("traits.firstName", equalTo("Ada"))
                .body("cart.items.sku", contains("BOOT-7"))
                .body("cart.items[0].channel", equalTo("app"))
                .body("identities.type", contains("device"))
                .body("metrics.acquisition.channel", equalTo("app"))
                .body("metrics.engagement.app", equalTo(3))
                .body("metrics.engagement.web", equalTo(1));
    }

    @Test
    void aDecideRightAfterTheAcceptSeesTheBatch() {
        String customer = newCustomer("read-your-writes");
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            batch.add(event(eventId(), customer, "page_view", "web", ago(Duration.ofMinutes(200 - i)), null));
        }
        batch.add(event(eventId(), customer, "purchase", "web", ago(Duration.ofMinutes(1)), PURCHASE));
        postEvents("[" + String.join(",", batch) + "]").statusCode(202).body("accepted", equalTo(100));
        Api.decide("{\"customerId\": \"" + customer + "\", \"channel\": \"web\"}").statusCode(200)
                .body("knownCustomer", equalTo(true)).body("lifecycleStage", equalTo("new_customer"));
        getProfile(customer).statusCode(200).body("metrics.orders", equalTo(1)).body("metrics.engagement.web", equalTo(100));
    }

    @Test
    void aLateEventIsPlacedInEventTime() {
        String customer = newCustomer("late");
        postEvents(event(eventId(), customer, "add_to_cart", "web", ago(Duration.ofHours(1)),
                "{\"sku\":\"TENT\",\"name\":\"Tent\",\"price\":300}")).statusCode(202);
        // A purchase that happened before the add arrives afterwards: it must not empty today's cart.
        postEvents(event(eventId(), customer, "purchase", "store", ago(Duration.ofDays(3)),
                "{\"sku\":\"STOVE\",\"price\":80,\"campaign\":\"spring\"}")).statusCode(202);
        getProfile(customer).body("cart.items.sku", contains("TENT"))
                .body("metrics.orders", equalTo(1))
                .body("metrics.purchasedSkus", contains("STOVE"))
                .body("metrics.acquisition.channel", equalTo("store"))
                .body("metrics.acquisition.campaign", equalTo("spring"));
    }

    @Test
    void cartAndPurchaseMaintainTheProfilesMetrics() {
        String customer = newCustomer("metrics");
        postEvents("[" + String.join(",",
                event(eventId(), customer, "add_to_cart", "web", ago(Duration.ofDays(5)), "{\"sku\":\"A\",\"name\":\"Apron\",\"price\":20}"),
                event(eventId(), customer, "add_to_cart", "app", ago(Duration.ofDays(4)), "{\"sku\":\"B\",\"name\":\"Bowl\",\"price\":10,\"quantity\":3}"),
                event(eventId(), customer, "remove_from_cart", "app", ago(Duration.ofDays(4).minusHours(1)), "{\"sku\":\"B\",\"quantity\":1}"),
                event(eventId(), customer, "purchase", "web", ago(Duration.ofDays(3)), "{\"items\":[{\"sku\":\"A\",\"price\":20,\"quantity\":1,\"category\":\"Kitchen\"}]}"),
                event(eventId(), customer, "purchase", "store", ago(Duration.ofDays(1)), "{\"revenue\":70,\"sku\":\"C\",\"category\":\"outdoor\"}"),
                event(eventId(), customer, "support_ticket_opened", "call_centre", ago(Duration.ofHours(20)), null),
                event(eventId(), customer, "support_ticket_opened", "email", ago(Duration.ofHours(10)), null),
                event(eventId(), customer, "support_ticket_closed", "email", ago(Duration.ofHours(5)), null),
                event(eventId(), customer, "review_posted", "web", ago(Duration.ofHours(4)), null),
                event(eventId(), customer, "newsletter_subscribed", "web", ago(Duration.ofHours(3)), null),
                event(eventId(), customer, "email_open", null, ago(Duration.ofHours(2)), null),
                event(eventId(), customer, "page_view", "web", ago(Duration.ofDays(40)), null)) + "]")
                .statusCode(202).body("accepted", equalTo(12));
        getProfile(customer).statusCode(200)
                .body("cart.items.sku", contains("B"))
                .body("cart.items[0].quantity", equalTo(2))
                .body("cart.itemCount", equalTo(2))
                .body("metrics.orders", equalTo(2))
                .body("metrics.lifetimeValue", equalTo(90.0f))
                .body("metrics.averageOrderValue", equalTo(45.0f))
                .body("metrics.purchasedSkus", contains("A", "C"))
                .body("metrics.purchasedCategories", contains("kitchen", "outdoor"))
                .body("metrics.openSupportTickets", equalTo(1))
                .body("metrics.reviewsPosted", equalTo(1))
                .body("metrics.newsletterSubscribed", equalTo(true))
                .body("metrics.engagement.web", equalTo(4))
                .body("metrics.engagement.email", equalTo(3))
                .body("metrics.acquisition.channel", equalTo("web"))
                .body("segments", hasSize(2))
                .body("segments", contains("open_support_ticket", "reviewer"))
                .body("lifecycleStage", equalTo("new_customer"));
    }
}
