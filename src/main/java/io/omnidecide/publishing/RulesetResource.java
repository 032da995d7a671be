package io.omnidecide.publishing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnidecide.OmnidecideConfig;
import io.omnidecide.access.Roles;
import io.omnidecide.problem.InvalidRequestException;
import io.omnidecide.problem.Problem;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetProblem;
import io.omnidecide.simulation.SimulationReport;
import io.omnidecide.simulation.SimulationRequest;
import io.omnidecide.simulation.Simulator;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/v1/rulesets")
@Tag(name = "Rulesets", description = "Analysts' rules and tables: upload, validate, simulate, publish, roll back")
public class RulesetResource {

    /**
     * What an upload answers: the draft, whether it can be published, its problems (invalid) and
     * warnings (valid, worth a look), and when valid how many rules each file holds.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DraftAnswer(long id, String version, String status, boolean valid, List<RulesetProblem> problems,
            List<RulesetProblem> warnings, Map<String, Integer> rules) {
    }

    /** The body of publish and rollback: the comment (required to publish), and why to publish despite failing scenarios. */
    public record Change(String comment, String overrideReason) {
        static final Change NONE = new Change(null, null);
    }

    /** One file of a version, and the forms it can be downloaded in. */
    public record FileEntry(String name, String path, int bytes, List<String> downloads) {
    }

    private final RulesetVersions versions;
    private final RulesetStore store;
    private final Simulator simulator;
    private final SecurityIdentity caller;
    private final RulesetUpload upload;

