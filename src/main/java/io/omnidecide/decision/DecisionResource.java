package io.omnidecide.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnidecide.problem.Problem;
import io.omnidecide.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Roles.CHANNEL)
@Path("/v1")
@Tag(name = "Decisions", description = "What to say to this customer, here, now")
public class DecisionResource {

    private final DecisionService decisions;

    public DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @POST
    @Path("/decide")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide the next-best actions for a customer on a channel",
            description = "Segments the customer, finds eligible actions, applies consent and contact policy, ranks by "
                    + "priority x value and renders each action's message for the channel and the customer's language. "
                    + "With channel 'any' each action goes out on the customer's preferred consented channel. A customer "
                    + "never seen before is decided for as a new prospect.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "web placement", value = """
                    {"customerId": "c-42", "channel": "web", "placement": "home_hero", "limit": 3}"""),
            @ExampleObject(name = "outbound, channel chosen per action", value = """
                    {"identity": {"type": "email", "value": "ada@example.com"}, "channel": "any", "locale": "sv-SE"}"""),
            @ExampleObject(name = "any, choosing among named channels", value = """
                    {"customerId": "c-42", "channel": "any", "channels": ["app", "email"], "limit": 2}""")}))
    @APIResponse(responseCode = "200", description = "The decision, recorded under decisionId",
            content = @Content(schema = @Schema(implementation = DecideResponse.class), examples = @ExampleObject(name = "cart reminder", value = """
                    {"decisionId": "0b9d...", "customerId": "c-42", "knownCustomer": true, "channel": "email",
                     "rulesetVersion": "3f2a9c1b7d4e", "decidedAt": "2026-11-24T10:00:00Z",
                     "segments": ["cart_abandoner"], "lifecycleStage": "prospect",
                     "actions": [{"actionId": "abandoned_cart_reminder", "channel": "email", "category": "marketing", "score": 7200.0,
                       "message": {"language": "en", "subject": "Ada, your Trail sneaker is waiting", "body": "Hi Ada, ...",
                                   "cta": "Back to my cart", "url": "https://shop.example.com/cart"},
                       "reasons": [{"stage": "eligibility", "rule": "Eligibility_12",
                                    "source": "decision-tables/eligibility.drl.csv row 12",
                                    "when": "$c : Customer(segments contains \\"cart_abandoner\\")",
                                    "then": "$c.propose(\\"abandoned_cart_reminder\\");"}]}],
                     "suppressed": []}""")))
    @APIResponse(responseCode = "400", description = "A field the request does not take, a wrong type, no customer, unknown channel, "
            + "bad locale, limit or explain: the problem names the field and what it accepts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(
                    name = "misspelt field", value = """
                    {"type": "https://omnidecide.io/problems/invalid-request", "title": "The request is not valid", "status": 400,
                     "detail": "unknown field 'limt'; this object takes: channel, channels, context, customerId, explain, identity, limit, locale, placement",
                     "instance": "/v1/decide", "field": "limt"}""")))
    @APIResponse(responseCode = "401", description = "No valid API key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The key lacks the channel role (allowedRoles names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "customerId and identity name different customers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over omnidecide.security.small-body-bytes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Over the key's rate; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "The rules took longer than omnidecide.decide.rule-time-limit, or the database is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String decide(DecideRequest request) {
        return decisions.decide(request);
    }

    @GET
    @Path("/decisions/{decisionId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A recorded decision", description = "The answer as it was sent, with the request and the ruleset version.")
    @APIResponse(responseCode = "200", description = "The decision and its request")
    @APIResponse(responseCode = "404", description = "No such decision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JsonNode decision(@PathParam("decisionId") String decisionId) {
        return decisions.find(decisionId);
    }
}
