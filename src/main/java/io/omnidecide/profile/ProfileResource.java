package io.omnidecide.profile;

import io.omnidecide.problem.Problem;
import io.omnidecide.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
@Path("/v1/profiles/{customerId}")
@Tag(name = "Profiles", description = "One profile per customer, whatever the channel")
public class ProfileResource {

    private final ProfileService profiles;

    public ProfileResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A customer's unified profile",
            description = "Traits, identities, consent and preferred channels, the cart, metrics learnt from events, and the "
                    + "lifecycle stage and segments the serving rules give the customer now.")
    @APIResponse(responseCode = "200", description = "The profile", content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProfileView get(@PathParam("customerId") String customerId) {
        return profiles.view(customerId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a profile",
            description = "Fields left out are left as they are; a trait set to null is removed. Identities are linked to "
                    + "this customer: an anonymous profile that held one is merged in, with its history and cart.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "new customer", value = """
            {"traits": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "locale": "en-GB", "country": "GB"},
             "identities": [{"type": "email", "value": "ada@example.com"}],
             "consent": {"email": {"status": "granted", "source": "signup_form"}, "sms": {"status": "denied"}},
             "preferredChannels": ["app", "email"]}""")))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "400", description = "Unknown channel, consent status or malformed identity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An identity belongs to another known customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("customerId") String customerId, ProfileUpdate update) {
        ProfileService.Saved saved = profiles.update(customerId, update);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK).entity(saved.profile()).build();
    }
}
