package io.omnidecide.decision;

import java.util.List;

/** One next-best action: what, on which channel, its score and the terms it is made of, its message, and why. */
public record ActionResult(String actionId, String channel, String category, double score, ScoreTerms scoreTerms,
        MessageContent message, List<Reason> reasons) {

    /** score = priority x value, both from the actions table. */
    public record ScoreTerms(int priority, double value) {
    }
}
