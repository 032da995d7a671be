package io.omnidecide.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators rely on: readiness tied to the ruleset, metrics, and the API description. */
@QuarkusTest
class OperationsTest {

    @Test
    void readyOnceARulesetIsLoaded() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("ruleset"))
                .body("checks.find { it.name == 'ruleset' }.data.rules", greaterThan(50))
                .body("checks.find { it.name == 'ruleset' }.data.version", matchesPattern("[0-9a-f]{12}"));
    }

    @Test
    void metricsCountDecisionsAndEvents() {
        Api.decide("{\"customerId\": \"metrics-visitor\", \"channel\": \"web\"}").statusCode(200);
        Api.postEvents("{\"id\": \"" + Api.eventId() + "\", \"customerId\": \"metrics-visitor\", \"type\": \"nope\"}").statusCode(202);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("omnidecide_decide_seconds_count{channel=\"web\"}"))
                .body(containsString("omnidecide_decide_actions_total{action=\"newsletter_signup\",channel=\"web\"}"))
                .body(containsString("omnidecide_events_total{outcome=\"rejected\"}"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithExamples() {
        String doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : new String[] {"/v1/events", "/v1/decide", "/v1/decisions/{decisionId}", "/v1/profiles/{customerId}"}) {
            org.junit.jupiter.api.Assertions.assertTrue(doc.contains("\"" + path + "\""), path + " missing from /q/openapi");
        }
        org.junit.jupiter.api.Assertions.assertTrue(doc.contains("Trail sneaker"), "request examples are published");
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
