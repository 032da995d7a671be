package io.omnidecide.api;

import static io.omnidecide.api.Api.ago;
import static io.omnidecide.api.Api.decide;
import static io.omnidecide.api.Api.event;
import static io.omnidecide.api.Api.eventId;
import static io.omnidecide.api.Api.getProfile;
import static io.omnidecide.api.Api.newCustomer;
import static io.omnidecide.api.Api.postEvents;
import static io.omnidecide.api.Api.putProfile;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The starter pack's DMN value tier as a channel sees it: in the decision, its explanation and its effect. */
@QuarkusTest
class DmnApiTest {

    /** A customer who bought for the given revenue 40 days ago (an active customer), with e-mail consent. */
    private static String buyer(int revenue) {
        String id = newCustomer("tier");
        putProfile(id, "{\"traits\": {\"firstName\": \"Vera\", \"timeZone\": \"" + Api.zoneAtLocalHour(12) + "\"},"
                + " \"consent\": {\"email\": {\"status\": \"granted\"}}}").statusCode(201);
        postEvents(event(eventId(), id, "purchase", "web", ago(Duration.ofDays(40)),
                "{\"revenue\": " + revenue + ", \"sku\": \"COAT-1\", \"category\": \"fashion\"}")).statusCode(202).body("accepted", equalTo(1));
        return id;
    }

    @Test
    void aGoldTierCustomerIsAVipAndTheDecisionSaysWhichDmnRuleMadeThemGold() {
        String id = buyer(1050);
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"email\", \"limit\": 5}").statusCode(200)
                .body("dmn[0].decision", equalTo("valueTier"))
                .body("dmn[0].value", equalTo("gold"))
                .body("dmn[0].rule", equalTo("valueTier rule 1"))
                .body("dmn[0].source", equalTo("decision-tables/value-tier.dmn decision valueTier rule 1"))
                .body("dmn[0].when", equalTo("Lifetime value: >= 1000"))
                .body("dmn[0].then", equalTo("valueTier = \"gold\""))
                .body("segments", hasItem("vip"))
                .body("actions.actionId", hasItem("vip_early_access"));
        getProfile(id).statusCode(200).body("segments", hasItem("vip"));
    }

    @Test
    void aSilverTierCustomerIsNoVipAndGetsNoEarlyAccess() {
        String id = buyer(450);
        decide("{\"customerId\": \"" + id + "\", \"channel\": \"email\", \"limit\": 5}").statusCode(200)
                .body("dmn[0].value", equalTo("silver"))
                .body("dmn[0].source", equalTo("decision-tables/value-tier.dmn decision valueTier rule 3"))
                .body("segments", not(hasItem("vip")))
                .body("actions.actionId", not(hasItem("vip_early_access")));
    }

    @Test
    void aVisitorIsTierNone() {
        decide("{\"customerId\": \"" + newCustomer("tier-visitor") + "\", \"channel\": \"web\"}").statusCode(200)
                .body("dmn[0].value", equalTo("none"))
                .body("dmn[0].source", equalTo("decision-tables/value-tier.dmn decision valueTier rule 6"));
    }

    @Test
    void anUploadedModelWithAFeelErrorIsAnInvalidDraftNamingTheDecisionAndRule() throws IOException {
        String model = Files.readString(Path.of("decision-tables/value-tier.dmn"))
                .replace("<text>&gt;= 300</text>", "<text>&gt;= 300 and (</text>");
        Keys.as(Keys.create(List.of("analyst"), 100)).contentType("multipart/form-data")
                .multiPart("file", "value-tier.dmn", model.getBytes(StandardCharsets.UTF_8), "application/xml")
                .multiPart("comment", "silver from 300, with a typo")
                .post("/v1/rulesets").then().statusCode(201)
                .body("status", equalTo("draft")).body("valid", equalTo(false))
                .body("problems[0].file", equalTo("decision-tables/value-tier.dmn"))
                .body("problems[0].element", equalTo("decision 'valueTier'"))
                .body("problems[0].row", equalTo(3))
                .body("problems[0].message", containsString("syntax error near 'and'"));
    }
}
