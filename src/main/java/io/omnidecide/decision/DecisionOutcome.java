package io.omnidecide.decision;

import java.util.List;

/** What the pipeline decided for one customer, before it is recorded. */
record DecisionOutcome(List<String> segments, String lifecycleStage, List<DmnResult> dmn, List<ActionResult> actions, List<SuppressedAction> suppressed,
        List<CandidateView> candidates) {
}
