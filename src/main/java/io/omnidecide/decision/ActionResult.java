package io.omnidecide.decision;

import java.util.List;

/** One next-best action: what, on which channel, its score, its message, and why. */
public record ActionResult(String actionId, String channel, String category, double score, MessageContent message,
        List<Reason> reasons) {
}
