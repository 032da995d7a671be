package io.omnidecide.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Everything the allow-list lets rules say builds, and is built as the canonical form the check wrote. */
class AllowedRulesTest {


    private static RuleSource built(String attributes, String when, String then) {
        String drl = "package omnidecide.allowed\nimport io.omnidecide.facts.Customer\nimport io.omnidecide.facts.Candidate\n\nrule \"Allowed\"\n"
                + "    agenda-group \"" + (when.contains("Candidate") ? "policy" : "segment") + "\"\n" + attributes + "when\n    " + when
                + "\nthen\n    " + then + "\nend\n";
        List<RulesetFile> files = StarterPack.with("rules/allowed.drl", drl);
        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC()).compile(files);
        return ruleset.sources().get("Allowed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", value = {
            "comparisons ~ $c : Customer(orders >= 3, lifetimeValue < 1000.5, firstName != null, country == \"SE\")"
                    + " ~ $c : Customer(orders >= 3, lifetimeValue < 1000.5, firstName != null, country == \"SE\")",
            "and, or, negation ~ $c : Customer(orders > 1 && (cartItemCount > 0 || !(reviewsPosted > 2)))"
                    + " ~ $c : Customer(orders > 1 && (cartItemCount > 0 || !(reviewsPosted > 2)))",
            "in and not in ~ $c : Customer(country in (\"SE\", \"NO\"), lifecycleStage not in (\"lapsed\"))"
                    + " ~ $c : Customer((country == \"SE\" || country == \"NO\"), lifecycleStage != \"lapsed\")",
            "contains, memberOf ~ $c : Customer(segments contains \"vip\", segments not contains \"reviewer\", country memberOf preferredChannels)"
                    + " ~ $c : Customer(segments contains \"vip\", segments not contains \"reviewer\", country memberOf preferredChannels)",
            "a safe pattern ~ $c : Customer(acquisitionCampaign matches \"(?i).*retarget[a-z]{0,5}.*\", firstName not matches \"[0-9]+\")"
                    + " ~ $c : Customer(acquisitionCampaign matches \"(?i).*retarget[a-z]{0,5}.*\", firstName not matches \"[0-9]+\")",
            "a DMN result ~ $c : Customer(dmn[\"valueTier\"] == \"gold\") ~ $c : Customer(dmn[\"valueTier\"] == \"gold\")",
            "a yes/no field alone ~ $c : Customer(newsletterSubscribed) ~ $c : Customer(newsletterSubscribed == true)",
            "negative numbers ~ $c : Customer(localHour > -1) ~ $c : Customer(localHour > -1)",
            "history counts ~ $c : Candidate(impressions(7) >= 3, actionImpressions(14) > 1) ~ $c : Candidate(impressions(7) >= 3, actionImpressions(14) > 1)",
            "a bound value ~ $c : Customer($n : orders > 0) $d : Candidate(impressions($n) > 0, openSupportTickets < $n)"
                    + " ~ $c : Customer($n : orders > 0) $d : Candidate(impressions($n) > 0, openSupportTickets < $n)",
            "a bound fact's field  ~ $c : Customer() $d : Candidate(openSupportTickets < $c.orders) ~ $c : Customer() $d : Candidate(openSupportTickets < $c.orders)",
            "not, exists, or ~ $c : Customer() not Candidate(actionId == \"win_back\") exists (Candidate(channel == \"web\") or Candidate(channel == \"app\"))"
                    + " ~ $c : Customer() not (Candidate(actionId == \"win_back\")) exists ((Candidate(channel == \"web\") or Candidate(channel == \"app\")))",
            "fully named fact type ~ $c : io.omnidecide.facts.Customer(orders > 0) ~ $c : Customer(orders > 0)"})
    void conditionsBuildInCanonicalForm(String what, String when, String canonical) {
        assertEquals(canonical, built("", when, when.contains("Candidate") ? "" : "$c.addSegment(\"allowed\");").when(), what);
    }

    @Test
    void attributesFromTheListBuild() {
        RuleSource rule = built("    salience -10\n    no-loop true\n    lock-on-active\n", "$c : Customer()", "$c.addSegment(\"allowed\");");
        assertEquals("$c.addSegment(\"allowed\");", rule.then());
    }

    @Test
    void actionsAreCallsOfTheVocabularyWithLiteralsOrBoundValues() {
        RuleSource rule = built("", "$c : Customer($sku : cartItemSku != null, $name : cartItemName != null)",
                "$c.recommend($sku, $name); /* a note */ $c.addSegment(\"shopper\") ; ;\n    $c.propose(\"cross_sell\");");
        assertEquals("$c.recommend($sku, $name); $c.addSegment(\"shopper\"); $c.propose(\"cross_sell\");", rule.then());
        RuleSource candidate = built("", "$c : Candidate(actionId == \"cross_sell\")", "$c.setValue(-2.5); $c.setFallback(false); "
                + "$c.setBody(\"Hej {firstName}, \\\"tack\\\" \\\\ v\u00e4lkommen\\n\"); $c.allowChannels(\"email, web\");");
        assertEquals("$c.setValue(-2.5); $c.setFallback(false); $c.setBody(\"Hej {firstName}, \\\"tack\\\" \\\\ v\u00e4lkommen\\n\"); "
                + "$c.allowChannels(\"email, web\");", candidate.then());
    }

    @Test
    void aQuotedValueThatTriesToBreakOutStaysText() {
        // Drools escapes the quotes of a cell put into "$param": the whole cell is compared as text, nothing runs.
        String table = "RuleSet,omnidecide.allowed\nImport,io.omnidecide.facts.*\nAGENDA-GROUP,segment\n,\nRuleTable Allowed\nCONDITION,ACTION\n"
                + "$c : Customer,\n\"firstName == \"\"$param\"\"\",\"$c.addSegment(\"\"$param\"\");\"\nFirst name,Segment\n"
                + "\"x\"\" || java.lang.Runtime.getRuntime().exec(\"\"id\"\") != null || firstName == \"\"y\",named\n";
        List<RulesetFile> files = StarterPack.with("decision-tables/allowed.drl.csv", table);
        RuleSource rule = new RulesetCompiler(Clock.systemUTC()).compile(files).sources().get("Allowed_10");
        assertEquals("$c : Customer(firstName == \"x\\\" || java.lang.Runtime.getRuntime().exec(\\\"id\\\") != null || firstName == \\\"y\")",
                rule.when());
    }
}
