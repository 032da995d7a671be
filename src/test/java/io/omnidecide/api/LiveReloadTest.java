package io.omnidecide.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Live reload, as in dev mode: an analyst saves a table; a bad save is reported by /q/health and
 * changes nothing; a good one is published and decides at once.
 */
@QuarkusTest
@TestProfile(LiveReloadTest.Watching.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveReloadTest {

    /** The starter pack copied to a folder the test may edit, watched, valid edits published. */
    public static class Watching implements QuarkusTestProfile {
        static final Path ROOT = Path.of("target/live-reload");

        @Override
        public Map<String, String> getConfigOverrides() {
            copy("rules");
            copy("decision-tables");
            return Map.of("omnidecide.ruleset.rules-dir", ROOT.resolve("rules").toString(),
                    "omnidecide.ruleset.tables-dir", ROOT.resolve("decision-tables").toString(),
                    "omnidecide.ruleset.watch", "true",
                    "omnidecide.ruleset.auto-publish", "true");
        }

        private static void copy(String folder) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                Files.createDirectories(ROOT.resolve(folder));
                for (Path file : files.toList()) {
                    Files.copy(file, ROOT.resolve(folder).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Path LEVERS = Watching.ROOT.resolve("decision-tables/levers.drl.csv");

    @Test
    @Order(1)
    void aBadSaveIsReportedAndAGoodOneServes() throws Exception {
        String original = Files.readString(LEVERS);
        JsonPath before = ruleset();
        long startId = before.getLong("data.id");
        try {
            Files.writeString(LEVERS, original.replace("$c.multiplyLever($param);", "$c.multiplyLevr($param);"));
            JsonPath rejected = waitFor(h -> h.getString("data.rejectedEdit") != null);
            assertEquals(startId, rejected.getLong("data.id"), "the serving ruleset stays");
            RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'ruleset' }.data.problem1", containsString("levers.drl.csv"))
                    .body("checks.find { it.name == 'ruleset' }.data.problem1", containsString("multiplyLevr"));
            Api.decide("{\"customerId\": \"reload-1\", \"channel\": \"web\"}").statusCode(200)
                    .body("rulesetVersion", equalTo(before.getString("data.version")));

            Files.writeString(LEVERS, original.replace("win_back,,,,1.2,", "win_back,,,,1.4,"));
            JsonPath published = waitFor(h -> h.getLong("data.id") != startId);
            assertEquals(null, published.getString("data.rejectedEdit"));
            assertNotEquals(before.getString("data.version"), published.getString("data.version"));
            Api.decide("{\"customerId\": \"reload-2\", \"channel\": \"web\"}").statusCode(200)
                    .body("rulesetVersion", equalTo(published.getString("data.version")));
            Keys.as(Keys.admin()).get("/v1/rulesets/{id}", published.getLong("data.id")).then()
                    .body("source", equalTo("files")).body("author", equalTo("live-reload")).body("status", equalTo("published"));
        } finally {
            Files.writeString(LEVERS, original);
            if (ruleset().getLong("data.id") != startId) {
                Keys.as(Keys.admin()).contentType(ContentType.JSON).body("{\"comment\": \"test over\"}")
                        .post("/v1/rulesets/{id}/rollback", startId).then().statusCode(200);
            }
        }
    }

    /** Second: it rolls back to what the first test published, and leaves a person's rollback as the latest. */
    @Test
    @Order(2)
    void aSaveNeverReplacesWhatAPersonPublishedThroughTheApiSinceTheFilesWereRead() throws Exception {
        String original = Files.readString(LEVERS);
        long startId = ruleset().getLong("data.id");
        // A person makes another version serve through the API: a rollback to the one the first test published.
        String publisher = Keys.create(List.of("publisher"), 100_000);
        long viaApi = Keys.as(Keys.admin()).get("/v1/rulesets").then().extract().jsonPath()
                .getLong("find { it.status == 'retired' && it.source == 'files' }.id");
        Keys.as(publisher).contentType(ContentType.JSON).body(Map.of("comment", "back to the edit"))
                .post("/v1/rulesets/{id}/rollback", viaApi).then().statusCode(200);
        try {
            Files.writeString(LEVERS, original.replace("win_back,,,,1.2,", "win_back,,,,1.1,"));
            JsonPath conflict = waitFor(h -> h.getString("data.conflict") != null);
            assertEquals(viaApi, conflict.getLong("data.id"), "what the person published still serves");
            org.hamcrest.MatcherAssert.assertThat(conflict.getString("data.conflict"), containsString("was not published"));
            JsonPath draft = Keys.as(Keys.admin()).get("/v1/rulesets").then().extract().jsonPath().setRootPath("[0]");
            assertEquals("files", draft.getString("source"));
            assertEquals("draft", draft.getString("status"));
            assertEquals(viaApi, draft.getLong("baseId"), "the draft is based on the serving version");
        } finally {
            Keys.as(Keys.admin()).contentType(ContentType.JSON).body("{\"comment\": \"test over\"}")
                    .post("/v1/rulesets/{id}/rollback", startId).then().statusCode(200);
            Files.writeString(LEVERS, original);
        }
    }

    private static JsonPath ruleset() {
        return RestAssured.given().get("/q/health/ready").then().extract().jsonPath().setRootPath("checks.find { it.name == 'ruleset' }");
    }

    private static JsonPath waitFor(Predicate<JsonPath> condition) throws InterruptedException {
        // Each save is built in the build sandbox, one at a time: on a busy machine that takes a while.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath health = ruleset();
            if (condition.test(health)) {
                return health;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("live reload did not happen within 60 s: " + ruleset().prettyPrint() + List.of());
    }
}
