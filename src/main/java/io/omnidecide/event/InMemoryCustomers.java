package io.omnidecide.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.profile.IdentityRef;
import io.omnidecide.profile.Profile;
import io.omnidecide.profile.ProfileStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Profiles and events held in memory, for scenario and log replays: the same validation and the
 * same projection as the service's database path, but isolated from real profiles and with time
 * given by the replay's clock. Events are kept per customer to count engagement windows and to
 * rebuild a profile when an older event arrives.
 */
public final class InMemoryCustomers {

    private static final Comparator<CustomerEvent> EVENT_TIME = Comparator.comparing((CustomerEvent e) -> e.occurredAt)
            .thenComparing(e -> e.receivedAt).thenComparing(e -> e.eventId);

    private final Clock clock;
    private final EventValidator validator;
    private final Duration keepEventsFor;
    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private final Map<String, List<CustomerEvent>> events = new HashMap<>();
    private final Map<IdentityRef, String> identities = new HashMap<>();
    private final Set<String> eventIds = new HashSet<>();

    /**
     * @param keepEventsFor how far back events are kept: forever for scenarios; for a long log, the
     *                      engagement window is enough when events arrive in time order
     */
    public InMemoryCustomers(Clock clock, Duration keepEventsFor) {
        this.clock = clock;
        this.validator = new EventValidator(clock);
        this.keepEventsFor = keepEventsFor;
    }

    /** The customer, created if new: what the customer told us is the caller's to set on it. */
    public Profile customer(String customerId) {
        return profiles.computeIfAbsent(customerId, id -> {
            Profile p = new Profile();
            p.customerId = id;
            p.createdAt = clock.instant();
            p.updatedAt = p.createdAt;
            return p;
        });
    }

    public void link(IdentityRef identity, String customerId) {
        identities.put(identity.normalised(), customerId);
    }

    public Optional<Profile> find(String customerId) {
        return Optional.ofNullable(profiles.get(customerId));
    }

    public Optional<Profile> findByIdentity(IdentityRef identity) {
        return Optional.ofNullable(identities.get(identity.normalised())).flatMap(this::find);
    }

    public Collection<Profile> all() {
        return profiles.values();
    }

    /** One event object or an array, as POST /v1/events takes them; no batch limit. */
    public IngestResult ingest(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        int accepted = 0;
        int duplicates = 0;
        List<EventRejection> rejections = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            EventValidator.Result result = validator.validate(i, items.get(i));
            if (result.rejection() != null) {
                rejections.add(result.rejection());
            } else if (!eventIds.add(result.event().id())) {
                duplicates++;
            } else {
                apply(result.event());
                accepted++;
            }
        }
        return new IngestResult(accepted, duplicates, rejections.size(), rejections);
    }

    public RecentActivity activity(String customerId, Instant now) {
        Instant since30 = now.minus(Duration.ofDays(30));
        Instant since14 = now.minus(Duration.ofDays(14));
        Map<List<String>, int[]> counts = new LinkedHashMap<>();
        for (CustomerEvent e : events.getOrDefault(customerId, List.of())) {
            if (!e.occurredAt.isBefore(since30) && !e.occurredAt.isAfter(now)) {
                int[] c = counts.computeIfAbsent(java.util.Arrays.asList(e.channel, e.type), k -> new int[2]);
                c[0]++;
                c[1] += e.occurredAt.isBefore(since14) ? 0 : 1;
            }
        }
        List<RecentActivity.Count> rows = new ArrayList<>();
        counts.forEach((key, c) -> rows.add(new RecentActivity.Count(key.get(0), key.get(1), c[0], c[1])));
        return RecentActivity.of(rows);
    }

    private void apply(ValidEvent event) {
        String customerId = resolve(event);
        Profile profile = customer(customerId);
        CustomerEvent stored = new CustomerEvent();
        stored.eventId = event.id();
        stored.customerId = customerId;
        stored.type = event.type().wireName();
        stored.channel = event.channel();
        stored.occurredAt = event.occurredAt();
        stored.receivedAt = clock.instant();
        stored.properties = JsonColumns.write(event.properties());
        List<CustomerEvent> history = events.computeIfAbsent(customerId, id -> new ArrayList<>());
        history.add(stored);
        if (profile.lastEventAt != null && event.occurredAt().isBefore(profile.lastEventAt)) {
            history.sort(EVENT_TIME);
            ProfileProjection.rebuild(profile, history);
        } else {
            ProfileProjection.apply(profile, event.type(), event.channel(), event.occurredAt(), event.properties());
            history.removeIf(e -> e.occurredAt.isBefore(event.occurredAt().minus(keepEventsFor)));
        }
        profile.updatedAt = clock.instant();
    }

    /** Which customer an event is about, linking and merging identities as the service does. */
    private String resolve(ValidEvent event) {
        if (event.customerId() == null) {
            String id = identities.computeIfAbsent(event.identity(), ProfileStore::anonymousIdFor);
            if (!profiles.containsKey(id)) {
                customer(id).anonymous = true;
            }
            return id;
        }
        if (event.identity() != null) {
            String previous = identities.put(event.identity(), event.customerId());
            if (previous != null && !previous.equals(event.customerId()) && profiles.containsKey(previous) && profiles.get(previous).anonymous) {
                merge(previous, event.customerId());
            }
        }
        return event.customerId();
    }

    private void merge(String anonymousId, String customerId) {
        Profile anonymous = profiles.remove(anonymousId);
        Profile into = customer(customerId);
        anonymous.traits.forEach(into.traits::putIfAbsent);
        List<CustomerEvent> history = events.computeIfAbsent(customerId, id -> new ArrayList<>());
        events.getOrDefault(anonymousId, List.of()).forEach(e -> {
            e.customerId = customerId;
            history.add(e);
        });
        events.remove(anonymousId);
        identities.replaceAll((identity, owner) -> owner.equals(anonymousId) ? customerId : owner);
        history.sort(EVENT_TIME);
        ProfileProjection.rebuild(into, history);
    }
}
