package io.omnidecide.profile;

import java.util.List;
import java.util.Map;

/** PUT /v1/profiles/{id}: what the customer told us. Fields left out are left as they are. */
public record ProfileUpdate(Map<String, Object> traits, List<IdentityRef> identities, Map<String, ConsentUpdate> consent,
        List<String> preferredChannels) {
}
