package io.omnidecide.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** POST /v1/scenarios/run as a tester uses it: YAML or JSON, isolated from real profiles. */
@QuarkusTest
class ScenarioApiTest {

    private static final String JOURNEY = """
            - name: visitor gets the newsletter
              start: 2026-03-02T09:00:00Z
              customer: {id: %1$s, traits: {firstName: Vi}}
              steps:
                - at: +0
                  decide: {channel: web}
                  expect: {lifecycleStage: prospect, topAction: newsletter_signup}
            - name: a wrong expectation
              start: 2026-03-02T09:00:00Z
              customer: {id: %1$s}
              steps:
                - at: +0
                  decide: {channel: web}
                  expect: {topAction: win_back}
            """;

    private static String tester() {
        return Keys.create(List.of("tester"), null);
    }

    @Test
    void runsYamlScenariosIsolatedAndExplainsFailures() {
        String customer = Api.newCustomer("scenario");
        Keys.as(tester()).contentType("application/yaml").body(JOURNEY.formatted(customer).getBytes(StandardCharsets.UTF_8)).post("/v1/scenarios/run").then()
                .statusCode(200)
                .body("passed", equalTo(false))
                .body("scenarios[0].name", equalTo("visitor gets the newsletter"))
                .body("scenarios[0].passed", equalTo(true))
                .body("scenarios[1].passed", equalTo(false))
                .body("scenarios[1].steps[0].step", equalTo("step 1: at +0"))
                .body("scenarios[1].steps[0].expected.topAction", equalTo("win_back"))
                .body("scenarios[1].steps[0].actual.topAction", equalTo("newsletter_signup"))
                .body("scenarios[1].steps[0].explanation", containsString("decision-tables/eligibility.drl.csv row 18"));
        Api.getProfile(customer).statusCode(404);
    }

    @Test
    void theWholeSuiteRunsInOneRequestDocumentByDocument() throws Exception {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("scenarios"))) {
            files = listed.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        StringBuilder suite = new StringBuilder();
        for (Path file : files) {
            suite.append("---\n").append(Files.readString(file)).append('\n');
        }
        assertTrue(suite.length() > 65_536, "the suite is larger than the small-body limit: " + suite.length());
        Keys.as(tester()).contentType("application/yaml").body(suite.toString().getBytes(StandardCharsets.UTF_8))
                .post("/v1/scenarios/run").then().statusCode(200)
                .body("scenarioCount", equalTo(files.size()))
                .body("failedCount", equalTo(0));
    }

    @Test
    void acceptsJson() {
        Keys.as(tester()).contentType("application/json")
                .body("{\"name\": \"json\", \"start\": \"2026-03-02T09:00:00Z\", \"steps\": [{\"at\": \"+0\", \"decide\": {\"channel\": \"web\"},"
                        + " \"expect\": {\"topAction\": \"newsletter_signup\"}}]}")
                .post("/v1/scenarios/run").then().statusCode(200).body("passed", equalTo(true)).body("scenarioCount", equalTo(1));
    }

    @Test
    void aBrokenScenarioIsAProblemWithItsLine() {
        Keys.as(tester()).contentType("application/yaml").body("name: x\nstart: 2026-03-02T09:00:00Z\nsteps:\n  - at: +0\n    expect: {topActon: x}\n".getBytes(StandardCharsets.UTF_8))
                .post("/v1/scenarios/run").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("request line 5"));
    }
}
