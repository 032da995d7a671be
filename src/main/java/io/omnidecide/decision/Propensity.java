package io.omnidecide.decision;

import io.omnidecide.facts.ResponseCounts;

/**
 * The propensity an action is scored with: a Beta posterior over its response rate, whose prior is
 * the expected rate from the actions table worth {@link #PRIOR_WEIGHT} responses, updated with the
 * impressions and positive responses seen for the action, channel and lifecycle stage. The upper
 * confidence bound (mean plus one standard deviation) gives untried actions a chance to prove
 * themselves, and keeps the answer deterministic: the same counts give the same score.
 */
final class Propensity {

    /** How many responses the table's expected rate is worth against observed ones. */
    static final double PRIOR_WEIGHT = 100;

    private Propensity() {
    }

    static double of(double expectedRatePercent, ResponseCounts.Counts counts) {
        double rate = Math.min(0.999, Math.max(0.001, expectedRatePercent / 100.0));
        double alpha = rate * PRIOR_WEIGHT + counts.successes();
        double beta = (1 - rate) * PRIOR_WEIGHT + Math.max(0, counts.trials() - counts.successes());
        double n = alpha + beta;
        double mean = alpha / n;
        double sd = Math.sqrt(alpha * beta / (n * n * (n + 1)));
        return Math.min(1.0, mean + sd);
    }
}
