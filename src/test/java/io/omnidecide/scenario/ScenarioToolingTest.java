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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a tester writes and reads: suites in one file, negative expectations, failures with expected and actual. */
class ScenarioToolingTest {

    private static final Ruleset RULESET = new RulesetCompiler(Clock.systemUTC())
            .compile(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables")));
    private static final ScenarioRunner RUNNER = new ScenarioRunner(new Decider("en", 10));

    /** A cart abandoner an hour later, decided for by e-mail: the reminder names the sneaker. */
    private static final String CART = """
            name: %s
            start: 2026-03-02T09:00:00Z
            customer: {id: ada, traits: {firstName: Ada, timeZone: "+01:00"}, consent: {email: granted}, preferredChannels: [email]}
            steps:
              - at: +0
                events: [{type: add_to_cart, channel: app, properties: {sku: SNEAKER-42, name: Trail sneaker, price: 89}}]
              - name: the reminder goes out
                at: +61m
                decide: {channel: email, limit: 5}
                expect: %s
            """;

    private static ScenarioResult.StepResult reminderStep(String expect) {
        ScenarioReader.Named named = ScenarioReader.read(CART.formatted("cart", expect), "cart.yaml").get(0);
        return RUNNER.run(named.scenario(), named.file(), RULESET).steps().get(1);
    }

    @Test
    void everyDocumentOfAMultiDocumentFileIsRead() {
        String suite = "---\n" + CART.formatted("one", "{topAction: abandoned_cart_reminder}") + "---\n"
                + "- " + CART.formatted("two", "{topChannel: email}").replace("\n", "\n  ").trim() + "\n---\n"
                + CART.formatted("three", "{topAction: win_back}");
        List<ScenarioReader.Named> read = ScenarioReader.read(suite, "suite.yaml");
        assertEquals(List.of("one", "two", "three"), read.stream().map(n -> n.scenario().name()).toList());
        List<ScenarioResult> results = read.stream().map(n -> RUNNER.run(n, RULESET)).toList();
        assertEquals(List.of(true, true, false), results.stream().map(ScenarioResult::passed).toList());
    }

    @Test
    void aBrokenDocumentNamesItsLineInTheWholeFile() {
        String suite = CART.formatted("one", "{topAction: abandoned_cart_reminder}") + "---\nname: two\nstart: 2026-03-02T09:00:00Z\nsteps:\n  - at: +0\n    expect: {topActon: x}\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioReader.read(suite, "suite.yaml"));
        assertTrue(e.getMessage().startsWith("suite.yaml line 16: "), e.getMessage());
    }

    @Test
    void stepsAreNamedByNumberAndWhatTheySay() {
        ScenarioReader.Named named = ScenarioReader.read(CART.formatted("cart", "{topAction: abandoned_cart_reminder}"), "cart.yaml").get(0);
        ScenarioResult result = RUNNER.run(named, RULESET);
        assertEquals(List.of("step 1: at +0", "step 2: the reminder goes out"), result.steps().stream().map(ScenarioResult.StepResult::step).toList());
    }

    @Test
    void aFailedMessageExpectationShowsTheMessage() {
        ScenarioResult.StepResult step = reminderStep("{messageContains: Trail boot}");
        assertFalse(step.passed());
        assertTrue(step.explanation().startsWith("messageContains expected the top message to contain 'Trail boot', was 'Ada, your Trail sneaker is waiting"),
                step.explanation());
    }

    @Test
    void messageNotContainsReadsEveryMessageReturned() {
        assertTrue(reminderStep("{messageNotContains: Trail boot}").passed());
        ScenarioResult.StepResult step = reminderStep("{messageNotContains: Trail sneaker}");
        assertFalse(step.passed());
        assertTrue(step.explanation().startsWith("messageNotContains expected no message to contain 'Trail sneaker', was abandoned_cart_reminder: 'Ada,"),
                step.explanation());
    }

    @Test
    void negativeActionAndSegmentExpectationsShowWhatWasThere() {
        ScenarioResult.StepResult step = reminderStep("{actionsExclude: [abandoned_cart_reminder], segmentsExclude: [cart_abandoner]}");
        assertFalse(step.passed());
        assertTrue(step.explanation().startsWith("segmentsExclude expected no cart_abandoner, was [cart_abandoner]; "
                + "actionsExclude expected no abandoned_cart_reminder, was [abandoned_cart_reminder"), step.explanation());
    }

    @Test
    void suppressionsAreExpectedByReasonAndChannelOrNotAtAll() {
        ScenarioResult.StepResult held = reminderStep("{suppressed: [{action: newsletter_signup, channel: email, reason: 'not sent on email (actions table)'}]}");
        assertTrue(held.passed(), held.explanation());
        ScenarioResult.StepResult wrong = reminderStep("{suppressed: [{action: newsletter_signup, reason: cooldown}]}");
        assertFalse(wrong.passed());
        assertTrue(wrong.explanation().startsWith("suppressed expected newsletter_signup for 'cooldown', was [")
                && wrong.explanation().contains("newsletter_signup on email: not sent on email (actions table)"), wrong.explanation());
        assertTrue(reminderStep("{notSuppressed: [abandoned_cart_reminder]}").passed());
        ScenarioResult.StepResult not = reminderStep("{notSuppressed: [newsletter_signup]}");
        assertFalse(not.passed());
        assertTrue(not.explanation().startsWith("notSuppressed expected newsletter_signup not held back, was [newsletter_signup on email: "),
                not.explanation());
    }

    @Test
    void theCommandLinePrintsExpectedAndActual(@TempDir Path dir) throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("cart.yaml"), CART.formatted("cart", "{topAction: win_back, messageContains: Trail boot}"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = ReplayCommand.run(new String[] {scenarios.toString(), "--junit", dir.resolve("reports").toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit);
        assertTrue(out.contains("FAIL cart.yaml: cart"), out);
        assertTrue(out.contains("step 2: the reminder goes out: topAction expected win_back, was abandoned_cart_reminder; "
                + "messageContains expected the top message to contain 'Trail boot', was 'Ada, your Trail sneaker is waiting"), out);
    }
}
