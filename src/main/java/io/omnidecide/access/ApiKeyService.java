package io.omnidecide.access;

import io.omnidecide.OmnidecideConfig;
import io.omnidecide.problem.InvalidRequestException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates, lists, revokes and checks API keys. Checking reads a key from the database at most once
 * per {@link KeyCache#FRESH_FOR} ({@link KeyCache}); a revocation here takes effect at once.
 */
@ApplicationScoped
public class ApiKeyService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    private final Clock clock;
    private final int defaultRateLimit;
    private final KeyCache cache;

    public ApiKeyService(Clock clock, OmnidecideConfig config) {
        this.clock = clock;
        this.defaultRateLimit = config.security().defaultRateLimit();
        this.cache = new KeyCache(clock, this::read);
    }

    @Transactional
    public CreatedKey create(KeyRequest request) {
        if (request == null || request.name() == null || !NAME.matcher(request.name()).matches()) {
            throw new InvalidRequestException("name", "name must be 1 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (request.roles() == null || request.roles().isEmpty() || !Roles.ALL.containsAll(request.roles())) {
            throw new InvalidRequestException("roles", "roles must be one or more of " + Roles.ALL);
        }
        if (request.rateLimitPerSecond() != null && (request.rateLimitPerSecond() < 1 || request.rateLimitPerSecond() > 100_000)) {
            throw new InvalidRequestException("rateLimitPerSecond", "rateLimitPerSecond must be between 1 and 100000");
        }
        if (ApiKey.findByIdOptional(request.name()).isPresent()) {
            throw new KeyConflictException("a key named '" + request.name() + "' exists; revoked names stay taken so the audit trail stays clear");
        }
        List<String> roles = List.copyOf(new LinkedHashSet<>(request.roles()));
        KeySecrets.Parts parts = KeySecrets.generate();
        ApiKey key = new ApiKey();
        key.name = request.name();
        key.keyId = parts.keyId();
        key.secretHash = KeySecrets.hash(parts.secret());
        key.roles = String.join(",", roles);
        key.rateLimit = request.rateLimitPerSecond();
        key.createdAt = clock.instant();
        key.persist();
        return new CreatedKey(key.name, roles, KeySecrets.format(parts));
    }

    @Transactional
    public List<KeyView> list() {
        return ApiKey.<ApiKey>listAll(io.quarkus.panache.common.Sort.by("createdAt")).stream().map(KeyView::of).toList();
    }

    public void revoke(String name) {
        String keyId = QuarkusTransaction.requiringNew().call(() -> {
            ApiKey key = ApiKey.<ApiKey>findByIdOptional(name).orElseThrow(() -> new UnknownKeyException(name));
            if (key.revoked()) {
                return null;
            }
            boolean lastAdmin = key.roleList().contains(Roles.ADMIN) && ApiKey.<ApiKey>streamAll()
                    .filter(k -> !k.revoked() && k.roleList().contains(Roles.ADMIN)).count() == 1;
            if (lastAdmin) {
                throw new KeyConflictException("'" + name + "' is the last admin key: create another admin key before revoking it");
            }
            key.revokedAt = clock.instant();
            return key.keyId;
        });
        // After the commit, so that no read in between can remember the key as live.
        if (keyId != null) {
            cache.forget(keyId);
        }
    }

    @Transactional
    public boolean anyKeyExists() {
        return ApiKey.count() > 0;
    }

    /** A presented key's check: from memory when its key was read lately, else after a read of the database. */
    KeyCache.Check check(String presented) {
        return cache.check(presented);
    }

    /** Blocking: the key's last use, which {@link KeyCache.Check#recordsUse} asks for once a minute. */
    void recordUse(String name, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> ApiKey.update("lastUsedAt = ?1 where name = ?2", at, name));
    }

    private Optional<KeyCache.Stored> read(String keyId) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.byKeyId(keyId).map(k -> {
            List<String> roles = k.roleList();
            Caller caller = new Caller(k.name, roles.contains(Roles.ADMIN) ? Set.copyOf(Roles.ALL) : Set.copyOf(roles),
                    k.rateLimit == null ? defaultRateLimit : k.rateLimit);
            return new KeyCache.Stored(k.secretHash, caller, k.revoked(), k.lastUsedAt);
        }));
    }
}
