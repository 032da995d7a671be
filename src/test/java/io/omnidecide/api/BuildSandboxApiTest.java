package io.omnidecide.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.bench.GeneratedTables;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Drafts are built in the build sandbox: one that runs past the time limit is killed and reported
 * while decides keep answering on the serving version, and the next upload builds at once.
 * {@link BuildSandboxApiIT} runs the same against the packaged jar, where the build process's
 * classpath comes from the fast-jar's folders.
 */
@QuarkusTest
@TestProfile(BuildSandboxApiTest.TightLimits.class)
class BuildSandboxApiTest {

    /**
     * A time limit a 30,000-row table cannot meet (it needs minutes), with room for the starter pack on
     * a busy machine, and heap enough that time is what the table runs into.
     */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("omnidecide.ruleset.build-time-limit", "20s", "omnidecide.ruleset.sandbox.heap", "1G");
        }
    }

    @Test
    void aDraftKilledAtTheTimeLimitLeavesDecidesServingAndTheNextUploadBuildsAtOnce() throws Exception {
        String analyst = Keys.create(List.of("analyst"), 100_000);
        String serving = Api.decide("{\"customerId\": \"sandbox-visitor\", \"channel\": \"web\"}").statusCode(200)
                .extract().path("rulesetVersion");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger decided = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService channels = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            channels.submit(() -> {
                while (running.get()) {
                    // About 40 decides a second: traffic, not a load test that would starve the builds of the two cores.
                    Thread.sleep(50);
                    var answer = Api.decide("{\"customerId\": \"sandbox-" + decided.incrementAndGet() % 20 + "\", \"channel\": \"web\"}").extract();
                    if (answer.statusCode() == 200) {
                        versionsSeen.add(answer.path("rulesetVersion"));
                    } else {
                        synchronized (failures) {
                            failures.add(answer.statusCode() + " " + answer.asString());
                        }
                    }
                }
                return null;
            });
        }
        try {
            long start = System.nanoTime();
            upload(analyst, "generated.drl.csv", GeneratedTables.eligibility(30_000)).statusCode(201)
                    .body("valid", equalTo(false))
                    .body("problems[0].message", equalTo("the ruleset took longer than 20 s to build "
                            + "(omnidecide.ruleset.build-time-limit); split very large tables"));
            long killedAfter = (System.nanoTime() - start) / 1_000_000;
            assertTrue(killedAfter < 40_000, "the killed build answered after " + killedAfter + " ms");

            start = System.nanoTime();
            String levers = Files.readString(Path.of("decision-tables/levers.drl.csv")).replace("win_back,,,,1.2,", "win_back,,,,1.3,");
            var next = upload(analyst, "levers.drl.csv", levers).statusCode(201).extract();
            assertEquals(List.of(), next.jsonPath().getList("problems"), next.asString());
            long nextAfter = (System.nanoTime() - start) / 1_000_000;
            assertTrue(nextAfter < 40_000, "the next upload answered after " + nextAfter + " ms");
        } finally {
            running.set(false);
            channels.shutdown();
            assertTrue(channels.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), failures, "decides that failed during the builds");
        assertTrue(decided.get() > 20, "decides made: " + decided.get());
        assertEquals(Set.of(serving), versionsSeen);
    }

    private static ValidatableResponse upload(String key, String name, String content) {
        return Keys.as(key).contentType("multipart/form-data")
                .multiPart("file", name, content.getBytes(StandardCharsets.UTF_8), "text/plain").post("/v1/rulesets").then();
    }
}
