package io.omnidecide.facts;

/**
 * How an action has fared on a channel with customers in a segment: impressions (trials) and the
 * positive responses among them (successes). The decision reads them to learn propensities.
 */
public interface ResponseCounts {

    ResponseCounts NONE = (actionId, channel, segment) -> Counts.ZERO;

    Counts of(String actionId, String channel, String segment);

    record Counts(long trials, long successes) {
        public static final Counts ZERO = new Counts(0, 0);
    }
}