    public RulesetResource(RulesetVersions versions, RulesetStore store, Simulator simulator, SecurityIdentity caller,
            OmnidecideConfig config) {
        this.versions = versions;
        this.store = store;
        this.simulator = simulator;
        this.caller = caller;
        this.upload = new RulesetUpload(config.ruleset().maxFileBytes(), config.ruleset().maxFiles());
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload files as a new draft",
            description = "Parts named 'file' replace or add to the files of the serving version (or of 'base'), by file name; a table "
                    + "replaces the same table in any form (segments.drl.xlsx replaces segments.drl.csv). One .zip is the whole set. "
                    + "The draft is built and validated at once; every problem names its file, sheet, cell or line.")
    @APIResponse(responseCode = "201", description = "The draft, valid or with its problems")
    @APIResponse(responseCode = "400", description = "Not a rule file, or not a readable zip",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "A file, the zip's contents or the number of files is over its limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@RestForm("file") List<FileUpload> files, @RestForm("comment") String comment, @RestForm("base") Long base) {
        long baseId = base == null ? versions.servingId() : versions.find(base).id;
        List<RulesetFile> baseFiles = store.files(baseId);
        List<RulesetUpload.Part> parts = new ArrayList<>();
        for (FileUpload file : files == null ? List.<FileUpload>of() : files) {
            parts.add(new RulesetUpload.Part(file.fileName(), bytes(file)));
        }
        RulesetVersions.Draft draft = versions.createDraft(upload.apply(baseFiles, parts), baseId, "upload", author(), comment);
        RulesetVersion v = draft.version();
        return Response.created(URI.create("/v1/rulesets/" + v.id))
                .entity(new DraftAnswer(v.id, v.version, v.status, v.valid, draft.problems(), draft.warnings(), draft.rules())).build();
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.PUBLISHER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every version, newest first", description = "Exactly one is 'published': the one serving.")
    public List<RulesetView> list() {
        return store.list().stream().map(RulesetView::summary).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ANALYST, Roles.PUBLISHER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One version, with its problems and files")
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RulesetView get(@PathParam("id") String rulesetId) {
        RulesetVersion version = versions.find(RulesetIds.parse(rulesetId));
        return RulesetView.detail(version, store.files(version.id).stream().map(RulesetFile::path).toList());
    }

    @GET
    @Path("/{id}/files")
    @RolesAllowed({Roles.ANALYST, Roles.PUBLISHER})
    @Produces({MediaType.APPLICATION_JSON, "application/zip"})
    @Operation(summary = "The files of a version", description = "A list, each with the names it downloads as; "
            + "?format=zip gives all of them in one zip laid out as the repository keeps them, each table as CSV "
            + "(&tables=xlsx: as workbooks), so that unzipping it over the repository leaves no table twice.")
    public Response files(@PathParam("id") String rulesetId, @QueryParam("format") String format, @QueryParam("tables") String tables) {
        long id = versions.find(RulesetIds.parse(rulesetId)).id;
        List<RulesetFile> files = store.files(id);
        if ("zip".equals(format)) {
            return Response.ok(RulesetDownload.zip(files, tables == null ? "csv" : tables), "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"ruleset-" + id + ".zip\"").build();
        }
        if (format != null) {
            throw new InvalidRequestException("format", "format may be 'zip' here; single files take csv or xlsx");
        }
        return Response.ok(files.stream().map(RulesetResource::entry).toList(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}/files/{name}")
    @RolesAllowed({Roles.ANALYST, Roles.PUBLISHER})
    @Produces({"text/csv", RulesetDownload.XLSX, "text/plain", "application/xml", MediaType.APPLICATION_JSON})
    @Operation(summary = "One file of a version",
            description = "As stored, or a table in the other form: ask for segments.drl.xlsx of a version that keeps "
                    + "segments.drl.csv (or add ?format=xlsx), edit it in a spreadsheet program, upload it again.")
    @APIResponse(responseCode = "404", description = "No such version or file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response file(@PathParam("id") String rulesetId, @PathParam("name") String name, @QueryParam("format") String format) {
        long id = versions.find(RulesetIds.parse(rulesetId)).id;
        String wanted = format == null ? name : RulesetDownload.inFormat(name, format);
        RulesetDownload.Download download = RulesetDownload.of(store.files(id), wanted)
                .orElseThrow(() -> new UnknownRulesetFileException(id, name));
        return Response.ok(download.content(), download.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + download.name() + "\"").build();
    }

    @POST
    @Path("/{id}/simulate")
    @RolesAllowed(Roles.ANALYST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compare a version with the serving one before publishing",
            description = "Runs both side by side over the scenario suite and over the inputs of the last recorded decisions, and "
                    + "reports the file changes (tables cell by cell), how many top actions change, per-action and per-segment counts "
                    + "before and after, and sample customers that changed with both explanations. Nothing is stored or sent.")
    public SimulationReport simulate(@PathParam("id") String rulesetId, SimulationRequest request) {
        RulesetVersion candidate = versions.find(RulesetIds.parse(rulesetId));
        if (!candidate.valid) {
            throw new RulesetStateException(candidate, "ruleset " + candidate.id + " has problems and cannot be run; fix them first");
        }
        RulesetVersion serving = versions.find(versions.servingId());
        SimulationReport report = simulator.simulate(serving, versions.built(serving), store.files(serving.id), candidate,
                versions.built(candidate), store.files(candidate.id), request == null ? SimulationRequest.DEFAULT : request);
        versions.recordSimulation(candidate, serving.id, author(), report.scenarios() != null, report.failingScenarios(), report.summary());
        return report;
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.PUBLISHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a valid, approved draft the serving version", description = "Requires a comment and a simulation of this "
            + "draft against the version serving now, with the scenario suite; failing scenarios need an overrideReason; with four-eyes "
            + "on, a publisher other than the author. One atomic swap: decides in flight finish on the version they started with; every "
            + "later decide records the new version. Audited with the comment, the simulation and the reason.")
    @APIResponse(responseCode = "400", description = "No comment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft, a draft with problems, or not approved (requirement says what is missing)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RulesetView publish(@PathParam("id") String rulesetId, Change change) {
        Change body = change == null ? Change.NONE : change;
        return RulesetView.summary(versions.publish(RulesetIds.parse(rulesetId), author(), body.comment(), body.overrideReason()));
    }

    @POST
    @Path("/{id}/rollback")
    @RolesAllowed(Roles.PUBLISHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Serve an earlier published version again", description = "Audited with the comment.")
    @APIResponse(responseCode = "409", description = "Already serving, or never published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RulesetView rollback(@PathParam("id") String rulesetId, Change change) {
        return RulesetView.summary(versions.rollback(RulesetIds.parse(rulesetId), author(), (change == null ? Change.NONE : change).comment()));
    }

    @GET
    @Path("/audit")
    @RolesAllowed({Roles.ANALYST, Roles.PUBLISHER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who published or rolled back which version, when and why; newest first")
    public List<RulesetAudit> audit() {
        return store.audit();
    }

    private String author() {
        return caller.getPrincipal().getName();
    }

    private static FileEntry entry(RulesetFile file) {
        return new FileEntry(file.fileName(), file.path(), file.content().length, RulesetDownload.names(file));
    }

    private static byte[] bytes(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded " + file.fileName(), e);
        }
    }
}
