package io.omnidecide.api;

import static io.omnidecide.api.Api.ago;
import static io.omnidecide.api.Api.event;
import static io.omnidecide.api.Api.eventId;
import static io.omnidecide.api.Api.newCustomer;
import static io.omnidecide.api.Api.postEvents;
import static io.omnidecide.api.Api.putProfile;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetFolders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an analyst and a publisher do with rulesets at run time: upload, read the problems,
 * download and re-upload a table, simulate, publish under load, roll back. Every test leaves the
 * starter pack serving, so the other tests see it.
 */
@QuarkusTest
class RulesetsApiTest {

    private static final String ELIGIBILITY = "decision-tables/eligibility.drl.csv";
    private static String analyst;
    private static String publisher;
    private static long seeded;

    /** Once, when the service is up (a static @BeforeAll runs before Quarkus sets the test port). */
    @BeforeEach
    void keys() {
        if (analyst != null) {
            return;
        }
        analyst = Keys.create(List.of("analyst"), 100_000);
        publisher = Keys.create(List.of("publisher"), 100_000);
        seeded = serving().getLong("id");
    }

    @Test
    void theStarterPackIsTheOnePublishedVersionAndDecisionsRecordIt() {
        JsonPath list = Keys.as(analyst).get("/v1/rulesets").then().statusCode(200).extract().jsonPath();
        assertEquals(1, list.getList("findAll { it.status == 'published' }").size());
        String version = serving().getString("version");
        io.restassured.RestAssured.given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'ruleset' }.data.version", equalTo(version))
                .body("checks.find { it.name == 'ruleset' }.data.id", equalTo((int) seeded));
        Api.decide("{\"customerId\": \"" + newCustomer("rs-visitor") + "\", \"channel\": \"web\"}").statusCode(200)
                .body("rulesetVersion", equalTo(version));
        Keys.as(analyst).get("/v1/rulesets/{id}", seeded).then().statusCode(200)
                .body("files", hasItem(ELIGIBILITY)).body("problems", hasSize(0)).body("author", equalTo(serving().getString("author")));
    }

    @Test
    void aBrokenTableBecomesAnInvalidDraftWithItsCellAndNeverServes() {
        String broken = starter(ELIGIBILITY).replace("appSessions30d >= $param", "appSesions30d >= $param");
        upload(Map.of("eligibility.drl.csv", broken), "typo").statusCode(201)
                .body("status", equalTo("draft")).body("valid", equalTo(false))
                .body("problems[0].file", equalTo(ELIGIBILITY))
                .body("problems[0].cell", equalTo("F9")).body("problems[0].row", equalTo(19))
                .body("problems[0].message", containsString("did you mean 'appSessions30d'"));
        long draft = latest().getLong("id");
        Keys.as(publisher).contentType(ContentType.JSON).body("{}").post("/v1/rulesets/{id}/publish", draft).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("cannot be published"));
        assertEquals(seeded, serving().getLong("id"));
    }

    @Test
    void aTableDownloadedAsAWorkbookComesBackAsTheSameRules() throws IOException {
        byte[] xlsx = Keys.as(analyst).get("/v1/rulesets/{id}/files/eligibility.drl.xlsx", seeded).then().statusCode(200)
                .contentType(containsString("spreadsheetml")).extract().asByteArray();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertEquals("RuleTable Eligibility", workbook.getSheetAt(0).getRow(5).getCell(0).getStringCellValue());
        }
        long draft = uploadBytes("eligibility.drl.xlsx", xlsx, "as a workbook").statusCode(201).body("valid", equalTo(true))
                .extract().jsonPath().getLong("id");
        Keys.as(analyst).get("/v1/rulesets/{id}", draft).then()
                .body("files", hasItem("decision-tables/eligibility.drl.xlsx"))
                .body("files", org.hamcrest.Matchers.not(hasItem(ELIGIBILITY)));
        String csv = Keys.as(analyst).queryParam("format", "csv").get("/v1/rulesets/{id}/files/eligibility.drl.xlsx", draft)
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("\"forall(||){lifecycleStage == \"\"$\"\"}\""), csv);
        simulate(draft, "{\"decisions\": 50, \"scenarios\": false}").body("files", hasSize(0))
                .body("decisions.topActionChanged", equalTo(0));
    }

    @Test
    void simulateComparesTheDraftWithTheServingVersionOnAKnownPopulation() {
        // Four decisions: three visitors (prospects: the newsletter) and one cart abandoner (the reminder).
        List<String> visitors = List.of(newCustomer("sim-v"), newCustomer("sim-v"), newCustomer("sim-v"));
        visitors.forEach(v -> Api.decide("{\"customerId\": \"" + v + "\", \"channel\": \"web\"}").statusCode(200)
                .body("actions[0].actionId", equalTo("newsletter_signup")));
        String cart = cartAbandoner();
        Api.decide("{\"customerId\": \"" + cart + "\", \"channel\": \"web\"}").statusCode(200)
                .body("actions[0].actionId", equalTo("abandoned_cart_reminder"));

        String withoutNewsletter = starter(ELIGIBILITY).lines().filter(l -> !l.endsWith(",newsletter_signup"))
                .reduce("", (a, b) -> a + b + "\n");
        long draft = upload(Map.of("eligibility.drl.csv", withoutNewsletter), "no newsletter").statusCode(201)
                .body("valid", equalTo(true)).extract().jsonPath().getLong("id");

        int removedRow = starter(ELIGIBILITY).lines().toList().indexOf(
                starter(ELIGIBILITY).lines().filter(l -> l.endsWith(",newsletter_signup")).findFirst().orElseThrow()) + 1;
        simulate(draft, "{\"decisions\": 4, \"samples\": 10, \"scenarios\": false}")
                .body("serving.id", equalTo((int) seeded)).body("candidate.id", equalTo((int) draft))
                .body("files", hasSize(1)).body("files[0].file", equalTo(ELIGIBILITY))
                .body("files[0].rows", hasSize(1)).body("files[0].rows[0].change", equalTo("removed"))
                .body("files[0].rows[0].rowBefore", equalTo(removedRow))
                .body("decisions.compared", equalTo(4))
                .body("decisions.topActionChanged", equalTo(3))
                .body("decisions.actions.newsletter_signup.before", equalTo(3))
                .body("decisions.actions.newsletter_signup.after", equalTo(0))
                .body("decisions.actions.abandoned_cart_reminder.before", equalTo(1))
                .body("decisions.actions.abandoned_cart_reminder.after", equalTo(1))
                .body("decisions.segments.cart_abandoner.before", equalTo(1))
                .body("decisions.segments.cart_abandoner.after", equalTo(1))
                .body("decisions.samples", hasSize(3))
                .body("decisions.samples.customerId", org.hamcrest.Matchers.containsInAnyOrder(visitors.toArray()))
                .body("decisions.samples[0].before.actions[0].actionId", equalTo("newsletter_signup"))
                .body("decisions.samples[0].before.actions[0].reasons.source", hasItem(containsString("eligibility.drl.csv row " + removedRow)))
                .body("decisions.samples[0].after.rulesetVersion", equalTo(latest().getString("version")));
        // The suite of scenarios: journeys that expect the newsletter now decide otherwise.
        simulate(draft, "{\"decisions\": 0}")
                .body("scenarios.scenarios", org.hamcrest.Matchers.greaterThan(40))
                .body("scenarios.passedBefore", equalTo(scenarioCount()))
                .body("scenarios.passedAfter", org.hamcrest.Matchers.lessThan(scenarioCount()))
                .body("scenarios.stepsChanged", org.hamcrest.Matchers.greaterThan(0))
                .body("scenarios.changes.topActionBefore", hasItem("newsletter_signup"));
    }

    @Test
    void aChangeOfCopyIsAChangedDecisionWithTheTextBeforeAndAfter() {
        String visitor = newCustomer("sim-copy");
        Api.decide("{\"customerId\": \"" + visitor + "\", \"channel\": \"web\"}").statusCode(200)
                .body("actions[0].actionId", equalTo("newsletter_signup"));
        String messages = starter("decision-tables/messages.drl.csv");
        long draft = upload(Map.of("messages.drl.csv", messages.replace("Get 10% off your first order,", "Get 15% off your first order,")),
                "better offer").statusCode(201).body("valid", equalTo(true)).extract().jsonPath().getLong("id");
        simulate(draft, "{\"decisions\": 1, \"samples\": 1, \"scenarios\": false}")
                .body("files[0].rules.changed", equalTo(1))
                .body("decisions.topActionChanged", equalTo(0)).body("decisions.anyChanged", equalTo(1))
                .body("decisions.samples[0].before.actions[0].message.title", equalTo("Get 10% off your first order"))
                .body("decisions.samples[0].after.actions[0].message.title", equalTo("Get 15% off your first order"));
    }

    @Test
    void publishingUnderConcurrentDecidesFailsNoneAndRollbackRestores() throws Exception {
        String fromVersion = serving().getString("version");
        String leverUp = starter("decision-tables/levers.drl.csv").replace("win_back,,,,1.2,", "win_back,,,,2.5,");
        long draft = upload(Map.of("levers.drl.csv", leverUp), "push win-back").statusCode(201).extract().jsonPath().getLong("id");
        String toVersion = latest().getString("version");

        try {
            swapWhileChannelsDecide(draft, fromVersion, toVersion);
        } finally {
            if (serving().getLong("id") != seeded) {
                rollback(seeded, "tests put the starter pack back");
            }
        }
    }

    private void swapWhileChannelsDecide(long draft, String fromVersion, String toVersion) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger decided = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService channels = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            channels.submit(() -> {
                while (running.get()) {
                    var answer = Api.decide("{\"customerId\": \"load-" + decided.get() % 50 + "\", \"channel\": \"web\"}").extract();
                    if (answer.statusCode() != 200) {
                        synchronized (failures) {
                            failures.add(answer.statusCode() + " " + answer.asString());
                        }
                    } else {
                        versionsSeen.add(answer.path("rulesetVersion"));
                    }
                    decided.incrementAndGet();
                }
            });
        }
        Thread.sleep(300);
        publish(draft, "push win-back for Black Friday").body("status", equalTo("published")).body("version", equalTo(toVersion));
        Thread.sleep(300);
        rollback(seeded, "back to the starter pack").body("status", equalTo("published"));
        Thread.sleep(300);
        rollback(draft, "once more").body("id", equalTo((int) draft));
        Thread.sleep(300);
        running.set(false);
        channels.shutdown();
        assertTrue(channels.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(List.of(), failures, "decides that failed during the swaps");
        assertTrue(decided.get() > 20, "decides made: " + decided.get());
        assertEquals(Set.of(fromVersion, toVersion), versionsSeen);
        Api.decide("{\"customerId\": \"after-swap\", \"channel\": \"web\"}").body("rulesetVersion", equalTo(toVersion));
        assertEquals(draft, serving().getLong("id"));
        Keys.as(analyst).get("/v1/rulesets").then().body("findAll { it.status == 'published' }", hasSize(1))
                .body("find { it.id == " + seeded + " }.status", equalTo("retired"));

        JsonPath audit = Keys.as(publisher).get("/v1/rulesets/audit").then().statusCode(200).extract().jsonPath();
        assertEquals("rollback", audit.getString("[0].action"));
        assertEquals(draft, audit.getLong("[0].rulesetId"));
        assertEquals(seeded, audit.getLong("[0].replacedId"));
        assertEquals("once more", audit.getString("[0].comment"));
        assertEquals(Keys.nameOf(publisher), audit.getString("[0].actor"));
        assertEquals("publish", audit.getString("[2].action"));
        assertEquals("push win-back for Black Friday", audit.getString("[2].comment"));
    }

    @Test
    void onlyWhatCanServeIsPublishedOrRolledBackTo() {
        long draft = upload(Map.of("levers.drl.csv", starter("decision-tables/levers.drl.csv").replace("1.2", "1.3")), null)
                .extract().jsonPath().getLong("id");
        rollbackAnswer(draft).statusCode(409).body("detail", containsString("never been published"));
        String conflict = rollbackAnswer(seeded).statusCode(409).body("detail", containsString("already the serving one"))
                .body("status", equalTo(409)).body("rulesetStatus", equalTo("published")).extract().asString();
        assertEquals(1, conflict.split("\"status\"", -1).length - 1, "one status member, the HTTP one: " + conflict);
        Keys.as(publisher).contentType(ContentType.JSON).body("{}").post("/v1/rulesets/{id}/publish", seeded).then().statusCode(409)
                .body("detail", containsString("only a draft can be published"));
        Keys.as(publisher).contentType(ContentType.JSON).body("{}").post("/v1/rulesets/{id}/publish", 987654).then().statusCode(404)
                .body("rulesetId", equalTo(987654));
        Keys.as(analyst).get("/v1/rulesets/{id}", "latest").then().statusCode(404).contentType("application/problem+json");
        Keys.as(analyst).get("/v1/rulesets/{id}/files/{name}", seeded, "nothing.csv").then().statusCode(404)
                .body("file", equalTo("nothing.csv"));
    }

    @Test
    void aDraftCanBuildOnAnotherDraft() {
        long first = upload(Map.of("levers.drl.csv", starter("decision-tables/levers.drl.csv").replace("win_back,,,,1.2,", "win_back,,,,1.6,")),
                "step 1").statusCode(201).extract().jsonPath().getLong("id");
        String segments = starter("decision-tables/segments.drl.csv").replace(",,1,60,false,", ",,1,30,false,");
        long second = Keys.as(analyst).contentType("multipart/form-data")
                .multiPart("file", "segments.drl.csv", segments.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("base", String.valueOf(first)).multiPart("comment", "step 2")
                .post("/v1/rulesets").then().statusCode(201).body("valid", equalTo(true)).extract().jsonPath().getLong("id");
        simulate(second, "{\"decisions\": 0, \"scenarios\": false}")
                .body("files.file", org.hamcrest.Matchers.containsInAnyOrder("decision-tables/levers.drl.csv", "decision-tables/segments.drl.csv"))
                .body("files.find { it.file.endsWith('levers.drl.csv') }.rows[0].cells[0].after", equalTo("1.6"))
                .body("files.find { it.file.endsWith('segments.drl.csv') }.rows[0].cells[0].after", equalTo("30"));
        Keys.as(analyst).contentType("multipart/form-data").multiPart("file", "levers.drl.csv", new byte[] {'x'}, "text/plain")
                .multiPart("base", "424242").post("/v1/rulesets").then().statusCode(404).body("rulesetId", equalTo(424242));
    }

    @Test
    void everyFileOfAVersionDownloadsAloneOrAsOneZip() throws IOException {
        JsonPath files = Keys.as(analyst).get("/v1/rulesets/{id}/files", seeded).then().statusCode(200).extract().jsonPath();
        assertTrue(files.getList("name").contains("guardrails.drl"));
        assertEquals(List.of("segments.drl.csv", "segments.drl.xlsx"), files.getList("find { it.name == 'segments.drl.csv' }.downloads"));
        String drl = Keys.as(analyst).get("/v1/rulesets/{id}/files/guardrails.drl", seeded).then().statusCode(200).extract().asString();
        assertEquals(starter("rules/guardrails.drl"), drl);
        byte[] zip = Keys.as(analyst).queryParam("format", "zip").get("/v1/rulesets/{id}/files", seeded).then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertTrue(entries.containsAll(List.of(ELIGIBILITY, "rules/guardrails.drl")), entries.toString());
        // The zip goes back up as a whole set.
        uploadBytes("ruleset.zip", zip, "round trip").statusCode(201).body("valid", equalTo(true))
                .body("version", equalTo(serving().getString("version")));
    }

    @Test
    void theZipUnzipsOverTheRepositoryWithOneFormOfEachTableAndBuildsTheSameRules() throws IOException {
        byte[] xlsx = Keys.as(analyst).get("/v1/rulesets/{id}/files/segments.drl.xlsx", seeded).then().statusCode(200).extract().asByteArray();
        long draft = uploadBytes("segments.drl.xlsx", xlsx, "edited in a spreadsheet").statusCode(201).body("valid", equalTo(true))
                .body("rules.'decision-tables/segments.drl.xlsx'", equalTo(7)).extract().jsonPath().getLong("id");
        Path repository = Path.of("target/round-trip");
        for (String folder : List.of("rules", "decision-tables")) {
            Files.createDirectories(repository.resolve(folder));
            try (var files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, repository.resolve(folder).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        byte[] zip = Keys.as(analyst).queryParam("format", "zip").get("/v1/rulesets/{id}/files", draft).then().statusCode(200).extract().asByteArray();
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
                Files.write(repository.resolve(e.getName()), in.readAllBytes());
            }
        }
        assertTrue(entries.contains("decision-tables/segments.drl.csv") && !entries.contains("decision-tables/segments.drl.xlsx"), entries.toString());
        List<RulesetFile> unzipped = RulesetFolders.read(repository.resolve("rules"),
                repository.resolve("decision-tables"));
        assertEquals(unzipped.size(), unzipped.stream().map(f -> RulesetFile.sameFileKey(f.fileName())).distinct().count(),
                "one form of each table: " + unzipped.stream().map(RulesetFile::path).toList());
        Ruleset built = new RulesetCompiler(Clock.systemUTC()).compile(unzipped);
        assertEquals(new RulesetCompiler(Clock.systemUTC())
                .compile(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables"))).ruleCounts(), built.ruleCounts());
        byte[] workbooks = Keys.as(analyst).queryParam("format", "zip").queryParam("tables", "xlsx").get("/v1/rulesets/{id}/files", draft)
                .then().statusCode(200).extract().asByteArray();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbooks))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertTrue(!e.getName().endsWith(".csv"), e.getName());
            }
        }
    }

    @Test
    void hostileOrBrokenUploadsAreRefusedWithTheirFile() throws IOException {
        uploadBytes("notes.txt", "hello".getBytes(StandardCharsets.UTF_8), null).statusCode(400)
                .contentType("application/problem+json").body("file", equalTo("notes.txt")).body("detail", containsString("not a rule file"));
        uploadBytes("../escape.drl", "x".getBytes(StandardCharsets.UTF_8), null).statusCode(400).body("detail", containsString("path"));
        uploadBytes("rules.zip", "not a zip at all".getBytes(StandardCharsets.UTF_8), null).statusCode(400)
                .body("detail", containsString("no rule file"));
        // A zip bomb: 64 MB of zeros compress to a few kilobytes; reading stops at the file limit.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("decision-tables/huge.drl.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(bomb.size() < 200_000);
        uploadBytes("bomb.zip", bomb.toByteArray(), null).statusCode(413)
                .body("file", equalTo("bomb.zip!decision-tables/huge.drl.csv")).body("detail", containsString("larger than"));
        // Rules are code: what the allow-list refuses comes back as located problems, and nothing is stored as servable.
        upload(Map.of("evil.drl", """
                package omnidecide.evil
                import io.omnidecide.facts.*
                rule "exit"
                    agenda-group "segment"
                when
                    $c : Customer()
                then
                    System.exit(1);
                end
                """), "hostile").statusCode(201).body("valid", equalTo(false))
                .body("problems[0].file", equalTo("rules/evil.drl")).body("problems[0].line", equalTo(8))
                .body("problems[0].message", containsString("System"));
        // A table far past the row limit.
        StringBuilder rows = new StringBuilder(starter("decision-tables/levers.drl.csv"));
        rows.append(",\n".repeat(100_001));
        upload(Map.of("levers.drl.csv", rows.toString()), null).statusCode(201).body("valid", equalTo(false))
                .body("problems[0].message", containsString("at most 100000"));
    }

    @Test
    void aWorkbookWithAnExternalEntityIsRefusedNotRead() throws IOException {
        byte[] xlsx = Keys.as(analyst).get("/v1/rulesets/{id}/files/levers.drl.xlsx", seeded).then().extract().asByteArray();
        byte[] evil = XxeWorkbook.withExternalEntity(xlsx, "file:///etc/passwd");
        upload(evil).statusCode(201).body("valid", equalTo(false))
                .body("problems[0].file", equalTo("decision-tables/levers.drl.xlsx"))
                .body("problems[0].message", containsString("cannot read the spreadsheet"))
                .body("problems[0].message", org.hamcrest.Matchers.not(containsString("root:")));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static io.restassured.response.ValidatableResponse upload(byte[] levers) {
        return uploadBytes("levers.drl.xlsx", levers, "xxe");
    }

    private static JsonPath serving() {
        return Keys.as(Keys.admin()).get("/v1/rulesets").then().statusCode(200).extract().jsonPath()
                .setRootPath("find { it.status == 'published' }");
    }

    private static JsonPath latest() {
        return Keys.as(Keys.admin()).get("/v1/rulesets").then().statusCode(200).extract().jsonPath().setRootPath("[0]");
    }

    private static int scenarioCount() {
        try (var files = Files.walk(Path.of("scenarios"))) {
            return (int) files.filter(p -> p.toString().endsWith(".yaml")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String starter(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static io.restassured.response.ValidatableResponse upload(Map<String, String> files, String comment) {
        RequestSpecification request = Keys.as(analyst).contentType("multipart/form-data");
        files.forEach((name, text) -> request.multiPart("file", name, text.getBytes(StandardCharsets.UTF_8), "text/plain"));
        if (comment != null) {
            request.multiPart("comment", comment);
        }
        return request.post("/v1/rulesets").then();
    }

    private static io.restassured.response.ValidatableResponse uploadBytes(String name, byte[] bytes, String comment) {
        RequestSpecification request = Keys.as(analyst).contentType("multipart/form-data")
                .multiPart("file", name, bytes, "application/octet-stream");
        if (comment != null) {
            request.multiPart("comment", comment);
        }
        return request.post("/v1/rulesets").then();
    }

    private static io.restassured.response.ValidatableResponse simulate(long id, String body) {
        return Keys.as(analyst).contentType(ContentType.JSON).body(body).post("/v1/rulesets/{id}/simulate", id).then().statusCode(200);
    }

    /** Through the approval gate: simulated with the scenarios first, published whatever they say (this is not what is tested here). */
    private static io.restassured.response.ValidatableResponse publish(long id, String comment) {
        simulate(id, "{\"decisions\": 0}");
        return Keys.as(publisher).contentType(ContentType.JSON).body(Map.of("comment", comment, "overrideReason", "tests of the swap"))
                .post("/v1/rulesets/{id}/publish", id).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse rollback(long id, String comment) {
        return Keys.as(publisher).contentType(ContentType.JSON).body(Map.of("comment", comment))
                .post("/v1/rulesets/{id}/rollback", id).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse rollbackAnswer(long id) {
        return Keys.as(publisher).contentType(ContentType.JSON).body("{}").post("/v1/rulesets/{id}/rollback", id).then();
    }

    private static String cartAbandoner() {
        String id = newCustomer("sim-cart");
        putProfile(id, "{\"traits\": {\"firstName\": \"Ada\"}}").statusCode(201);
        postEvents("[" + event(eventId(), id, "add_to_cart", "web", ago(Duration.ofHours(2)),
                "{\"sku\":\"SNEAKER-42\",\"name\":\"Trail sneaker\",\"category\":\"running\",\"price\":89}") + "]").statusCode(202);
        return id;
    }
}
