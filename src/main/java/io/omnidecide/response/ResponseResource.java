package io.omnidecide.response;

import io.omnidecide.access.Roles;
import io.omnidecide.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Roles.CHANNEL)
@Path("/v1/responses")
@Tag(name = "Responses", description = "What customers did with what they were shown")
public class ResponseResource {

    private final ResponseService responses;

    public ResponseResource(ResponseService responses) {
        this.responses = responses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report an impression, click, accept, dismissal or conversion",
            description = "Builds the interaction history that frequency caps, cooldowns and stop-after-conversion read. "
                    + "A repeated response (same decision, action and outcome) counts once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "dismissed", value = """
            {"decisionId": "f54c258a-8df9-4922-8c4f-43c5d279dff3", "actionId": "abandoned_cart_reminder", "outcome": "dismiss",
             "channel": "email", "occurredAt": "2026-11-24T10:15:30Z"}""")))
    @APIResponse(responseCode = "202", description = "Recorded, or acknowledged as a repeat",
            content = @Content(schema = @Schema(implementation = ResponseResult.class)))
    @APIResponse(responseCode = "404", description = "No such decision", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The decision did not return that action", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response respond(ResponseRequest request) {
        return Response.accepted(responses.record(request)).build();
    }
}
