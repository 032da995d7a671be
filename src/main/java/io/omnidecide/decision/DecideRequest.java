package io.omnidecide.decision;

import io.omnidecide.profile.IdentityRef;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a channel asks: who, on which channel ("any" to let the service choose among the outbound ones,
 * or among those named), where, in which language, how many actions.
 */
public record DecideRequest(
        @Schema(description = "The customer's id; or give identity instead", examples = "c-42") String customerId,
        @Schema(description = "An identifier the channel knows the customer by") IdentityRef identity,
        @Schema(description = "web, app, email, sms, push, social, store, call_centre, or any", examples = "email") String channel,
        @Schema(description = "Where on the channel the answer will show", examples = "home_hero") String placement,
        @Schema(description = "Language for the copy, e.g. sv-SE; the profile's locale when left out", examples = "en-GB") String locale,
        @Schema(description = "How many actions to return (1 by default)", examples = "3") Integer limit,
        @Schema(description = "Free context from the channel, recorded with the decision") Map<String, Object> context,
        @Schema(description = "'full' lists every candidate considered and what became of it", examples = "full") String explain,
        @Schema(description = "With channel 'any' only: the channels to choose among, inbound ones included; the outbound channels "
                + "of the channels table (e-mail, SMS, push, social) when left out", examples = "[\"app\", \"email\"]") List<String> channels) {

    /** A request without explain or a choice of channels, as most callers make it. */
    public DecideRequest(String customerId, IdentityRef identity, String channel, String placement, String locale, Integer limit,
            Map<String, Object> context) {
        this(customerId, identity, channel, placement, locale, limit, context, null, null);
    }

    public boolean explainFully() {
        return "full".equals(explain);
    }
}
