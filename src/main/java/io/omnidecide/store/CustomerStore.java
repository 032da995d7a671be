package io.omnidecide.store;

import io.omnidecide.decision.DecideRequest;
import io.omnidecide.decision.DecideResponse;
import io.omnidecide.event.RecentActivity;
import io.omnidecide.event.StoredEvent;
import io.omnidecide.facts.Interactions;
import io.omnidecide.facts.ResponseCounts;
import io.omnidecide.profile.IdentityRef;
import io.omnidecide.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where customers live: profiles, identities, events, interactions, learning counts and decisions.
 * Only storage: ingest, stitching, projection, the decide flow and responses are written once over
 * it (event.EventIngest, event.IdentityStitcher, decision.DecisionFlow, response.OutcomeRecorder).
 * {@link DatabaseStore} serves the service inside its transactions; {@link MemoryStore} serves
 * scenario and log replays. Profiles come back as copies to change and {@link #save}.
 */
public interface CustomerStore {

    Optional<Profile> find(String customerId);

    /** The profile read under its row lock: writers and outbound decides for one customer take turns. */
    Optional<Profile> lock(String customerId);

    /** Locks the profiles, in id order, creating the missing ones empty (anonymous as given). */
    Map<String, Profile> lockOrCreate(Collection<String> customerIds, boolean anonymous);

    /** Writes back profiles locked by {@link #lockOrCreate}. */
    void save(Collection<Profile> profiles);

    Optional<String> customerOf(IdentityRef identity);

    /** Links the identity to the customer unless it is linked already; returns its owner then, under a lock. */
    String claim(IdentityRef identity, String customerId);

    /** Moves an identity to another customer. */
    void relink(IdentityRef identity, String customerId);

    /** Hands an anonymous profile's events and identities to another customer and deletes it. */
    void fold(String anonymousId, String intoId);

    List<IdentityRef> identitiesOf(String customerId);

    /** Stores the events whose id is new (also new within the list); for each, whether it was stored. */
    boolean[] append(List<StoredEvent> events);

    /** The customer's whole history in event time. */
    List<StoredEvent> history(String customerId);

    /** The customer's events that happened after a time, in event time. */
    List<StoredEvent> after(String customerId, Instant at);

    RecentActivity activity(String customerId, Instant now);

    /** How far back caps and cooldowns can look; conversions are read whatever their age. */
    Duration INTERACTION_WINDOW = Duration.ofDays(180);

    Interactions interactions(String customerId, Instant now);

    /** Stores an interaction unless this decision, action and outcome are stored; whether it was stored. */
    boolean recordInteraction(String decisionId, String actionId, String outcome, String customerId, String channel, String category,
            Instant at);

    /** How many positive outcomes (click, accept, convert) a decision's action has drawn. */
    long positives(String decisionId, String actionId);

    /** Adds to the learning counts of an action on a channel in a lifecycle stage. */
    void count(String actionId, String channel, String segment, int trials, int successes);

    /** The learning counts decides read. */
    ResponseCounts responseCounts();

    /** The decision log: request, response (as sent) and the recorded inputs (decision.FactSnapshot) as JSON. */
    void recordDecision(DecideRequest request, DecideResponse response, String responseJson, String inputs);
}
