package io.omnidecide.decision;

import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Channel;
import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Interactions;
import io.omnidecide.profile.Profile;
import io.omnidecide.response.OutcomeRecorder;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.store.CustomerStore;
import java.time.Clock;
import java.time.Instant;

/**
 * A decide over a store, once for the service and the replays: finds the customer, reads the profile,
 * its recent activity and interactions, decides, records the decision with the facts it started from,
 * and counts an outbound decision's sent actions as impressions.
 */
public final class DecisionFlow {

    private final Decider decider;

    public DecisionFlow(Decider decider) {
        this.decider = decider;
    }

    public Decider decider() {
        return decider;
    }

    /** Decides on the store's data; the time is read after the customer's lock, if one is taken. */
    public DecideResponse decide(CustomerStore store, Ruleset ruleset, DecideRequest request, Clock clock) {
        decider.validate(request);
        String customerId = customerOf(store, request);
        boolean sends = Channel.ANY.equals(request.channel()) || Channel.isOutbound(request.channel());
        // Outbound decides for one customer take turns, so two at once cannot both pass a cap. The lock is
        // taken by the read itself: a profile read first and locked after could have changed in between.
        Profile profile = customerId == null ? null : (sends ? store.lock(customerId) : store.find(customerId)).orElse(null);
        // Read the time after the lock: the impressions of the decide we waited for are then in the past.
        Instant now = clock.instant();
        RecentActivity recent = profile == null ? RecentActivity.NONE : store.activity(profile.customerId, now);
        Interactions history = profile == null ? Interactions.NONE : store.interactions(profile.customerId, now);
        Customer facts = decider.facts(request, profile, recent, history, now);
        String inputs = FactSnapshot.write(facts);
        DecideResponse response = decider.decide(ruleset, request, facts, store.responseCounts(), now);
        store.recordDecision(request, response, inputs);
        // An outbound decision is the send: count it as an impression now, with the decision.
        response.sentActions().forEach(a -> OutcomeRecorder.record(store, response.decisionId(), a.actionId(), "impression",
                response.customerId(), a.channel(), a.category(), response.lifecycleStage(), now));
        return response;
    }

    /** The customer the request names; an identity given beside a customerId must not be another customer's. */
    private static String customerOf(CustomerStore store, DecideRequest request) {
        if (request.identity() == null) {
            return request.customerId();
        }
        String owner = store.customerOf(request.identity().normalised()).orElse(null);
        if (request.customerId() == null) {
            return owner;
        }
        if (owner != null && !owner.equals(request.customerId())) {
            throw new CustomerIdentityConflictException(request.customerId(), request.identity().type(), owner);
        }
        return request.customerId();
    }
}
