package io.omnidecide.decision;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/** One next-best action: what, on which channel, its score and the terms it is made of, its message, and why. */
public record ActionResult(String actionId, String channel, String category, double score, ScoreTerms scoreTerms,
        MessageContent message, List<Reason> reasons, @JsonIgnore boolean sent) {

    /**
     * score = propensity x value x lever x contextWeight. The propensity is learned from responses,
     * starting from the expected rate (%) in the actions table; value is from that table too, lever
     * and context weight from the levers table.
     */
    public record ScoreTerms(double propensity, double value, double lever, double contextWeight, double expectedRate) {
    }
}
