package io.omnidecide.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Map;

/**
 * The service's own meters as Prometheus shows them: each with its HELP text, and decide latency
 * as a histogram so that percentiles can be computed across instances. Kept here, not where the
 * meters are counted, so the hot path stays one registry lookup.
 */
public class MeterDescriptions {

    static final Map<String, String> HELP = Map.of(
            "omnidecide.decide", "Time to answer POST /v1/decide, by requested channel",
            "omnidecide.decide.actions", "Actions returned by decide, by channel and action",
            "omnidecide.events", "Event items sent to POST /v1/events, by outcome (accepted, duplicate, rejected)",
            "omnidecide.responses", "Responses recorded by POST /v1/responses, by outcome (impression, click, accept, dismiss, convert)",
            "omnidecide.problems", "Requests answered with a problem, by status and problem type (rule-time-limit 503s among them)",
            "omnidecide.ruleset.built", "When the serving ruleset was built (epoch seconds): a step is a publish, rollback or reload",
            "omnidecide.ruleset.version", "The serving ruleset's version (its 12-hex-digit content hash) as a number");

    /** Histogram bucket bounds for decide latency, in nanoseconds: from a fraction of a millisecond to past the rule time limit. */
    private static final double[] DECIDE_BUCKETS = Arrays.stream(new double[] {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
            0.5, 1, 2.5}).map(seconds -> seconds * 1e9).toArray();

    @Produces
    @Singleton
    MeterFilter descriptions() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String help = HELP.get(id.getName());
                return help == null || id.getDescription() != null ? id
                        : new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), help, id.getType());
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("omnidecide.decide")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(DECIDE_BUCKETS).build().merge(config);
            }
        };
    }
}
