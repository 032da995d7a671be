package io.omnidecide.access;

import io.omnidecide.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/keys")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Keys", description = "API keys and their roles (admin only)")
public class KeyResource {

    private static final Logger LOG = Logger.getLogger(KeyResource.class);

    private final ApiKeyService keys;
    private final SecurityIdentity caller;

    public KeyResource(ApiKeyService keys, SecurityIdentity caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a key", description = "The answer holds the key itself: the only time it is shown. Keep it secret.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "a channel", value = """
            {"name": "web-shop", "roles": ["channel"], "rateLimitPerSecond": 200}""")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CreatedKey.class),
            examples = @ExampleObject(name = "created", value = """
                    {"name": "web-shop", "roles": ["channel"], "key": "od_3f9a1c2b7d4e_Zq8m...43 characters..."}""")))
    @APIResponse(responseCode = "400", description = "Bad name or role", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The name is taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(KeyRequest request) {
        CreatedKey created = keys.create(request);
        LOG.infof("Key %s created with roles %s by key %s", created.name(), created.roles(), caller.getPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List keys", description = "Names, roles, creation and last use, revocation; never the keys.")
    public List<KeyView> list() {
        return keys.list();
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Revoke a key", description = "Takes effect at once. The last admin key cannot be revoked.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The last admin key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void revoke(@PathParam("name") String name) {
        keys.revoke(name);
        LOG.infof("Key %s revoked by key %s", name, caller.getPrincipal().getName());
    }
}
