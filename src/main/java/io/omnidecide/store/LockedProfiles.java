package io.omnidecide.store;

import io.omnidecide.profile.Profile;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profiles one write (a batch of events, a profile update) holds: each locked and read once,
 * changed in memory, and saved once at the end, however many events touched it.
 */
public final class LockedProfiles {

    private final CustomerStore store;
    private final Map<String, Profile> held = new LinkedHashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();

    public LockedProfiles(CustomerStore store) {
        this.store = store;
    }

    public CustomerStore store() {
        return store;
    }

    /** Locks (creating when missing) the profiles of a batch in one go, before it is worked through. */
    public void lockAll(Collection<String> customerIds) {
        List<String> missing = customerIds.stream().filter(id -> !held.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            held.putAll(store.lockOrCreate(missing, false));
        }
    }

    /** The profile, locked; created empty (anonymous as given) when it did not exist. */
    public Profile get(String customerId, boolean anonymous) {
        Profile profile = held.get(customerId);
        if (profile == null) {
            profile = store.lockOrCreate(List.of(customerId), anonymous).get(customerId);
            held.put(customerId, profile);
        }
        return profile;
    }

    /** A profile merged into another: its row is gone, nothing to save, and writes for it go to the other. */
    public void merged(String customerId, String intoId) {
        held.remove(customerId);
        mergedInto.put(customerId, intoId);
    }

    /** Where writes for a customer id go now, after the merges of this write. */
    public String current(String customerId) {
        String id = customerId;
        while (mergedInto.containsKey(id)) {
            id = mergedInto.get(id);
        }
        return id;
    }

    public void saveAll() {
        store.save(held.values());
    }
}
