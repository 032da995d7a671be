package io.omnidecide.decision;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.omnidecide.facts.ResponseCounts;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFolders;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A replaced ruleset must be freed: its sessions are pooled, and the engine keeps a registry of
 * pooled sessions, so a reference from anything long-lived would keep every published version alive.
 */
class RulesetReleaseTest {

    @Test
    void aRulesetThatDecidedIsFreedOnceNothingServesIt() throws InterruptedException {
        WeakReference<Object> kieBase = decideOnANewRuleset();
        // A collection is only asked for: ask a few times before concluding something holds it.
        for (int i = 0; i < 50 && kieBase.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertNull(kieBase.get(), "the ruleset's KieBase is still reachable after it stopped serving");
    }

    private static WeakReference<Object> decideOnANewRuleset() {
        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC()).compile(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables")));
        DecisionPipeline pipeline = new DecisionPipeline("en");
        for (String channel : new String[] {"web", "email", "any"}) {
            pipeline.decide(ruleset, StarterPack.consenting(StarterPack.buyer(channel, 3, 400, 200), "email"), 3, ResponseCounts.NONE, true);
        }
        return new WeakReference<>(ruleset.kieBase());
    }
}
