package io.omnidecide.decision;

import static io.omnidecide.decision.StarterPack.actionIds;
import static io.omnidecide.decision.StarterPack.buyer;
import static io.omnidecide.decision.StarterPack.consenting;
import static io.omnidecide.decision.StarterPack.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.facts.Customer;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetFolders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The starter pack's value tier (decision-tables/value-tier.dmn), evaluated by the KIE DMN engine
 * before the segment stage: its result is on the customer for the tables, makes gold customers VIPs,
 * and every decision says which model, decision and rule produced it.
 */
class DmnDecisionTest {

    private static final List<RulesetFile> STARTER_FILES = RulesetFolders.read(Path.of("rules"), Path.of("decision-tables"));

    /** An active buyer (first purchase 100 days ago, last 10) with e-mail consent. */
    private static Customer activeBuyer(int orders, double lifetimeValue) {
        Customer c = consenting(buyer("email", orders, 100, 10), "email");
        c.setLifetimeValue(lifetimeValue);
        return c;
    }

    private static DecisionOutcome decide(Ruleset ruleset, Customer c) {
        return new DecisionPipeline("en").decide(ruleset, c, 5);
    }

    /** The starter pack with files replaced or added. */
    private static Ruleset starterPackWith(String path, String content) {
        List<RulesetFile> files = new ArrayList<>(STARTER_FILES.stream().filter(f -> !f.path().equals(path)).toList());
        files.add(new RulesetFile(path, content.getBytes(StandardCharsets.UTF_8)));
        return new RulesetCompiler(Clock.systemUTC()).compile(files);
    }

    @ParameterizedTest(name = "{0} orders, lifetime value {1}: {2} by rule {3}")
    @CsvSource({
            "2, 1000, gold, 1",
            "10, 300, gold, 2",
            "2, 300, silver, 3",
            "3, 120, silver, 4",
            "1, 40, bronze, 5",
            "0, 0, none, 6"})
    void theValueTierIsDecidedByTheFirstMatchingRule(int orders, double lifetimeValue, String tier, int rule) {
        DecisionOutcome outcome = decide(StarterPack.RULESET, activeBuyer(orders, lifetimeValue));
        assertEquals(1, outcome.dmn().size());
        DmnResult result = outcome.dmn().get(0);
        assertEquals("valueTier", result.decision());
        assertEquals(tier, result.value());
        assertEquals("decision-tables/value-tier.dmn decision valueTier rule " + rule, result.source());
    }

    @Test
    void aGoldCustomerIsAVipAndGetsEarlyAccess() {
        DecisionOutcome gold = decide(StarterPack.RULESET, activeBuyer(2, 1000));
        assertTrue(gold.segments().contains("vip"), gold.segments().toString());
        assertTrue(actionIds(gold).contains("vip_early_access"), actionIds(gold).toString());
        DecisionOutcome silver = decide(StarterPack.RULESET, activeBuyer(9, 999.99));
        assertFalse(silver.segments().contains("vip"), silver.segments().toString());
        assertFalse(actionIds(silver).contains("vip_early_access"), actionIds(silver).toString());
    }

    @Test
    void aVisitorIsDecidedForWithTierNone() {
        Customer visitor = customer("web");
        visitor.setKnown(false);
        DecisionOutcome outcome = decide(StarterPack.RULESET, visitor);
        assertEquals("none", outcome.dmn().get(0).value());
        assertEquals("none", visitor.getDmn().get("valueTier"));
    }

    @Test
    void editingTheModelChangesTheDecision() {
        String dmn = STARTER_FILES.stream().filter(f -> f.path().equals("decision-tables/value-tier.dmn")).findFirst().orElseThrow().text();
        Ruleset goldFrom500 = starterPackWith("decision-tables/value-tier.dmn", dmn.replace("<text>&gt;= 1000</text>", "<text>&gt;= 500</text>"));
        assertFalse(decide(StarterPack.RULESET, activeBuyer(2, 600)).segments().contains("vip"), "600 is silver in the starter pack");
        DecisionOutcome edited = decide(goldFrom500, activeBuyer(2, 600));
        assertEquals("gold", edited.dmn().get(0).value());
        assertEquals("Lifetime value: >= 500", edited.dmn().get(0).when());
        assertTrue(edited.segments().contains("vip"), edited.segments().toString());
        assertTrue(actionIds(edited).contains("vip_early_access"), actionIds(edited).toString());
    }

    @Test
    void aRuleReadingTheTierCitesTheDmnRuleThatDecidedIt() {
        Ruleset ruleset = starterPackWith("rules/gold.drl", """
                package omnidecide.rules
                import io.omnidecide.facts.*

                rule "Gold customers see early access first"
                    agenda-group "catalog"
                when
                    $c : Candidate(actionId == "vip_early_access", dmn["valueTier"] == "gold")
                then
                    $c.multiplyLever(2);
                end
                """);
        ActionResult early = decide(ruleset, activeBuyer(2, 1500)).actions().stream()
                .filter(a -> a.actionId().equals("vip_early_access")).findFirst().orElseThrow();
        assertEquals(2.0, early.scoreTerms().lever());
        List<String> sources = early.reasons().stream().map(Reason::source).toList();
        assertTrue(sources.contains("rules/gold.drl line 4"), sources.toString());
        assertTrue(sources.contains("decision-tables/value-tier.dmn decision valueTier rule 1"), sources.toString());
        Reason tier = early.reasons().stream().filter(r -> r.rule().equals("valueTier rule 1")).findFirst().orElseThrow();
        assertEquals("segment", tier.stage());
        assertEquals("Lifetime value: >= 1000", tier.when());
        assertEquals("valueTier = \"gold\"", tier.then());
    }
}
