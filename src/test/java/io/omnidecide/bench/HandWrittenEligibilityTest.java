package io.omnidecide.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.decision.EligibilityStages;
import io.omnidecide.facts.Customer;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark's hand-written floor decides as the starter pack's tables do, or its ratio would mean nothing. */
class HandWrittenEligibilityTest {

    @Test
    void handWrittenEligibilityAgreesWithTheStarterPack() {
        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC()).compile(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables")));
        Set<String> reached = new HashSet<>();
        for (EligibilityShapes.Shape s : EligibilityShapes.draw(500, 11)) {
            Customer byRules = EligibilityStages.byRules(ruleset, EligibilityStages.customer(s.profile(), s.activity(), EligibilityShapes.NOW));
            HandWrittenEligibility.Outcome byHand = HandWrittenEligibility.decide(
                    EligibilityStages.customer(s.profile(), s.activity(), EligibilityShapes.NOW));
            String who = s.profile().customerId;
            assertEquals(byRules.getLifecycleStage(), byHand.lifecycleStage(), who + " stage");
            assertEquals(byRules.getSegments(), byHand.segments(), who + " segments");
            assertEquals(byRules.getRecommendedSku(), byHand.recommendedSku(), who + " recommendation");
            assertEquals(Set.copyOf(byRules.proposals()), byHand.eligible(), who + " eligible actions");
            reached.addAll(byHand.eligible());
        }
        assertEquals(12, reached.size(), "every eligibility row reached by some shape: " + reached);
        assertTrue(reached.contains("store_pickup"));
    }
}
