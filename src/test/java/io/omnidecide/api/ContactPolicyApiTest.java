package io.omnidecide.api;

import static io.omnidecide.api.Api.ago;
import static io.omnidecide.api.Api.decide;
import static io.omnidecide.api.Api.event;
import static io.omnidecide.api.Api.eventId;
import static io.omnidecide.api.Api.given;
import static io.omnidecide.api.Api.newCustomer;
import static io.omnidecide.api.Api.postEvents;
import static io.omnidecide.api.Api.putProfile;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.response.PropensityStats;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** POST /v1/responses and the contact policy it feeds: caps, cooldowns, conversions, daily limits, quiet hours. */
@QuarkusTest
class ContactPolicyApiTest {

    private static final String CART = "{\"sku\":\"LAMP-2\",\"name\":\"Desk lamp\",\"price\":45}";

    /** A customer with a two-hour-old cart and consent everywhere, in a time zone of choice. */
    private static String cartAbandoner(String timeZone) {
        String id = newCustomer("policy");
        putProfile(id, "{\"traits\": {\"firstName\": \"Ada\", \"timeZone\": \"" + timeZone + "\"}, \"consent\": {\"email\": {\"status\": \"granted\"},"
                + " \"sms\": {\"status\": \"granted\"}, \"push\": {\"status\": \"granted\"}}}").statusCode(201);
        postEvents(event(eventId(), id, "add_to_cart", "web", ago(Duration.ofHours(2)), CART)).statusCode(202);
        return id;
    }

    private static String decideOn(String customer, String channel) {
        return decide("{\"customerId\": \"" + customer + "\", \"channel\": \"" + channel + "\"}").statusCode(200).extract().path("decisionId");
    }

    private static ValidatableResponse respond(String decisionId, String actionId, String outcome, String occurredAt) {
        return given().contentType(ContentType.JSON).body("{\"decisionId\": \"" + decisionId + "\", \"actionId\": \"" + actionId
                + "\", \"outcome\": \"" + outcome + "\"" + (occurredAt == null ? "" : ", \"occurredAt\": \"" + occurredAt + "\"") + "}")
                .post("/v1/responses").then();
    }

    @Test
    void aResponseIsRecordedOnceAndChecked() {
        String id = cartAbandoner("UTC");
        String decision = decideOn(id, "web");
        respond(decision, "abandoned_cart_reminder", "click", null).statusCode(202).body("duplicate", equalTo(false));
        respond(decision, "abandoned_cart_reminder", "click", null).statusCode(202).body("duplicate", equalTo(true));
        respond("no-such-decision", "abandoned_cart_reminder", "click", null).statusCode(404).contentType("application/problem+json");
        respond(decision, "win_back", "click", null).statusCode(422).contentType("application/problem+json").body("field", equalTo("actionId"));
        respond(decision, "abandoned_cart_reminder", "liked", null).statusCode(400).body("field", equalTo("outcome"));
    }

