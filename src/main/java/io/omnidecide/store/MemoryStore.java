package io.omnidecide.store;

import io.omnidecide.decision.DecideRequest;
import io.omnidecide.decision.DecideResponse;
import io.omnidecide.event.RecentActivity;
import io.omnidecide.event.StoredEvent;
import io.omnidecide.facts.Interactions;
import io.omnidecide.facts.ResponseCounts;
import io.omnidecide.profile.IdentityRef;
import io.omnidecide.profile.Profile;
import io.omnidecide.response.OutcomeRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Customers held in memory, for scenario and log replays: isolated from real profiles, nothing
 * sent, time given by the replay's clock. Profiles are handed out as they are held (a replay has
 * one thread, and what it changes it saves through the same core as the service).
 */
public final class MemoryStore implements CustomerStore {

    private final Clock clock;
    private final Duration keepEventsFor;
    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private final Map<IdentityRef, String> identities = new HashMap<>();
    private final Map<String, List<StoredEvent>> events = new HashMap<>();
    private final Set<String> eventIds = new HashSet<>();
    private final Map<String, List<Interactions.Interaction>> interactions = new HashMap<>();
    private final Set<String> interactionKeys = new HashSet<>();
    private final Map<String, Long> positives = new HashMap<>();
    private final Map<String, long[]> counts = new HashMap<>();
    private final List<DecideResponse> decisions = new ArrayList<>();

    /**
     * @param keepEventsFor how far back events are kept behind the latest one: forever for scenarios; for a
     *                      long log replayed in event time (where no event comes late), the activity window is enough
     */
    public MemoryStore(Clock clock, Duration keepEventsFor) {
        this.clock = clock;
        this.keepEventsFor = keepEventsFor;
    }

    public Collection<Profile> all() {
        return Collections.unmodifiableCollection(profiles.values());
    }

    /** The decisions made on this store, oldest first. */
    public List<DecideResponse> decisions() {
        return Collections.unmodifiableList(decisions);
    }

    @Override
    public Optional<Profile> find(String customerId) {
        return Optional.ofNullable(profiles.get(customerId));
    }

    @Override
    public Optional<Profile> lock(String customerId) {
        return find(customerId);
    }

    @Override
    public Map<String, Profile> lockOrCreate(Collection<String> customerIds, boolean anonymous) {
        Map<String, Profile> locked = new LinkedHashMap<>();
        for (String id : customerIds) {
            locked.put(id, profiles.computeIfAbsent(id, key -> {
                Profile p = new Profile();
                p.customerId = key;
                p.anonymous = anonymous;
                p.createdAt = clock.instant();
                p.updatedAt = p.createdAt;
                return p;
            }));
        }
        return locked;
    }

    @Override
    public void save(Collection<Profile> changed) {
        changed.forEach(p -> p.version++);
    }

    @Override
    public Optional<String> customerOf(IdentityRef identity) {
        return Optional.ofNullable(identities.get(identity));
    }

    @Override
    public String claim(IdentityRef identity, String customerId) {
        return identities.computeIfAbsent(identity, key -> customerId);
    }

    @Override
    public void relink(IdentityRef identity, String customerId) {
        identities.put(identity, customerId);
    }

    @Override
    public void fold(String anonymousId, String intoId) {
        List<StoredEvent> into = events.computeIfAbsent(intoId, id -> new ArrayList<>());
        events.getOrDefault(anonymousId, List.of()).forEach(e -> into.add(e.movedTo(intoId)));
        into.sort(StoredEvent.EVENT_TIME);
        events.remove(anonymousId);
        identities.replaceAll((identity, owner) -> owner.equals(anonymousId) ? intoId : owner);
        profiles.remove(anonymousId);
    }

    @Override
    public List<IdentityRef> identitiesOf(String customerId) {
        return identities.entrySet().stream().filter(e -> e.getValue().equals(customerId)).map(Map.Entry::getKey)
                .sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }

