package io.omnidecide.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An action the customer was eligible for that does not go out on a channel, and why not. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuppressedAction(String actionId, String channel, String reason, Reason rule, History history) {

    public SuppressedAction(String actionId, String channel, String reason, Reason rule) {
        this(actionId, channel, reason, rule, null);
    }

    /** The counts contact policies read, so a cap or cooldown shows where the customer stands against it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record History(long shownOnThisChannel7d, long shownOnAnyChannel14d, long categoryShownToday, Integer daysSinceDismissed,
            boolean converted) {
    }
}
