package io.omnidecide.response;

import io.omnidecide.store.CustomerStore;
import java.time.Instant;
import java.util.List;

/**
 * Records what became of a decided action, once for every store: one row per decision, action and
 * outcome (a repeat counts once), and the learning counts: a new impression is a trial, the first
 * positive outcome of a decision's action a success (a click then a conversion succeed once).
 */
public final class OutcomeRecorder {

    public static final List<String> OUTCOMES = List.of("impression", "click", "accept", "dismiss", "convert");
    /** Outcomes that count as a success when learning an action's propensity. */
    public static final List<String> POSITIVE = List.of("click", "accept", "convert");

    private OutcomeRecorder() {
    }

    /**
     * Records an outcome; false when this decision, action and outcome were recorded already.
     *
     * @param segment the lifecycle stage the customer was decided in, the key propensities learn by
     */
    public static boolean record(CustomerStore store, String decisionId, String actionId, String outcome, String customerId,
            String channel, String category, String segment, Instant at) {
        boolean recorded = store.recordInteraction(decisionId, actionId, outcome, customerId, channel, category, at);
        String key = segment == null ? "none" : segment;
        if (recorded && outcome.equals("impression")) {
            store.count(actionId, channel, key, 1, 0);
        } else if (recorded && POSITIVE.contains(outcome) && store.positives(decisionId, actionId) == 1) {
            store.count(actionId, channel, key, 0, 1);
        }
        return recorded;
    }
}
