package io.omnidecide.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnidecide.profile.IdentityConflictException;
import io.omnidecide.profile.Profile;
import io.omnidecide.store.CustomerStore;
import io.omnidecide.store.LockedProfiles;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ingest, once for every store: validates each item on its own, resolves and stitches identities,
 * stores the good items idempotently (a known event id is acknowledged, not applied again) and
 * projects them onto their profiles. Set-based per batch: the batch's profiles are locked together,
 * its events appended together, and each profile saved once, whatever the number of its events.
 */
public final class EventIngest {

    private final EventValidator validator;
    private final Clock clock;

    public EventIngest(Clock clock) {
        this.validator = new EventValidator(clock);
        this.clock = clock;
    }

    /** Ingests the items in order into the store; call inside the store's transaction. */
    public IngestResult ingest(List<? extends JsonNode> items, CustomerStore store) {
        List<EventRejection> rejections = new ArrayList<>();
        List<ValidEvent> valid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            EventValidator.Result result = validator.validate(i, items.get(i));
            if (result.rejection() != null) {
                rejections.add(result.rejection());
            } else {
                valid.add(result.event());
            }
        }
        LockedProfiles profiles = new LockedProfiles(store);
        profiles.lockAll(valid.stream().map(ValidEvent::customerId).filter(Objects::nonNull).toList());
        Instant receivedAt = clock.instant();
        List<StoredEvent> resolved = new ArrayList<>();
        for (ValidEvent event : valid) {
            try {
                String customerId = IdentityStitcher.resolveForWrite(profiles, event.customerId(), event.identity());
                resolved.add(new StoredEvent(event.id(), customerId, event.type(), event.channel(), event.occurredAt(), receivedAt,
                        event.properties()));
            } catch (IdentityConflictException e) {
                rejections.add(new EventRejection(event.index(), event.id(), "identity", e.getMessage()));
            }
        }
        // An identity linked later in the batch may have merged away the anonymous profile an earlier item resolved to.
        resolved.replaceAll(e -> e.movedTo(profiles.current(e.customerId())));
        boolean[] stored = store.append(resolved);
        Map<String, List<StoredEvent>> fresh = new LinkedHashMap<>();
        for (int i = 0; i < resolved.size(); i++) {
            if (stored[i]) {
                fresh.computeIfAbsent(resolved.get(i).customerId(), id -> new ArrayList<>()).add(resolved.get(i));
            }
        }
        fresh.forEach((customerId, events) -> {
            Profile profile = profiles.get(customerId, false);
            ProfileProjection.applyNew(profile, events, store);
            profile.updatedAt = receivedAt;
        });
        profiles.saveAll();
        rejections.sort(Comparator.comparingInt(EventRejection::index));
        int accepted = fresh.values().stream().mapToInt(List::size).sum();
        return new IngestResult(accepted, resolved.size() - accepted, rejections.size(), rejections);
    }
}
