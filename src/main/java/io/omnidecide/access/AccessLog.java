package io.omnidecide.access;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One line per request on the category {@code omnidecide.access} at INFO: request id, key name,
 * method and route template, status and duration. The route is the template ({@code
 * /v1/profiles/{customerId}}), never the path, and no body is read, so no personal data is written.
 * When the category is off, nothing is measured or formatted.
 */
public class AccessLog {

    /** Request properties: when the request arrived, and the key it came with (set by {@link RequestLimits}). */
    static final String STARTED = "omnidecide.started";
    static final String KEY = "omnidecide.key";
    /** A caller's own request id is echoed when it is a plain token; otherwise one is made. */
    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger LOG = Logger.getLogger("omnidecide.access");

    private final Map<Method, String> routes = new ConcurrentHashMap<>();

    static boolean enabled() {
        return LOG.isInfoEnabled();
    }

    @ServerRequestFilter(preMatching = true, priority = 0)
    public void arrived(ContainerRequestContext request) {
        if (enabled()) {
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @ServerResponseFilter
    public void answered(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!enabled() || !(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        String given = request.getHeaderString(REQUEST_ID);
        String id = given != null && PLAIN_ID.matcher(given).matches() ? given : Long.toHexString(ThreadLocalRandom.current().nextLong());
        response.getHeaders().putSingle(REQUEST_ID, id);
        Object key = request.getProperty(KEY);
        LOG.infof("request=%s key=%s route=\"%s %s\" status=%d ms=%.1f", id, key == null ? "-" : key, request.getMethod(),
                route(resource), response.getStatus(), (System.nanoTime() - started) / 1e6);
    }

    /** "/v1/profiles/{customerId}" from the resource's annotations; "unmatched" before or without a route. */
    private String route(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return "unmatched";
        }
        return routes.computeIfAbsent(method, m -> {
            Path type = resource.getResourceClass().getAnnotation(Path.class);
            Path own = m.getAnnotation(Path.class);
            return (type == null ? "" : type.value()) + (own == null ? "" : (own.value().startsWith("/") ? "" : "/") + own.value());
        });
    }
}