    @Test
    void theThirdImpressionPassesAndTheFourthIsCapped() {
        String id = cartAbandoner("UTC");
        for (int shown = 0; shown < 3; shown++) {
            String decision = decide("{\"customerId\": \"" + id + "\", \"channel\": \"web\"}").statusCode(200)
                    .body("actions[0].actionId", equalTo("abandoned_cart_reminder")).extract().path("decisionId");
            respond(decision, "abandoned_cart_reminder", "impression", null).statusCode(202);
        }
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"web\", \"limit\": 5}").statusCode(200)
                .body("actions.actionId", not(hasItem("abandoned_cart_reminder")))
                .body("suppressed.find { it.actionId == 'abandoned_cart_reminder' }.reason", containsString("frequency cap"))
                .body("suppressed.find { it.actionId == 'abandoned_cart_reminder' }.rule.source",
                        equalTo("decision-tables/contact-policy.drl.csv row 15"))
                .body("suppressed.find { it.actionId == 'abandoned_cart_reminder' }.history.shownOnThisChannel7d", equalTo(3));
        // The cap is per channel, but three marketing impressions today also reach the daily limit.
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"app\", \"limit\": 5}").statusCode(200)
                .body("suppressed.find { it.actionId == 'abandoned_cart_reminder' }.reason", containsString("daily limit"));
    }

    @Test
    void aDismissalHoldsTheActionBackForFourteenDays() {
        String lastDay = cartAbandoner("UTC");
        respond(decideOn(lastDay, "web"), "abandoned_cart_reminder", "dismiss", ago(Duration.ofDays(14).minusHours(1))).statusCode(202);
        decide("{\"customerId\": \"" + lastDay + "\", \"channel\": \"web\", \"limit\": 5}").statusCode(200)
                .body("actions.actionId", not(hasItem("abandoned_cart_reminder")))
                .body("suppressed.find { it.actionId == 'abandoned_cart_reminder' }.reason", containsString("cooldown"));
        String dayAfter = cartAbandoner("UTC");
        respond(decideOn(dayAfter, "web"), "abandoned_cart_reminder", "dismiss", ago(Duration.ofDays(15))).statusCode(202);
        decide("{\"customerId\": \"" + dayAfter + "\", \"channel\": \"web\"}").statusCode(200)
                .body("actions[0].actionId", equalTo("abandoned_cart_reminder"));
    }

    @Inject
    PropensityStats propensities;

    private float webPropensityOfTheCartReminder(String customer) {
        propensities.refresh(Instant.now());
        return decide("{\"customerId\": \"" + customer + "\", \"channel\": \"web\"}").statusCode(200)
                .body("actions[0].actionId", equalTo("abandoned_cart_reminder")).extract().path("actions[0].scoreTerms.propensity");
    }

    @Test
    void clicksTeachThePropensity() {
        float before = webPropensityOfTheCartReminder(cartAbandoner("UTC"));
        for (int i = 0; i < 5; i++) {
            String decision = decideOn(cartAbandoner("UTC"), "web");
            respond(decision, "abandoned_cart_reminder", "impression", null).statusCode(202);
            respond(decision, "abandoned_cart_reminder", "click", null).statusCode(202);
            respond(decision, "abandoned_cart_reminder", "convert", null).statusCode(202);
        }
        float after = webPropensityOfTheCartReminder(cartAbandoner("UTC"));
        assertTrue(after > before, "propensity " + before + " -> " + after);
    }

    @Test
    void aConversionStopsTheAction() {
        String id = cartAbandoner("UTC");
        respond(decideOn(id, "web"), "abandoned_cart_reminder", "convert", null).statusCode(202);
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"web\", \"limit\": 5}").statusCode(200)
                .body("suppressed.find { it.actionId == 'abandoned_cart_reminder' }.reason", containsString("already converted"));
    }

    @Test
    void outboundDecidesAtOnceCannotAllPassTheCaps() throws Exception {
        String id = cartAbandoner("UTC");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> decide("{\"customerId\": \"" + id + "\", \"channel\": \"email\"}").statusCode(200)
                        .extract().jsonPath().getList("actions.actionId").contains("abandoned_cart_reminder") ? 1 : 0);
            }
            int sent = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                sent += f.get();
            }
            assertEquals(3, sent, "three in seven days, whatever the concurrency");
        } finally {
            pool.shutdown();
        }
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"sms\", \"limit\": 5}").statusCode(200)
                .body("suppressed.reason", hasItem(containsString("daily limit")));
    }

    @Test
    void quietHoursHoldPushAndSmsInTheCustomersTimeZone() {
        String night = cartAbandoner(Api.zoneAtLocalHour(23));
        decide("{\"customerId\": \"" + night + "\", \"channel\": \"push\"}").statusCode(200)
                .body("actions.size()", equalTo(0))
                .body("suppressed.reason", hasItem(containsString("quiet hours")));
        decide("{\"customerId\": \"" + night + "\", \"channel\": \"email\"}").statusCode(200)
                .body("actions[0].actionId", equalTo("abandoned_cart_reminder"));
        String noon = cartAbandoner(Api.zoneAtLocalHour(12));
        decide("{\"customerId\": \"" + noon + "\", \"channel\": \"push\"}").statusCode(200)
                .body("actions[0].actionId", equalTo("abandoned_cart_reminder"));
    }
}
