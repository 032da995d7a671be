package io.omnidecide.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The answer to a decide: the actions in rank order, what was held back, and the context it was
 * decided in: segments, lifecycle stage and the DMN models' results ({@code dmn}, left out when the
 * ruleset has no DMN model).
 */
public record DecideResponse(String decisionId, String customerId, boolean knownCustomer, String channel, String placement,
        String rulesetVersion, Instant decidedAt, List<String> segments, String lifecycleStage,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DmnResult> dmn, List<ActionResult> actions,
        List<SuppressedAction> suppressed, @JsonInclude(JsonInclude.Include.NON_NULL) List<CandidateView> candidates) {

    /** The actions this decision sends by itself (on an outbound channel, as the channels table says): each counts as an impression when decided. */
    public List<ActionResult> sentActions() {
        return actions.stream().filter(ActionResult::sent).toList();
    }
}
