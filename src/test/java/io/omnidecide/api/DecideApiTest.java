package io.omnidecide.api;

import static io.omnidecide.api.Api.ago;
import static io.omnidecide.api.Api.decide;
import static io.omnidecide.api.Api.event;
import static io.omnidecide.api.Api.eventId;
import static io.omnidecide.api.Api.newCustomer;
import static io.omnidecide.api.Api.postEvents;
import static io.omnidecide.api.Api.putProfile;
import static io.omnidecide.api.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** POST /v1/decide and GET /v1/decisions/{id} as channels use them. */
@QuarkusTest
class DecideApiTest {

    /** A customer who put a sneaker in the cart in the app two hours ago, with e-mail consent. */
    private static String cartAbandoner(String locale) {
        String id = newCustomer("cart");
        // A time zone where it is midday, so that quiet hours never hold push or SMS back in these tests.
        String midday = Api.zoneAtLocalHour(12);
        putProfile(id, "{\"traits\": {\"firstName\": \"Ada\", \"timeZone\": \"" + midday + "\", \"locale\": \"" + locale + "\"},"
                + " \"consent\": {\"email\": {\"status\": \"granted\"}}, \"preferredChannels\": [\"email\"]}").statusCode(201);
        postEvents("[" + event(eventId(), id, "app_session", "app", ago(Duration.ofHours(3)), null) + ","
                + event(eventId(), id, "add_to_cart", "app", ago(Duration.ofHours(2)),
                "{\"sku\":\"SNEAKER-42\",\"name\":\"Trail sneaker\",\"category\":\"running\",\"price\":89}") + "]")
                .statusCode(202).body("accepted", equalTo(2));
        return id;
    }

