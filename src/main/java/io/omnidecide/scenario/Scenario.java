package io.omnidecide.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnidecide.decision.SuppressedAction;
import io.omnidecide.profile.IdentityRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One customer journey (docs/scenarios.md): who the customer is, then steps at offsets from the
 * start, each sending events and/or asking for a decision, with what must hold afterwards.
 */
public record Scenario(String name, String description, Instant start, ScenarioCustomer customer, List<Step> steps) {

    /** The customer the journey is about; events and decides name them unless a step says otherwise. */
    public record ScenarioCustomer(String id, Map<String, Object> traits, Map<String, String> consent,
            List<String> preferredChannels, List<IdentityRef> identities) {
    }

    /**
     * @param at     offset from the start, such as +0, +90m, +2h, +3d, +1w2d (each step's time is start + offset)
     * @param events  events as POST /v1/events takes them; id, customerId and occurredAt default to the step's
     * @param respond responses to earlier decisions, applied after the events and before the decide
     */
    public record Step(String name, String at, List<ObjectNode> events, List<RespondStep> respond, DecideStep decide,
            Expectations expect) {
    }

    /** What the customer did with an action an earlier decision of the scenario returned (the latest that did). */
    public record RespondStep(String action, String outcome, String channel) {
    }

    /** A decide as POST /v1/decide takes it; customerId defaults to the scenario's customer. */
    public record DecideStep(String customerId, IdentityRef identity, String channel, List<String> channels, String placement, String locale,
            Integer limit) {
    }

    /** What must hold after the step. Every field is optional; action fields need the step to decide. */
    public record Expectations(String lifecycleStage, List<String> segmentsInclude, List<String> segmentsExclude,
            String topAction, String topChannel, List<String> actionsInclude, List<String> actionsExclude, Boolean noActions,
            String messageContains, String messageNotContains, List<SuppressedExpectation> suppressed, List<String> notSuppressed,
            Map<String, Object> profile) {

        boolean needDecision() {
            return topAction != null || topChannel != null || actionsInclude != null || actionsExclude != null || noActions != null
                    || messageContains != null || messageNotContains != null || suppressed != null || notSuppressed != null;
        }
    }

    /** An action held back, optionally on one channel, for the reason given (all of it, or a part). */
    public record SuppressedExpectation(String action, String channel, String reason, String reasonContains) {

        boolean matches(SuppressedAction held) {
            return held.actionId().equals(action) && (channel == null || channel.equals(held.channel()))
                    && (reason == null || reason.equals(held.reason()))
                    && (reasonContains == null || held.reason().contains(reasonContains));
        }

        @Override
        public String toString() {
            return action + (channel == null ? "" : " on " + channel) + (reason == null ? "" : " for '" + reason + "'")
                    + (reasonContains == null ? "" : " for a reason containing '" + reasonContains + "'");
        }
    }
}