    @Override
    public boolean[] append(List<StoredEvent> batch) {
        boolean[] stored = new boolean[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            StoredEvent event = batch.get(i);
            stored[i] = eventIds.add(event.id());
            if (stored[i]) {
                List<StoredEvent> history = events.computeIfAbsent(event.customerId(), id -> new ArrayList<>());
                int at = Collections.binarySearch(history, event, StoredEvent.EVENT_TIME);
                history.add(at < 0 ? -at - 1 : at, event);
                Instant horizon = history.get(history.size() - 1).occurredAt().minus(keepEventsFor);
                if (history.get(0).occurredAt().isBefore(horizon)) {
                    history.removeIf(e -> e.occurredAt().isBefore(horizon));
                }
            }
        }
        return stored;
    }

    @Override
    public List<StoredEvent> history(String customerId) {
        return List.copyOf(events.getOrDefault(customerId, List.of()));
    }

    @Override
    public List<StoredEvent> after(String customerId, Instant at) {
        return events.getOrDefault(customerId, List.of()).stream().filter(e -> e.occurredAt().isAfter(at)).toList();
    }

    @Override
    public RecentActivity activity(String customerId, Instant now) {
        Instant since30 = now.minus(Duration.ofDays(30));
        Instant since14 = now.minus(Duration.ofDays(14));
        Map<List<String>, int[]> byChannelAndType = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (StoredEvent e : events.getOrDefault(customerId, List.of())) {
            if (!e.occurredAt().isBefore(since30) && !e.occurredAt().isAfter(now)) {
                int[] c = byChannelAndType.computeIfAbsent(Arrays.asList(e.channel(), e.type().wireName()), k -> new int[2]);
                c[0]++;
                c[1] += e.occurredAt().isBefore(since14) ? 0 : 1;
            }
        }
        List<RecentActivity.Count> rows = new ArrayList<>();
        byChannelAndType.forEach((key, c) -> rows.add(new RecentActivity.Count(key.get(0), key.get(1), c[0], c[1])));
        return RecentActivity.of(rows);
    }

    @Override
    public Interactions interactions(String customerId, Instant now) {
        Instant since = now.minus(INTERACTION_WINDOW);
        return new Interactions(interactions.getOrDefault(customerId, List.of()).stream()
                .filter(i -> (!i.at().isBefore(since) || i.outcome().equals("convert")) && !i.at().isAfter(now)).toList(), now);
    }

    @Override
    public boolean recordInteraction(String decisionId, String actionId, String outcome, String customerId, String channel,
            String category, Instant at) {
        if (!interactionKeys.add(decisionId + "|" + actionId + "|" + outcome)) {
            return false;
        }
        interactions.computeIfAbsent(customerId, id -> new ArrayList<>())
                .add(new Interactions.Interaction(actionId, channel, category, outcome, at));
        if (OutcomeRecorder.POSITIVE.contains(outcome)) {
            positives.merge(decisionId + "|" + actionId, 1L, Long::sum);
        }
        return true;
    }

    @Override
    public long positives(String decisionId, String actionId) {
        return positives.getOrDefault(decisionId + "|" + actionId, 0L);
    }

    @Override
    public void count(String actionId, String channel, String segment, int trials, int successes) {
        long[] c = counts.computeIfAbsent(actionId + "|" + channel + "|" + segment, k -> new long[2]);
        c[0] += trials;
        c[1] += successes;
    }

    @Override
    public ResponseCounts responseCounts() {
        return (actionId, channel, segment) -> {
            long[] c = counts.getOrDefault(actionId + "|" + channel + "|" + (segment == null ? "none" : segment), new long[2]);
            return new ResponseCounts.Counts(c[0], c[1]);
        };
    }

    @Override
    public void recordDecision(DecideRequest request, DecideResponse response, String responseJson, String inputs) {
        decisions.add(response);
    }
}
