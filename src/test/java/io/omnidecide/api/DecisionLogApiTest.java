package io.omnidecide.api;

import static io.omnidecide.api.Api.decide;
import static io.omnidecide.api.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnidecide.json.JsonColumns;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The decision log is written after each decide's transaction, in batches shared by concurrent
 * decides; still, every 200 has its record by the time it arrives, and the record is the body sent.
 */
@QuarkusTest
class DecisionLogApiTest {

    private static final String[] CHANNELS = {"web", "app", "email", "any"};
    private static final Pattern BATCH = Pattern.compile("omnidecide_decision_log_batch_(count|sum) ([0-9.E]+)");

    @Test
    void concurrentDecidesEachFindTheirRecordWrittenAsSent() throws Exception {
        double[] before = batchMetrics();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String body = "{\"customerId\": \"" + Api.newCustomer("log") + "\", \"channel\": \"" + CHANNELS[i % CHANNELS.length] + "\"}";
            // The record is read back at once: a 200 is sent only after its record is committed.
            calls.add(() -> {
                String sent = decide(body).statusCode(200).extract().asString();
                String id = JsonColumns.readTree(sent).get("decisionId").asText();
                JsonNode stored = JsonColumns.readTree(given().get("/v1/decisions/{id}", id).then().statusCode(200).extract().asString());
                ((ObjectNode) stored).remove("request");
                assertEquals(JsonColumns.readTree(sent), stored, "the record is the answer sent");
                return id;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<String> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double[] after = batchMetrics();
        assertEquals(40, after[1] - before[1], "every record written once");
        assertTrue(after[0] - before[0] <= 40, "no more commits than decides");
    }

    /** The decision log's batch count and records written, from /q/metrics. */
    private static double[] batchMetrics() {
        Matcher m = BATCH.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        double[] found = new double[2];
        while (m.find()) {
            found[m.group(1).equals("count") ? 0 : 1] = Double.parseDouble(m.group(2));
        }
        return found;
    }
}
