package io.omnidecide.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Interactions;
import io.omnidecide.facts.ResponseCounts;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What simulate relies on: a decision's recorded inputs decide again exactly as they did; and rules and DMN models have a time limit. */
class RecordedInputsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void aCustomerFactReadBackFromItsSnapshotDecidesTheSame() {
        Customer original = StarterPack.consenting(StarterPack.withCart(StarterPack.buyer("email", 3, 200, 40), "SNEAKER-42",
                "Trail sneaker", 90), "email");
        original.setInteractions(new Interactions(List.of(
                new Interactions.Interaction("abandoned_cart_reminder", "email", "marketing", "impression", NOW.minus(Duration.ofDays(2))),
                new Interactions.Interaction("abandoned_cart_reminder", "email", "marketing", "dismiss", NOW.minus(Duration.ofDays(1)))), NOW));
        String json = FactSnapshot.write(original);

        Customer copy = FactSnapshot.read(json);
        assertEquals(json, FactSnapshot.write(copy), "nothing is lost or added on the way");
        DecisionOutcome before = StarterPack.decide(FactSnapshot.read(json), 3);
        DecisionOutcome after = StarterPack.decide(copy, 3);
        assertEquals(StarterPack.actionIds(before), StarterPack.actionIds(after));
        assertEquals(before.segments(), after.segments());
        assertTrue(after.suppressed().stream().anyMatch(s -> s.actionId().equals("abandoned_cart_reminder")),
                "the dismissal recorded with the inputs still holds the reminder back: " + after.suppressed());
    }

    /** Set.copyOf and Map.copyOf would iterate in an order drawn anew by each JVM: the inputs and the rules read them sorted. */
    @Test
    void setsAndMapsOfTheFactReadInTheSameOrderOnEveryJvm() {
        Customer c = StarterPack.consenting(StarterPack.customer("web"), "sms", "email", "push", "app", "whatsapp");
        c.setPurchasedSkus(java.util.Set.of("Z-9", "A-1", "M-5", "C-3", "X-7"));
        c.setEngagement30d(java.util.Map.of("web", 3, "app", 1, "email", 2, "sms", 5));
        assertEquals(List.of("A-1", "C-3", "M-5", "X-7", "Z-9"), List.copyOf(c.getPurchasedSkus()));
        assertEquals(List.of("app", "email", "push", "sms", "whatsapp"), List.copyOf(c.getConsent().keySet()));
        assertEquals(List.of("app", "email", "sms", "web"), List.copyOf(c.getEngagement30d().keySet()));
        String json = FactSnapshot.write(c);
        assertTrue(json.indexOf("A-1") < json.indexOf("C-3") && json.indexOf("X-7") < json.indexOf("Z-9"), json);
    }

    @Test
    void whatRulesWriteIsNotPartOfTheInputs() {
        Customer decided = StarterPack.buyer("web", 12, 400, 3);
        StarterPack.segmented(decided);
        assertTrue(!decided.getSegments().isEmpty());
        String json = FactSnapshot.write(decided);
        assertTrue(!json.contains("segments") && !json.contains("lifecycleStage"), json);
    }

    @Test
    void rulesStillFiringPastTheTimeLimitEndTheDecide() {
        // Without its DMN model, so that the time runs out in the rules.
        Ruleset rulesOnly = new RulesetCompiler(Clock.systemUTC()).compile(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables"))
                .stream().filter(f -> !f.isDmn()).toList());
        DecisionPipeline hurried = new DecisionPipeline("en", Duration.ofNanos(1));
        RuleTimeLimitException e = assertThrows(RuleTimeLimitException.class, () -> hurried.decide(rulesOnly, StarterPack.customer("web"), 3));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("stage 'segment'"), e.getMessage());
        // The session it ran on went back to the pool, reset: the next decide on it is as on a new one.
        DecisionPipeline unhurried = new DecisionPipeline("en");
        Ruleset fresh = new RulesetCompiler(Clock.systemUTC()).compile(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables"))
                .stream().filter(f -> !f.isDmn()).toList());
        Customer buyer = StarterPack.consenting(StarterPack.buyer("any", 3, 400, 200), "email");
        assertEquals(unhurried.decide(fresh, StarterPack.consenting(StarterPack.buyer("any", 3, 400, 200), "email"), 3, ResponseCounts.NONE, true),
                unhurried.decide(rulesOnly, buyer, 3, ResponseCounts.NONE, true));
    }

    /** The DMN models and the rules share the decide's one limit: a model evaluated past it ends the decide the same way. */
    @Test
    void aDmnModelEvaluatedPastTheTimeLimitEndsTheDecide() {
        DecisionPipeline hurried = new DecisionPipeline("en", Duration.ofNanos(1));
        RuleTimeLimitException e = assertThrows(RuleTimeLimitException.class,
                () -> hurried.decide(StarterPack.RULESET, StarterPack.customer("web"), 3));
        assertEquals(503, e.status());
        assertEquals("https://omnidecide.io/problems/rule-time-limit", e.toProblem("/v1/decide").type());
        assertTrue(e.getMessage().startsWith("the DMN model decision-tables/value-tier.dmn was still being evaluated"), e.getMessage());
    }
}
