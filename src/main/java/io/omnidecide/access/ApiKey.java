package io.omnidecide.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A caller's key: its name, roles and history. The secret itself is never stored, only its hash. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public String name;

    /** The public part of the key, used to find it; the secret part is checked against the hash. */
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "secret_hash")
    public String secretHash;

    /** Comma-separated roles. */
    public String roles;

    /** Requests per second this key may make; null for the configured default. */
    @Column(name = "rate_limit")
    public Integer rateLimit;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public List<String> roleList() {
        return Arrays.stream(roles.split(",")).filter(r -> !r.isBlank()).toList();
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public static Optional<ApiKey> byKeyId(String keyId) {
        return find("keyId", keyId).firstResultOptional();
    }
}
