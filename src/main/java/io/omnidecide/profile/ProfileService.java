package io.omnidecide.profile;

import io.omnidecide.decision.DecisionService;
import io.omnidecide.event.IdentityStitcher;
import io.omnidecide.store.DatabaseStore;
import io.omnidecide.store.LockedProfiles;
import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Channel;
import io.omnidecide.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;

/** Reads and writes profiles: what customers tell us through PUT, and the whole picture through GET. */
@ApplicationScoped
public class ProfileService {

    private final DatabaseStore store;
    private final DecisionService decisions;
    private final Clock clock;

    public ProfileService(DatabaseStore store, DecisionService decisions, Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Transactional
    public ProfileView view(String customerId) {
        Profile profile = store.find(customerId).orElseThrow(() -> new UnknownCustomerException(customerId));
        return view(profile);
    }

    /** Creates or updates; returns the profile as GET shows it and whether it was created. */
    @Transactional
    public Saved update(String customerId, ProfileUpdate update) {
        validate(customerId, update);
        boolean created = store.find(customerId).isEmpty();
        LockedProfiles locked = new LockedProfiles(store);
        Profile profile = locked.get(customerId, false);
        profile.anonymous = false;
        if (update.traits() != null) {
            update.traits().forEach((name, value) -> {
                if (value == null) {
                    profile.traits.remove(name);
                } else {
                    profile.traits.put(name, value);
                }
            });
        }
        if (update.consent() != null) {
            update.consent().forEach((channel, consent) -> profile.consent.put(channel,
                    new ConsentEntry(consent.status(), consent.source() == null ? "profile_api" : consent.source(), clock.instant())));
        }
        if (update.preferredChannels() != null) {
            profile.preferredChannels = new ArrayList<>(update.preferredChannels());
        }
        profile.updatedAt = clock.instant();
        if (update.identities() != null) {
            update.identities().forEach(identity -> IdentityStitcher.link(locked, identity.normalised(), customerId));
        }
        locked.saveAll();
        return new Saved(view(profile), created);
    }

    public record Saved(ProfileView profile, boolean created) {
    }

    private ProfileView view(Profile p) {
        RecentActivity recent = store.activity(p.customerId, clock.instant());
        return ProfileView.of(p, store.identitiesOf(p.customerId), recent, decisions.segmentsOf(p, recent));
    }

    private static void validate(String customerId, ProfileUpdate update) {
        if (customerId.isBlank() || customerId.length() > 128) {
            throw new InvalidRequestException("customerId", "customerId must be a non-empty string of at most 128 characters");
        }
        if (update == null) {
            throw new InvalidRequestException(null, "a profile body is required, e.g. {\"traits\": {\"firstName\": \"Ada\"}}");
        }
        if (update.traits() != null) {
            update.traits().keySet().stream().filter(k -> k.isBlank() || k.length() > 64).findFirst().ifPresent(k -> {
                throw new InvalidRequestException("traits", "trait names must be 1 to 64 characters");
            });
        }
        if (update.consent() != null) {
            update.consent().forEach((channel, consent) -> {
                if (Channel.fromWire(channel).isEmpty()) {
                    throw new InvalidRequestException("consent." + channel, "unknown channel '" + channel + "'; channels: " + Channel.NAMES);
                }
                if (consent == null || !ConsentEntry.STATUSES.contains(consent.status())) {
                    throw new InvalidRequestException("consent." + channel + ".status", "consent status must be one of " + ConsentEntry.STATUSES);
                }
            });
        }
        if (update.preferredChannels() != null) {
            for (String channel : update.preferredChannels()) {
                if (channel == null || Channel.fromWire(channel).isEmpty()) {
                    throw new InvalidRequestException("preferredChannels", "unknown channel '" + channel + "'; channels: " + Channel.NAMES);
                }
            }
            if (new HashSet<>(update.preferredChannels()).size() != update.preferredChannels().size()) {
                throw new InvalidRequestException("preferredChannels", "each channel may appear once, in order of preference");
            }
        }
        if (update.identities() != null) {
            for (IdentityRef identity : update.identities()) {
                String problem = identity == null ? "identities must be objects {type, value}" : identity.problem();
                if (problem != null) {
                    throw new InvalidRequestException("identities", problem);
                }
            }
        }
    }
}
