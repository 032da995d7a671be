package io.omnidecide.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channels an action may use, read from the rules when the ruleset is built (a decide on "any" expands only those). */
class ActionChannelsTest {

    private static final RulesetCompiler COMPILER = new RulesetCompiler(Clock.systemUTC());
    private static final String ACTIONS = "decision-tables/actions.drl.csv";

    @Test
    void theActionsTableGivesEachActionItsChannelsInOrder() {
        Ruleset ruleset = COMPILER.compile(StarterPack.FILES);
        assertEquals(List.of("email", "push", "sms", "app", "web"), ruleset.channelsOf("abandoned_cart_reminder"));
        assertEquals(List.of("app"), ruleset.channelsOf("push_opt_in"));
        assertNull(ruleset.channelsOf("no_such_action"), "an action no rule opens channels for is tried on every channel");
    }

    @Test
    void aSecondRuleOpeningChannelsForAnActionLeavesItToTheEngine() {
        String drl = "package omnidecide.rules\nimport io.omnidecide.facts.*\n"
                + "rule \"Push opt-in on the web too\"\n    agenda-group \"catalog\"\nwhen\n"
                + "    $c : Candidate(actionId == \"push_opt_in\")\nthen\n    $c.allowChannels(\"app, web\");\nend\n";
        Ruleset ruleset = COMPILER.compile(StarterPack.with("rules/more-channels.drl", drl));
        assertNull(ruleset.channelsOf("push_opt_in"));
        assertEquals(List.of("web", "app"), ruleset.channelsOf("brand_story"));
    }

    @Test
    void channelsOpenedUnderAnyOtherConditionAreKnownOnlyWhenTheRulesRun() {
        String drl = "package omnidecide.rules\nimport io.omnidecide.facts.*\n"
                + "rule \"VIPs hear of store pickup in the store\"\n    agenda-group \"catalog\"\nwhen\n"
                + "    $c : Candidate(actionId == \"store_pickup\", segments contains \"vip\")\nthen\n    $c.allowChannels(\"store\");\nend\n";
        Ruleset ruleset = COMPILER.compile(StarterPack.with("rules/vip-channels.drl", drl));
        assertNull(ruleset.channelsOf("store_pickup"));
        assertNull(ruleset.channelsOf("brand_story"), "one such rule and nothing is derived");
    }
}
