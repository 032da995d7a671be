package io.omnidecide.access;

import io.omnidecide.OmnidecideConfig;
import io.omnidecide.problem.InvalidRequestException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Creates, lists, revokes and checks API keys. Checking reads the key from the database at most
 * every few seconds per key; a revocation here clears that cache at once.
 */
@ApplicationScoped
public class ApiKeyService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final Duration RECORD_USE_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final int defaultRateLimit;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** What is kept in memory of a key: enough to check it, nothing to show. */
    private record Cached(String name, String secretHash, List<String> roles, Integer rateLimit, boolean revoked,
            Instant loadedAt, Instant lastUsedAt) {
    }

    public ApiKeyService(Clock clock, OmnidecideConfig config) {
        this.clock = clock;
        this.defaultRateLimit = config.security().defaultRateLimit();
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

    @Transactional
    public void revoke(String name) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(name).orElseThrow(() -> new UnknownKeyException(name));
        if (key.revoked()) {
            return;
        }
        boolean lastAdmin = key.roleList().contains(Roles.ADMIN) && ApiKey.<ApiKey>streamAll()
                .filter(k -> !k.revoked() && k.roleList().contains(Roles.ADMIN)).count() == 1;
        if (lastAdmin) {
            throw new KeyConflictException("'" + name + "' is the last admin key: create another admin key before revoking it");
        }
        key.revokedAt = clock.instant();
        cache.remove(key.keyId);
    }

    @Transactional
    public boolean anyKeyExists() {
        return ApiKey.count() > 0;
    }

    /** The caller a presented key stands for, if it is a live key. Blocking: reads the database. */
    public Optional<Caller> authenticate(String presented) {
        Optional<KeySecrets.Parts> parts = KeySecrets.parse(presented);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Cached key = cache.compute(parts.get().keyId(), (id, cached) ->
                cached != null && cached.loadedAt().plus(CACHE_FOR).isAfter(now) ? cached : load(id, now, cached));
        if (key == null || key.revoked() || !KeySecrets.matches(parts.get().secret(), key.secretHash())) {
            return Optional.empty();
        }
        recordUse(parts.get().keyId(), key, now);
        Set<String> roles = key.roles().contains(Roles.ADMIN) ? Set.copyOf(Roles.ALL) : Set.copyOf(key.roles());
        return Optional.of(new Caller(key.name(), roles, key.rateLimit() == null ? defaultRateLimit : key.rateLimit()));
    }

    private static Cached load(String keyId, Instant now, Cached previous) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.byKeyId(keyId)
                .map(k -> new Cached(k.name, k.secretHash, k.roleList(), k.rateLimit, k.revoked(), now,
                        previous == null ? k.lastUsedAt : previous.lastUsedAt()))
                .orElse(null));
    }

    /** Last use is kept to the minute: a write per request would cost more than it tells. */
    private void recordUse(String keyId, Cached key, Instant now) {
        if (key.lastUsedAt() != null && key.lastUsedAt().plus(RECORD_USE_EVERY).isAfter(now)) {
            return;
        }
        cache.computeIfPresent(keyId, (id, cached) -> new Cached(cached.name(), cached.secretHash(), cached.roles(),
                cached.rateLimit(), cached.revoked(), cached.loadedAt(), now));
        QuarkusTransaction.requiringNew().run(() -> ApiKey.update("lastUsedAt = ?1 where name = ?2", now, key.name()));
    }
}
