package io.omnidecide.api;

import static io.omnidecide.api.Api.newCustomer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile files from the corpus (src/test/resources/hostile) uploaded as an analyst would: each
 * becomes an invalid draft with its located problem, cannot be published, runs nothing, and the
 * serving version goes on deciding.
 */
@QuarkusTest
class HostileUploadApiTest {

    private static final Path PROOF = Path.of("target/hostile-proof");
    private static String analyst;
    private static String publisher;

    @BeforeEach
    void keys() throws IOException {
        Files.deleteIfExists(PROOF);
        if (analyst == null) {
            analyst = Keys.create(List.of("analyst"), 100_000);
            publisher = Keys.create(List.of("publisher"), 100_000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"drl/unquoted-rule-name.drl", "drl/salience-expression.drl", "drl/quote-in-block-comment.drl",
            "drl/unicode-escaped-quote.drl", "drl/busy-loop.drl", "drl/constraint-mvel-implicit-class.drl", "drl/matches-exponential.drl",
            "tables/value-breaks-out-of-its-quotes.drl.csv", "tables/functions-keyword.drl.csv",
            "workbooks/huge-merged-region.drl.xlsx", "workbooks/rows-touching-the-last-column.drl.xlsx", "workbooks/legacy-huge-merged-region.drl.xls"})
    void isAnInvalidDraftAndTheServingVersionDecidesOn(String file) throws IOException {
        JsonPath before = serving();
        String name = file.substring(file.indexOf('/') + 1);
        JsonPath draft = Keys.as(analyst).contentType("multipart/form-data").multiPart("file", name, read(file), "application/octet-stream")
                .post("/v1/rulesets").then().statusCode(201)
                .body("valid", equalTo(false))
                .body("problems[0].file", equalTo((name.endsWith(".drl") ? "rules/" : "decision-tables/") + name))
                .body("problems[0].message", notNullValue())
                .extract().jsonPath();
        Keys.as(publisher).contentType("application/json").body("{\"comment\": \"try\"}")
                .post("/v1/rulesets/" + draft.getLong("id") + "/publish").then().statusCode(409);
        assertEquals(before.getString("version"), serving().getString("version"));
        Api.decide("{\"customerId\": \"" + newCustomer("hostile") + "\", \"channel\": \"web\"}").statusCode(200)
                .body("rulesetVersion", equalTo(before.getString("version")));
        assertFalse(Files.exists(PROOF), file + " wrote " + PROOF);
    }

    private static JsonPath serving() {
        return Keys.as(Keys.admin()).get("/v1/rulesets").then().statusCode(200).extract().jsonPath()
                .setRootPath("find { it.status == 'published' }");
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = HostileUploadApiTest.class.getResourceAsStream("/hostile/" + file)) {
            return Objects.requireNonNull(in, file).readAllBytes();
        }
    }
}
