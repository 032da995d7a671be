package io.omnidecide.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnidecide.problem.Problem;
import io.omnidecide.access.Roles;
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
@Path("/v1/events")
@Tag(name = "Events", description = "What customers do on every channel")
public class EventResource {

    private final EventService events;

    public EventResource(EventService events) {
        this.events = events;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send one event or a batch",
            description = "Every event type, its properties and what it changes are in docs/events.md. "
                    + "Each item is validated on its own: bad items (an unknown field, a missing or mistyped property) are listed with "
                    + "their index, field and reason, good items are stored. The event id is the idempotency key: a repeated id is counted as a duplicate and not "
                    + "applied again. Batches hold at most omnidecide.events.max-batch-size events (500 by default).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "add to cart in the app", value = """
                    {"id": "evt-1001", "customerId": "c-42", "type": "add_to_cart", "channel": "app",
                     "occurredAt": "2026-11-24T09:00:00Z",
                     "properties": {"sku": "SNEAKER-42", "name": "Trail sneaker", "category": "running", "price": 89.0, "quantity": 1}}"""),
            @ExampleObject(name = "batch", value = """
                    [{"id": "evt-1002", "customerId": "c-42", "type": "app_session", "occurredAt": "2026-11-24T09:05:00Z"},
                     {"id": "evt-1003", "identity": {"type": "email", "value": "ada@example.com"}, "type": "email_open",
                      "occurredAt": "2026-11-24T09:06:00Z"}]""")}))
    @APIResponse(responseCode = "202", description = "Counts of accepted, duplicate and rejected items",
            content = @Content(schema = @Schema(implementation = IngestResult.class), examples = @ExampleObject(name = "mixed", value = """
                    {"accepted": 1, "duplicates": 1, "rejected": 1,
                     "errors": [{"index": 2, "id": "evt-9", "field": "type", "reason": "unknown event type 'teleport'; known types: [...]"}]}""")))
    @APIResponse(responseCode = "400", description = "Not JSON, or not an event or array",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid API key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The key lacks the channel role (allowedRoles names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Over the key's rate; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "More events than one batch may hold",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response send(JsonNode body) {
        return Response.accepted(events.ingest(body)).build();
    }
}
