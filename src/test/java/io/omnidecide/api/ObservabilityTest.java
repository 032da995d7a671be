package io.omnidecide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What an operator scrapes and reads: metrics with help text and buckets, and one access line per request. */
@QuarkusTest
class ObservabilityTest {

    /** The scrape as metric line to value; "# HELP name" lines keep their text as the value. */
    private static Map<String, String> scrape() {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank() && (!l.startsWith("#") || l.startsWith("# HELP ")))
                .collect(Collectors.toMap(l -> l.startsWith("# HELP ") ? l.substring(0, l.indexOf(' ', 7)) : l.substring(0, l.lastIndexOf(' ')),
                        l -> l.startsWith("# HELP ") ? l.substring(l.indexOf(' ', 7) + 1) : l.substring(l.lastIndexOf(' ') + 1), (a, b) -> a));
    }

    @Test
    void metricsHaveHelpTextBucketsAndTheServingRuleset() {
        Api.decide("{\"customerId\": \"" + Api.newCustomer("obs") + "\", \"channel\": \"web\"}").statusCode(200);
        Api.decide("{\"customerId\": \"c\", \"channel\": \"web\", \"limt\": 1}").statusCode(400);
        Map<String, String> metrics = scrape();
        assertEquals("Time to answer POST /v1/decide, by requested channel", metrics.get("# HELP omnidecide_decide_seconds"));
        assertTrue(metrics.keySet().stream().anyMatch(k -> k.startsWith("omnidecide_decide_seconds_bucket{") && k.contains("le=\"0.005\"")
                && k.contains("channel=\"web\"")), "decide latency has histogram buckets");
        assertTrue(metrics.keySet().stream().anyMatch(k -> k.startsWith("omnidecide_decide_seconds_bucket{") && k.contains("le=\"+Inf\"")));
        assertTrue(Double.parseDouble(metrics.get("omnidecide_ruleset_version")) > 0, "the serving ruleset's version");
        assertTrue(Double.parseDouble(metrics.get("omnidecide_ruleset_built_seconds")) > 1.7e9, "when it was built");
        assertTrue(Double.parseDouble(metrics.get("omnidecide_problems_total{status=\"400\",type=\"invalid-request\"}")) >= 1);
        assertTrue(metrics.keySet().stream().anyMatch(k -> k.startsWith("agroal_active_count")), "the connection pool's metrics");
        metrics.keySet().stream().filter(k -> k.startsWith("# HELP omnidecide_"))
                .forEach(k -> assertFalse(metrics.get(k).isBlank(), k + " has help text"));
    }

    @Test
    void theGrafanaDashboardReadsOnlyMetricsTheServiceExposes() throws Exception {
        // Counters appear once counted: a decide, an event, a response and a problem.
        String decisionId = Api.decide("{\"customerId\": \"" + Api.newCustomer("obs") + "\", \"channel\": \"web\"}").statusCode(200)
                .extract().path("decisionId");
        Api.postEvents("{\"id\": \"" + Api.eventId() + "\", \"customerId\": \"obs\", \"type\": \"page_view\"}").statusCode(202);
        Api.given().contentType(ContentType.JSON).body("{\"decisionId\": \"" + decisionId + "\", \"actionId\": \"newsletter_signup\", \"outcome\": \"click\"}")
                .post("/v1/responses").then().statusCode(202);
        Api.decide("{}").statusCode(400);
        String dashboard = Files.readString(Path.of("docs/grafana-dashboard.json"));
        Set<String> exposed = scrape().keySet().stream().filter(k -> !k.startsWith("#")).map(k -> k.replaceFirst("\\{.*", ""))
                .collect(Collectors.toSet());
        Matcher used = Pattern.compile("\\b(omnidecide|agroal|http_server)_[a-z_]+").matcher(dashboard);
        int count = 0;
        while (used.find()) {
            count++;
            assertTrue(exposed.contains(used.group()), used.group() + " is on the dashboard but not in /q/metrics");
        }
        assertTrue(count >= 10, "the dashboard reads the service's metrics");
    }

    @Test
    void responsesAreCountedByOutcome() {
        String id = Api.newCustomer("obs");
        String decisionId = Api.decide("{\"customerId\": \"" + id + "\", \"channel\": \"web\"}").statusCode(200).extract().path("decisionId");
        Api.given().contentType(ContentType.JSON).body("{\"decisionId\": \"" + decisionId + "\", \"actionId\": \"newsletter_signup\", \"outcome\": \"convert\"}")
                .post("/v1/responses").then().statusCode(202);
        assertTrue(Double.parseDouble(scrape().get("omnidecide_responses_total{channel=\"web\",outcome=\"convert\"}")) >= 1);
    }

    @Test
    void everyRequestHasOneAccessLineWithoutPersonalData() {
        Logger category = Logger.getLogger("omnidecide.access");
        Level before = category.getLevel();
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        category.setLevel(Level.INFO);
        category.addHandler(capture);
        try {
            String customer = Api.newCustomer("obs-private");
            Api.given().header("X-Request-Id", "trace-123").contentType(ContentType.JSON).body("{\"customerId\": \"" + customer + "\", \"channel\": \"web\"}")
                    .post("/v1/decide").then().statusCode(200).header("X-Request-Id", "trace-123");
            Api.getProfile(customer).statusCode(404);
            RestAssured.given().contentType("text/plain").body("x").post("/v1/rulesets").then().statusCode(401);
        } finally {
            category.removeHandler(capture);
            category.setLevel(before);
        }
        String channelKey = Keys.nameOf(Keys.channel());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("request=trace-123 key=" + channelKey + " route=\"POST /v1/decide\" status=200 ms=")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("route=\"GET /v1/profiles/{customerId}\" status=404")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("key=- route=\"POST unmatched\" status=401")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("obs-private")), "no customer id in access lines: " + lines);
    }
}
