package io.omnidecide.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetHolder;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Which ruleset serves, read at each scrape: a dashboard marks publishes and sees instances that disagree. */
@Startup
@ApplicationScoped
public class RulesetGauges {

    public RulesetGauges(MeterRegistry meters, RulesetHolder rulesets) {
        Gauge.builder("omnidecide.ruleset.built", rulesets, h -> h.serving().map(r -> (double) r.builtAt().getEpochSecond()).orElse(Double.NaN))
                .baseUnit("seconds").register(meters);
        Gauge.builder("omnidecide.ruleset.version", rulesets, h -> h.serving().map(RulesetGauges::versionNumber).orElse(Double.NaN))
                .register(meters);
    }

    /** The first 12 hex digits of the content hash (48 bits) are exact in a double. */
    private static double versionNumber(Ruleset ruleset) {
        String hex = ruleset.version().length() > 12 ? ruleset.version().substring(0, 12) : ruleset.version();
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
