package io.omnidecide.access;

import io.omnidecide.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem+json. Neither says whether the customer, decision or key asked about
 * exists: the check happens before the resource is looked at.
 */
public class AccessProblems {

    static final String NO_KEY = "this endpoint needs an API key: send Authorization: Bearer <key>";
    static final String BAD_KEY = "the API key is not valid: send Authorization: Bearer <key>";

    @ServerExceptionMapper
    public Response noValidKey(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri.getPath(), BAD_KEY);
    }

    @ServerExceptionMapper
    public Response noKey(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri.getPath(), NO_KEY);
    }

    @ServerExceptionMapper
    public Response wrongRole(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        List<String> allowed = allowedRoles(resource);
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(new Problem("https://omnidecide.io/problems/forbidden",
                "Forbidden", 403, "this key's roles do not allow this request; it needs a key with one of the roles " + allowed
                        + " (an admin key holds every role)", uri.getPath(), Map.of("allowedRoles", allowed))).build();
    }

    static Response unauthorized(String path, String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new Problem("https://omnidecide.io/problems/unauthorized", "Unauthorized", 401, detail, path, Map.of()))
                .build();
    }

    /** The roles the endpoint's {@code @RolesAllowed} names, on the method or else on its class. */
    private static List<String> allowedRoles(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return List.of();
        }
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : resource.getResourceClass().getAnnotation(RolesAllowed.class);
        return roles == null ? List.of() : List.of(roles.value());
    }
}
