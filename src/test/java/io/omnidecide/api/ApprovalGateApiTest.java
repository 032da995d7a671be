package io.omnidecide.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The approval gate holds against every way around it: no simulation, a simulation of another
 * draft, one against a version that no longer serves, one without the scenarios, failing scenarios
 * without a reason, no comment. Every test leaves the version it found serving.
 */
@QuarkusTest
class ApprovalGateApiTest {

    private static final String LEVERS = "decision-tables/levers.drl.csv";
    private static String analyst;
    private static String publisher;
    private long startedWith;

    @BeforeEach
    void keys() {
        if (analyst == null) {
            analyst = Keys.create(List.of("analyst"), 100_000);
            publisher = Keys.create(List.of("publisher"), 100_000);
        }
        startedWith = servingId();
    }

    @AfterEach
    void putBack() {
        if (servingId() != startedWith) {
            Keys.as(publisher).contentType(ContentType.JSON).body(Map.of("comment", "tests put it back"))
                    .post("/v1/rulesets/{id}/rollback", startedWith).then().statusCode(200);
        }
    }

    @Test
    void aDraftNeverSimulatedIsNotPublished() {
        long draft = draft("1.21");
        publish(draft, Map.of("comment", "looks fine")).statusCode(409).contentType("application/problem+json")
                .body("type", endsWithType("ruleset-not-approved")).body("requirement", equalTo("simulation"))
                .body("rulesetStatus", equalTo("draft")).body("detail", containsString("has not been simulated"));
    }

    @Test
    void theSimulationOfAnotherDraftDoesNotCount() {
        long draft = draft("1.22");
        long other = draft("1.23");
        simulate(other, "{\"decisions\": 0}");
        publish(draft, Map.of("comment", "the other one was fine")).statusCode(409).body("requirement", equalTo("simulation"));
    }

    @Test
    void aSimulationWithoutTheScenariosDoesNotCount() {
        long draft = draft("1.24");
        simulate(draft, "{\"decisions\": 0, \"scenarios\": false}");
        publish(draft, Map.of("comment", "quick")).statusCode(409).body("requirement", equalTo("simulation"))
                .body("detail", containsString("did not run the scenario suite"));
    }

    @Test
    void aPublishNeedsAComment() {
        long draft = draft("1.25");
        simulate(draft, "{\"decisions\": 0}");
        publish(draft, Map.of()).statusCode(400).body("field", equalTo("comment"));
        publish(draft, Map.of("comment", "   ")).statusCode(400).body("field", equalTo("comment"));
        Keys.as(publisher).contentType(ContentType.JSON).post("/v1/rulesets/{id}/publish", draft).then().statusCode(400)
                .body("field", equalTo("comment"));
    }

    @Test
    void aSimulationAgainstAVersionThatNoLongerServesDoesNotCount() {
        long first = draft("1.26");
        long second = draft("1.27");
        simulate(first, "{\"decisions\": 0}");
        simulate(second, "{\"decisions\": 0}");
        publish(second, Map.of("comment", "second first", "overrideReason", "not what this test is about")).statusCode(200);
        publish(first, Map.of("comment", "now the first", "overrideReason", "not what this test is about")).statusCode(409)
                .body("requirement", equalTo("simulation"))
                .body("detail", containsString("was last simulated against version " + startedWith + ", but version " + second + " serves now"));
    }

    @Test
    void failingScenariosNeedAWrittenReasonAndTheAuditSaysWhoSimulatedWhatAndWhy() {
        String withoutNewsletter = RulesetsApiTest.starter("decision-tables/eligibility.drl.csv").lines()
                .filter(l -> !l.endsWith(",newsletter_signup")).reduce("", (a, b) -> a + b + "\n");
        long draft = upload("eligibility.drl.csv", withoutNewsletter);
        simulate(draft, "{\"decisions\": 0}").body("scenarios.failingAfter.size()", greaterThan(0));
        publish(draft, Map.of("comment", "no newsletter")).statusCode(409).body("requirement", equalTo("scenarios"))
                .body("detail", containsString("scenarios fail in the last simulation"));
        publish(draft, Map.of("comment", "no newsletter", "overrideReason", "  ")).statusCode(409).body("requirement", equalTo("scenarios"));
        publish(draft, Map.of("comment", "no newsletter", "overrideReason", "the newsletter journeys are retired with this change"))
                .statusCode(200).body("status", equalTo("published"));
        JsonPath audit = Keys.as(publisher).get("/v1/rulesets/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(draft, audit.getLong("[0].rulesetId"));
        assertEquals(Keys.nameOf(publisher), audit.getString("[0].actor"));
        assertEquals(Keys.nameOf(analyst), audit.getString("[0].simulatedBy"));
        assertEquals("no newsletter", audit.getString("[0].comment"));
        assertEquals("the newsletter journeys are retired with this change", audit.getString("[0].overrideReason"));
        org.hamcrest.MatcherAssert.assertThat(audit.getString("[0].simulationSummary"), containsString("pass ("));
    }

    private static org.hamcrest.Matcher<String> endsWithType(String type) {
        return org.hamcrest.Matchers.endsWith("/" + type);
    }

    private static long servingId() {
        return Keys.as(Keys.admin()).get("/v1/rulesets").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.status == 'published' }.id");
    }

    /** A harmless draft: the win-back lever at another value. */
    private static long draft(String lever) {
        return upload("levers.drl.csv", RulesetsApiTest.starter(LEVERS).replace("win_back,,,,1.2,", "win_back,,,," + lever + ","));
    }

    private static long upload(String name, String text) {
        return Keys.as(analyst).contentType("multipart/form-data").multiPart("file", name, text.getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/v1/rulesets").then().statusCode(201).body("valid", equalTo(true)).extract().jsonPath().getLong("id");
    }

    private static ValidatableResponse simulate(long id, String body) {
        return Keys.as(analyst).contentType(ContentType.JSON).body(body).post("/v1/rulesets/{id}/simulate", id).then().statusCode(200);
    }

    private static ValidatableResponse publish(long id, Map<String, String> body) {
        return Keys.as(publisher).contentType(ContentType.JSON).body(body).post("/v1/rulesets/{id}/publish", id).then();
    }
}
