package io.omnidecide.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omnidecide.ruleset.DeclaredIds;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.StarterPack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario that names an id the ruleset does not declare is told so, with its step; the shipped suite names none. */
class ScenarioReferencesTest {

    private static final DeclaredIds STARTER = new RulesetCompiler(Clock.systemUTC()).compile(StarterPack.FILES).declaredIds();

    @Test
    void misspeltIdsInExpectationsAndStepsAreNamedWithADidYouMean() {
        Scenario scenario = ScenarioReader.read("""
                name: typos
                start: 2026-03-02T09:00:00Z
                customer: {id: ada}
                steps:
                  - name: leaves the cart
                    at: +61m
                    decide: {channel: emial}
                    expect:
                      segmentsExclude: [cart_abandonr]
                      topAction: abandoned_cart_remnder
                      lifecycleStage: prospekt
                """, "scenarios/typos.yaml").get(0).scenario();
        assertEquals(List.of(
                "step 'leaves the cart': unknown lifecycle stage 'prospekt': no rule sets it (the lifecycle table) (did you mean 'prospect'?)",
                "step 'leaves the cart': unknown segment 'cart_abandonr': no rule adds it (the segments table's Segment column) "
                        + "(did you mean 'cart_abandoner'?)",
                "step 'leaves the cart': unknown action 'abandoned_cart_remnder': the actions table has no row for it "
                        + "(did you mean 'abandoned_cart_reminder'?)",
                "step 'leaves the cart': unknown channel 'emial': channels are web, app, email, sms, push, social, store, call_centre "
                        + "(did you mean 'email'?)"),
                ScenarioReferences.unknown(scenario, STARTER));
    }

    @Test
    void theShippedScenariosNameOnlyDeclaredIds() {
        for (ScenarioReader.Named named : ScenarioReader.readFolder(Path.of("scenarios"))) {
            assertEquals(List.of(), ScenarioReferences.unknown(named.scenario(), STARTER), named.file());
        }
    }
}
