package io.omnidecide.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A key as listed: never its secret. The secret appears once, in {@link CreatedKey}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(String name, List<String> roles, Integer rateLimitPerSecond, Instant createdAt, Instant lastUsedAt,
        boolean revoked, Instant revokedAt) {

    static KeyView of(ApiKey key) {
        return new KeyView(key.name, key.roleList(), key.rateLimit, key.createdAt, key.lastUsedAt, key.revoked(), key.revokedAt);
    }
}
