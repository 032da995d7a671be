package io.omnidecide.decision;

import io.omnidecide.facts.Candidate;
import io.omnidecide.facts.Channel;
import java.util.List;

/**
 * The channels a decide may send an action on. On one channel, that channel. On "any" (an outbound
 * campaign), the channels the request names, or else the outbound ones as the channels table marks
 * them: a campaign must not answer with what only an in-session channel can show.
 *
 * @param asked the channels a decide on "any" named to choose among; null for the outbound ones
 */
record AnyChannels(boolean any, List<String> asked) {

    static AnyChannels of(String requestChannel, List<String> asked) {
        return new AnyChannels(Channel.ANY.equals(requestChannel), asked);
    }

    boolean admits(Candidate c) {
        return !any || (asked == null ? c.isOutbound() : asked.contains(c.getChannel()));
    }

    /** Why a candidate this does not admit is held back. */
    String refusal(String channel) {
        return asked == null ? channel + " is not an outbound channel; a decide on 'any' sends only (channels table)"
                : channel + " is not among the channels the request named";
    }
}
