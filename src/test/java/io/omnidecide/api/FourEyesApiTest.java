package io.omnidecide.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With four-eyes on, the author of a draft cannot publish it, whatever roles their key has; another publisher can. */
@QuarkusTest
@TestProfile(FourEyesApiTest.FourEyes.class)
class FourEyesApiTest {

    public static class FourEyes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("omnidecide.ruleset.four-eyes", "true");
        }
    }

    @Test
    void theAuthorOfADraftMayNotPublishIt() {
        String author = Keys.create(List.of("analyst", "publisher"), 100_000);
        String reviewer = Keys.create(List.of("publisher"), 100_000);
        long startId = Keys.as(Keys.admin()).get("/v1/rulesets").then().extract().jsonPath().getLong("find { it.status == 'published' }.id");
        String levers = RulesetsApiTest.starter("decision-tables/levers.drl.csv").replace("win_back,,,,1.2,", "win_back,,,,1.35,");
        long draft = Keys.as(author).contentType("multipart/form-data")
                .multiPart("file", "levers.drl.csv", levers.getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/v1/rulesets").then().statusCode(201).extract().jsonPath().getLong("id");
        Keys.as(author).contentType(ContentType.JSON).body("{\"decisions\": 0}").post("/v1/rulesets/{id}/simulate", draft).then().statusCode(200);
        Map<String, String> body = Map.of("comment", "win-back up", "overrideReason", "not what this test is about");
        Keys.as(author).contentType(ContentType.JSON).body(body).post("/v1/rulesets/{id}/publish", draft).then().statusCode(409)
                .body("requirement", equalTo("four-eyes")).body("detail", containsString("another publisher must publish it"));
        Keys.as(reviewer).contentType(ContentType.JSON).body(body).post("/v1/rulesets/{id}/publish", draft).then().statusCode(200);
        Keys.as(reviewer).contentType(ContentType.JSON).body(Map.of("comment", "test over"))
                .post("/v1/rulesets/{id}/rollback", startId).then().statusCode(200);
    }
}
