package io.omnidecide.response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /v1/responses: what the customer did with an action a decision returned. */
public record ResponseRequest(
        @Schema(description = "The decision that returned the action") String decisionId,
        @Schema(examples = "abandoned_cart_reminder") String actionId,
        @Schema(description = "impression, click, accept, dismiss or convert") String outcome,
        @Schema(description = "Where it happened; the decision's channel for the action when left out") String channel,
        @Schema(description = "ISO-8601; now when left out", examples = "2026-11-24T10:15:30Z") String occurredAt) {
}
