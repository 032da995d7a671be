package io.omnidecide.scenario;

import io.omnidecide.facts.Channel;
import io.omnidecide.ruleset.DeclaredIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the ids a scenario names against what a ruleset declares. An expectation on an id no rule
 * knows is a test that cannot fail ({@code segmentsExclude: [cart_abandonr]} always holds) or cannot
 * pass, so it is reported, with the step and a "did you mean", as a failure of the scenario.
 */
public final class ScenarioReferences {

    private ScenarioReferences() {
    }

    /** Each unknown id: "step 'abandon cart': unknown segment 'cart_abandonr': ... (did you mean 'cart_abandoner'?)". */
    public static List<String> unknown(Scenario scenario, DeclaredIds ids) {
        List<String> found = new ArrayList<>();
        for (Scenario.Step step : scenario.steps() == null ? List.<Scenario.Step>of() : scenario.steps()) {
            String where = "step '" + step.name() + "': ";
            Scenario.Expectations expect = step.expect();
            if (expect != null) {
                check(found, where, ids, "lifecycle stage", expect.lifecycleStage());
                all(found, where, ids, "segment", expect.segmentsInclude());
                all(found, where, ids, "segment", expect.segmentsExclude());
                check(found, where, ids, "action", expect.topAction());
                all(found, where, ids, "action", expect.actionsInclude());
                all(found, where, ids, "action", expect.actionsExclude());
                check(found, where, ids, "channel", expect.topChannel());
                (expect.suppressed() == null ? List.<Scenario.SuppressedExpectation>of() : expect.suppressed())
                        .forEach(s -> check(found, where, ids, "action", s.action()));
            }
            (step.respond() == null ? List.<Scenario.RespondStep>of() : step.respond()).forEach(r -> {
                check(found, where, ids, "action", r.action());
                check(found, where, ids, "channel", r.channel());
            });
            if (step.decide() != null && !Channel.ANY.equals(step.decide().channel())) {
                check(found, where, ids, "channel", step.decide().channel());
            }
        }
        return found;
    }

    private static void all(List<String> found, String where, DeclaredIds ids, String kind, List<String> values) {
        (values == null ? List.<String>of() : values).forEach(value -> check(found, where, ids, kind, value));
    }

    private static void check(List<String> found, String where, DeclaredIds ids, String kind, String value) {
        Optional.ofNullable(value).flatMap(id -> ids.unknown(kind, id)).ifPresent(message -> found.add(where + message));
    }
}
