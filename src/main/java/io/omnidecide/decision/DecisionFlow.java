package io.omnidecide.decision;

import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Interactions;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.profile.Profile;
import io.omnidecide.response.OutcomeRecorder;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.store.CustomerStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A decide over a store, once for the service and the replays: finds the customer, reads the profile,
 * its recent activity and interactions, decides, records the decision with the facts it started from,
 * and counts an outbound decision's sent actions as impressions.
 *
 * <p>An outbound decide that sends decides first without the customer's lock, then takes it only to
 * check that the caps it decided on still hold (the profile's version and the interaction history are
 * what the rules read) and to count the impressions: the rules never run while the lock is held,
 * unless a concurrent write changed what they read; then the decide runs again under the lock, as
 * every decide did before, so two outbound decides for one customer can never both pass a cap.
 */
public final class DecisionFlow {

    private final Decider decider;

    public DecisionFlow(Decider decider) {
        this.decider = decider;
    }

    public Decider decider() {
        return decider;
    }

    /** A decision and its JSON, written once: stored in the decision log and sent as it is. */
    public record Decision(DecideResponse response, String json) {
    }

    /** Decides on the store's data; an outbound decision's time is read under the customer's lock when it sends. */
    public Decision decide(CustomerStore store, Ruleset ruleset, DecideRequest request, Clock clock) {
        int limit = decider.validate(request);
        String customerId = customerOf(store, request);
        Profile profile = customerId == null ? null : store.find(customerId).orElse(null);
        long version = profile == null ? 0 : profile.version;
        Attempt attempt = attempt(store, ruleset, request, limit, profile, clock.instant());
        if (profile != null && !attempt.response.sentActions().isEmpty()) {
            Optional<Profile> locked = store.lock(profile.customerId);
            // Read the time under the lock: the impressions of a decide we waited for are then in the past.
            Instant now = clock.instant();
            if (locked.isEmpty() || locked.get().version != version
                    || !attempt.history.sameAs(store.interactions(profile.customerId, now))) {
                attempt = attempt(store, ruleset, request, limit, locked.orElse(null), now);
            }
        }
        DecideResponse response = attempt.response;
        store.recordDecision(request, response, attempt.json, attempt.inputs);
        // An outbound decision is the send: count it as an impression now, with the decision.
        response.sentActions().forEach(a -> OutcomeRecorder.record(store, response.decisionId(), a.actionId(), "impression",
                response.customerId(), a.channel(), a.category(), response.lifecycleStage(), response.decidedAt()));
        return new Decision(response, attempt.json);
    }

    private record Attempt(DecideResponse response, String json, String inputs, Interactions history) {
    }

    private Attempt attempt(CustomerStore store, Ruleset ruleset, DecideRequest request, int limit, Profile profile, Instant now) {
        RecentActivity recent = profile == null ? RecentActivity.NONE : store.activity(profile.customerId, now);
        Interactions history = profile == null ? Interactions.NONE : store.interactions(profile.customerId, now);
        Customer facts = decider.facts(request, profile, recent, history, now);
        String inputs = FactSnapshot.write(facts);
        DecideResponse response = decider.decide(ruleset, request, limit, facts, store.responseCounts(), now);
        return new Attempt(response, JsonColumns.write(response), inputs, history);
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
