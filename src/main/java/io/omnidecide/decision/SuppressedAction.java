package io.omnidecide.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An action the customer was eligible for that does not go out on a channel, and why not. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuppressedAction(String actionId, String channel, String reason, Reason rule) {
}