    @Test
    void theCartReminderByEmailGreetsByNameAndNamesTheItem() {
        String id = cartAbandoner("en-GB");
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"email\"}").statusCode(200)
                .body("customerId", equalTo(id))
                .body("knownCustomer", equalTo(true))
                .body("rulesetVersion", matchesPattern("[0-9a-f]{12}"))
                .body("segments", contains("cart_abandoner"))
                .body("lifecycleStage", equalTo("prospect"))
                .body("actions[0].actionId", equalTo("abandoned_cart_reminder"))
                .body("actions[0].channel", equalTo("email"))
                .body("actions[0].message.subject", equalTo("Ada, your Trail sneaker is waiting"))
                .body("actions[0].message.body", containsString("Hi Ada, your Trail sneaker is still in your cart"))
                .body("actions[0].reasons.source", hasItem("decision-tables/eligibility.drl.csv row 12"));
    }

    @Test
    void onTheWebTheSameCustomerGetsTheSameStoryInWebCopy() {
        String id = cartAbandoner("en-GB");
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"web\", \"placement\": \"home_hero\", \"limit\": 3}").statusCode(200)
                .body("actions[0].actionId", equalTo("abandoned_cart_reminder"))
                .body("actions[0].channel", equalTo("web"))
                .body("actions[0].message.title", equalTo("Still thinking it over?"))
                .body("actions.actionId", hasItem("newsletter_signup"))
                .body("placement", equalTo("home_hero"));
    }

    @Test
    void aSwedishCustomerGetsSwedishCopy() {
        String id = cartAbandoner("sv-SE");
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"email\"}").statusCode(200)
                .body("actions[0].message.language", equalTo("sv"))
                .body("actions[0].message.subject", equalTo("Ada, din Trail sneaker väntar"));
    }

    @Test
    void consentWithdrawnByAnEventTakesEffectOnTheNextDecide() {
        String id = cartAbandoner("en-GB");
        // No occurredAt: the event happens now, after the consent the profile stated.
        postEvents("{\"id\": \"" + eventId() + "\", \"customerId\": \"" + id + "\", \"type\": \"consent_changed\", \"channel\": \"email\","
                + " \"properties\": {\"channel\": \"email\", \"status\": \"denied\", \"source\": \"unsubscribe_link\"}}")
                .statusCode(202).body("accepted", equalTo(1));
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"email\"}").statusCode(200)
                .body("actions.actionId", not(hasItem("abandoned_cart_reminder")))
                .body("suppressed.find { it.actionId == 'abandoned_cart_reminder' }.reason",
                        equalTo("no granted consent for marketing on this channel"));
    }

    @Test
    void aPurchaseOnTheWebEndsTheReminders() {
        String id = cartAbandoner("en-GB");
        postEvents(event(eventId(), id, "purchase", "web", ago(Duration.ofMinutes(10)),
                "{\"items\":[{\"sku\":\"SNEAKER-42\",\"price\":89,\"quantity\":1,\"category\":\"running\"}]}")).statusCode(202);
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"email\", \"limit\": 5}").statusCode(200)
                .body("segments", not(hasItem("cart_abandoner")))
                .body("lifecycleStage", equalTo("new_customer"))
                .body("actions.actionId", not(hasItem("abandoned_cart_reminder")))
                .body("actions[0].actionId", equalTo("welcome_onboarding"));
    }

    @Test
    void anyChannelSendsEachActionOnThePreferredConsentedChannel() {
        String id = cartAbandoner("en-GB");
        putProfile(id, "{\"preferredChannels\": [\"sms\", \"push\", \"email\"], \"consent\": {\"push\": {\"status\": \"granted\"}}}").statusCode(200);
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"any\"}").statusCode(200)
                .body("actions[0].actionId", equalTo("abandoned_cart_reminder"))
                .body("actions[0].channel", equalTo("push"));
    }

    @Test
    void aCustomerNeverSeenBeforeIsDecidedForAsANewProspect() {
        String id = newCustomer("visitor");
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"web\"}").statusCode(200)
                .body("knownCustomer", equalTo(false))
                .body("lifecycleStage", equalTo("prospect"))
                .body("actions[0].actionId", equalTo("newsletter_signup"));
        decide("{\"identity\": {\"type\": \"cookie\", \"value\": \"" + id + "\"}, \"channel\": \"app\"}").statusCode(200)
                .body("lifecycleStage", equalTo("prospect"));
    }

    @Test
    void aCustomerCanBeFoundByAnIdentity() {
        String id = cartAbandoner("en-GB");
        putProfile(id, "{\"identities\": [{\"type\": \"loyalty\", \"value\": \"L-" + id + "\"}]}").statusCode(200);
        decide("{\"identity\": {\"type\": \"loyalty\", \"value\": \"L-" + id + "\"}, \"channel\": \"email\"}").statusCode(200)
                .body("customerId", equalTo(id)).body("actions[0].actionId", equalTo("abandoned_cart_reminder"));
    }

    @Test
    void everyDecisionIsRecordedAndCanBeReadBack() {
        String id = cartAbandoner("en-GB");
        String decisionId = decide("{\"customerId\": \"" + id + "\", \"channel\": \"email\", \"context\": {\"campaign\": \"nightly\"}}")
                .statusCode(200).extract().path("decisionId");
        given().get("/v1/decisions/{id}", decisionId).then().statusCode(200)
                .body("decisionId", equalTo(decisionId))
                .body("customerId", equalTo(id))
                .body("rulesetVersion", matchesPattern("[0-9a-f]{12}"))
                .body("actions[0].actionId", equalTo("abandoned_cart_reminder"))
                .body("actions[0].reasons.size()", equalTo(3))
                .body("request.channel", equalTo("email"))
                .body("request.context.campaign", equalTo("nightly"));
        given().get("/v1/decisions/{id}", "no-such-decision").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void explainFullListsEveryCandidateAndWhatBecameOfIt() {
        String id = cartAbandoner("en-GB");
        String decisionId = decide("{\"customerId\": \"" + id + "\", \"channel\": \"any\", \"explain\": \"full\"}").statusCode(200)
                .body("actions[0].scoreTerms.expectedRate", equalTo(90.0f))
                .body("actions[0].scoreTerms.value", equalTo(80.0f))
                .body("actions[0].scoreTerms.lever", equalTo(1.0f))
                .body("candidates.find { it.actionId == 'abandoned_cart_reminder' && it.channel == 'email' }.status", equalTo("returned"))
                .body("candidates.find { it.actionId == 'abandoned_cart_reminder' && it.channel == 'sms' }.status",
                        containsString("no granted consent"))
                .body("candidates.find { it.actionId == 'abandoned_cart_reminder' && it.channel == 'store' }.status",
                        equalTo("not sent on this channel"))
                .body("candidates.find { it.actionId == 'abandoned_cart_reminder' && it.channel == 'web' }.status",
                        equalTo("web is not an outbound channel; a decide on 'any' sends only (channels table)"))
                .body("candidates.find { it.actionId == 'abandoned_cart_reminder' && it.channel == 'email' }.rules.source",
                        hasItem("decision-tables/messages.drl.csv row 17"))
                .extract().path("decisionId");
        given().get("/v1/decisions/{id}", decisionId).then().statusCode(200)
                .body("candidates.size()", equalTo(32))
                .body("request.explain", equalTo("full"));
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"web\"}").statusCode(200).body("candidates", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        decide("{\"channel\": \"web\"}").statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("customerId")).body("detail", containsString("customerId or identity"));
        decide("{\"customerId\": \"c\", \"channel\": \"fax\"}").statusCode(400).body("field", equalTo("channel"));
        decide("{\"customerId\": \"c\"}").statusCode(400).body("field", equalTo("channel"));
        decide("{\"customerId\": \"c\", \"channel\": \"web\", \"limit\": 0}").statusCode(400).body("field", equalTo("limit"));
        decide("{\"customerId\": \"c\", \"channel\": \"web\", \"limit\": \"three\"}").statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        decide("{\"customerId\": \"c\", \"channel\": \"web\", \"locale\": \"swedish please\"}").statusCode(400).body("field", equalTo("locale"));
        decide("{\"identity\": {\"type\": \"email\"}, \"channel\": \"web\"}").statusCode(400).body("field", equalTo("identity"));
        decide("not json").statusCode(400).contentType("application/problem+json");
        given().contentType("text/plain").body("hello").post("/v1/decide").then().statusCode(415).contentType("application/problem+json");
    }
}
