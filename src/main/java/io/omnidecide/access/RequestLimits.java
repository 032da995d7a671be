package io.omnidecide.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.omnidecide.OmnidecideConfig;
import io.omnidecide.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every request meets first, before its route is matched or its body read: a valid key (401
 * otherwise, whatever the body, its type or the path), then abuse limits: request body size by
 * endpoint, and requests per second per key (token buckets: a key may burst up to one second's
 * allowance, then is held to its rate). Roles are checked after, by each endpoint's {@code @RolesAllowed}.
 */
@ApplicationScoped
public class RequestLimits {

    private final CurrentIdentityAssociation identities;
    private final int smallBodyBytes;
    private final int eventsBodyBytes;
    private final int uploadBodyBytes;
    private final int scenariosBodyBytes;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RequestLimits(CurrentIdentityAssociation identities, OmnidecideConfig config) {
        this.identities = identities;
        this.smallBodyBytes = config.security().smallBodyBytes();
        this.eventsBodyBytes = config.security().eventsBodyBytes();
        this.uploadBodyBytes = config.ruleset().maxUploadBytes();
        this.scenariosBodyBytes = config.security().scenariosBodyBytes();
    }

    /** Pre-matching: a caller without a valid key learns nothing of the routes, their media types or their limits. */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext request) {
        return identities.getDeferredIdentity()
                .map(identity -> identity.isAnonymous()
                        ? AccessProblems.unauthorized(request.getUriInfo().getPath(), AccessProblems.NO_KEY)
                        : admitted(identity.getAttribute(ApiKeyIdentityProvider.CALLER), request))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithItem(() -> AccessProblems.unauthorized(request.getUriInfo().getPath(), AccessProblems.BAD_KEY));
    }

    private Response admitted(Caller caller, ContainerRequestContext request) {
        if (AccessLog.enabled()) {
            request.setProperty(AccessLog.KEY, caller.keyName());
        }
        Response tooLarge = bodyTooLarge(request);
        return tooLarge != null ? tooLarge : rateLimited(caller, request);
    }

    private Response bodyTooLarge(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        int limit = path.startsWith("/v1/events") ? eventsBodyBytes : path.equals("/v1/rulesets") ? uploadBodyBytes
                : path.equals("/v1/scenarios/run") ? scenariosBodyBytes : smallBodyBytes;
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (bytes <= limit) {
            return null;
        }
        return problem(413, "body-too-large", "Request body too large",
                "the body has " + bytes + " bytes; this endpoint takes at most " + limit, Map.of("maxBytes", limit));
    }

    private Response rateLimited(Caller caller, ContainerRequestContext request) {
        Bucket bucket = buckets.get(caller.keyName());
        if (bucket == null) {
            bucket = buckets.computeIfAbsent(caller.keyName(), name -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(caller.rateLimit()).refillGreedy(caller.rateLimit(), Duration.ofSeconds(1)).build())
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfterSeconds = Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
        Response response = problem(429, "rate-limited", "Too many requests",
                "this key may make " + caller.rateLimit() + " requests per second; retry after " + retryAfterSeconds + " s",
                Map.of("rateLimitPerSecond", caller.rateLimit()));
        return Response.fromResponse(response).header("Retry-After", retryAfterSeconds).build();
    }

    private static Response problem(int status, String type, String title, String detail, Map<String, Object> extensions) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://omnidecide.io/problems/" + type, title, status, detail, null, extensions)).build();
    }
}
