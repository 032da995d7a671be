package io.omnidecide.access;

import io.omnidecide.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem+json. Neither says whether the customer, decision or key asked about
 * exists: the check happens before the resource is looked at.
 */
public class AccessProblems {

    @ServerExceptionMapper
    public Response noValidKey(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri, "the API key is not valid: send Authorization: Bearer <key>");
    }

    @ServerExceptionMapper
    public Response noKey(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri, "this endpoint needs an API key: send Authorization: Bearer <key>");
    }

    @ServerExceptionMapper
    public Response wrongRole(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(new Problem("https://omnidecide.io/problems/forbidden",
                "Forbidden", 403, "this key's roles do not allow this request", uri.getPath(), Map.of())).build();
    }

    private static Response unauthorized(UriInfo uri, String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new Problem("https://omnidecide.io/problems/unauthorized", "Unauthorized", 401, detail, uri.getPath(), Map.of()))
                .build();
    }
}
