package io.omnidecide.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.decision.Decider;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFolders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a tester meets: failures that say what to fix, format errors with their line, and log replays. */
class ScenarioRunnerTest {

    private static final Ruleset RULESET = new RulesetCompiler(Clock.systemUTC())
            .compile(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables")));
    private static final ScenarioRunner RUNNER = new ScenarioRunner(new Decider("en", 10));

    private static ScenarioResult run(String yaml) {
        ScenarioReader.Named named = ScenarioReader.read(yaml, "test.yaml").get(0);
        return RUNNER.run(named.scenario(), named.file(), RULESET);
    }

    @Test
    void aFailedStepSaysExpectedAgainstActualAndExplainsTheDecision() {
        ScenarioResult result = run("""
                name: wrong expectation
                start: 2026-03-02T09:00:00Z
                customer: {id: bo, traits: {firstName: Bo}}
                steps:
                  - at: +0
                    decide: {channel: web}
                    expect: {topAction: win_back, lifecycleStage: prospect}
                """);
        assertFalse(result.passed());
        ScenarioResult.StepResult step = result.steps().get(0);
        assertEquals("step 1: at +0", step.step());
        assertTrue(step.explanation().startsWith("topAction expected win_back, was newsletter_signup."), step.explanation());
        assertTrue(step.explanation().contains("decision-tables/eligibility.drl.csv row 18"), "cites the row that chose: " + step.explanation());
        assertEquals("newsletter_signup", ((java.util.Map<?, ?>) step.actual()).get("topAction"));
    }

    @Test
    void timeMovesOnlyWithTheSteps() {
        ScenarioResult result = run("""
                name: clock
                start: 2026-01-01T00:00:00Z
                steps:
                  - at: +0
                    events: [{type: purchase, channel: store, properties: {sku: MUG, price: 10}}]
                    expect: {lifecycleStage: new_customer, profile: {metrics.firstPurchaseAt: "2026-01-01T00:00:00Z"}}
                  - at: +31d
                    expect: {lifecycleStage: active}
                  - at: +13w
                    expect: {lifecycleStage: at_risk}
                """);
        assertTrue(result.passed(), result.toString());
    }

    @Test
    void rejectedEventsFailTheStepWithTheirReason() {
        ScenarioResult result = run("""
                name: bad event
                start: 2026-01-01T00:00:00Z
                steps:
                  - events: [{type: teleport}]
                """);
        assertFalse(result.passed());
        assertTrue(result.steps().get(0).explanation().contains("unknown event type 'teleport'"));
    }

    @Test
    void formatErrorsNameTheFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioReader.read("""
                name: typo
                start: 2026-01-01T00:00:00Z
                steps:
                  - at: +0
                    expect: {topActon: win_back}
                """, "typo.yaml"));
        assertTrue(e.getMessage().startsWith("typo.yaml line 5"), e.getMessage());
        assertTrue(e.getMessage().contains("topActon"), e.getMessage());
        ScenarioResult badOffset = run("""
                name: offset
                start: 2026-01-01T00:00:00Z
                steps: [{at: tomorrow}]
                """);
        assertTrue(badOffset.steps().get(0).explanation().contains("offset 'tomorrow'"));
    }

    @Test
    void offsetsAddUp() {
        assertEquals(Duration.ofDays(9), Offsets.parse("+1w2d"));
        assertEquals(Duration.ofMinutes(90), Offsets.parse("+90m"));
        assertEquals(Duration.ZERO, Offsets.parse("+0"));
    }

    @Test
    void junitXmlListsEveryStepAndItsFailure(@TempDir Path dir) throws Exception {
        ScenarioResult failing = run("""
                name: fails
                start: 2026-03-02T09:00:00Z
                steps: [{at: +0, decide: {channel: web}, expect: {noActions: true}}]
                """);
        JUnitXml.write(List.of(failing), dir.resolve("TEST-scenarios.xml"));
        String xml = Files.readString(dir.resolve("TEST-scenarios.xml"));
        assertTrue(xml.contains("tests=\"1\" failures=\"1\""), xml);
        assertTrue(xml.contains("<failure message=\"noActions expected true, was false\""), xml);
    }

    @Test
    void anOnlineRetailLogReplaysInEventTime() throws Exception {
        String report = replayLog("src/test/resources/replay/online-retail-sample.csv", "--format", "online-retail");
        assertTrue(report.contains("Events: 5 read, 5 accepted, 0 duplicates, 0 rejected; 1 lines skipped for lack of a customer"), report);
        assertTrue(report.contains("Customers: 3, with at least one purchase: 3"), report);
        assertTrue(report.contains("Clock at the end of the log: 2011-12-09T12:00:00Z"), report);
        assertTrue(report.contains("Lifecycle stages: {lapsed=1, new_customer=2}"), report);
        assertTrue(report.contains("  France: {new_customer=1}"), report);
    }

    @Test
    void anNdjsonLogOfOurEventsReplaysInEventTime() throws Exception {
        String report = replayLog("src/test/resources/replay/events.ndjson");
        assertTrue(report.contains("Events: 5 read, 3 accepted, 1 duplicates, 1 rejected"), report);
        assertTrue(report.contains("Clock at the end of the log: 2026-03-06T10:00:00Z"), report);
        assertTrue(report.contains("Customers: 2, with at least one purchase: 1"), report);
        assertTrue(report.contains("Lifecycle stages: {new_customer=1, prospect=1}"), report);
    }

    /** What bin/replay-log prints for a log. */
    private static String replayLog(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            LogReplayCommand.main(args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
