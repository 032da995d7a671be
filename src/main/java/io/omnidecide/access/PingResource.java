package io.omnidecide.access;

import io.omnidecide.problem.Problem;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A channel checks its key and the round trip: the same authentication, rate limit and JSON in and
 * out as decide, and no other work. The performance suite compares it with the unauthenticated
 * ceiling of the box (docs/performance.md). It does no I/O, so it answers on the event loop.
 */
@RolesAllowed(Roles.CHANNEL)
@Path("/v1/ping")
@Tag(name = "Access", description = "Checking a key")
public class PingResource {

    /** The answer, always the same. */
    public record Pong(boolean ok) {
    }

    private static final Pong PONG = new Pong(true);

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a key and the round trip", description = "Answers {\"ok\": true} to any JSON body a channel key sends. "
            + "Does no work: the performance suite measures the HTTP ceiling with it.")
    @APIResponse(responseCode = "200", description = "The key is good")
    @APIResponse(responseCode = "401", description = "No key or a bad one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Pong ping(String body) {
        return PONG;
    }
}
