package io.omnidecide.scenario;

import io.omnidecide.OmnidecideConfig;
import io.omnidecide.access.Roles;
import io.omnidecide.decision.Decider;
import io.omnidecide.problem.Problem;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetHolder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/scenarios/run")
@RolesAllowed(Roles.TESTER)
@Tag(name = "Scenarios", description = "Replay customer journeys through the real pipeline (testers)")
public class ScenarioResource {

    private final RulesetHolder rulesets;
    private final ScenarioRunner runner;

    public ScenarioResource(RulesetHolder rulesets, OmnidecideConfig config) {
        this.rulesets = rulesets;
        this.runner = new ScenarioRunner(new Decider(config.decide().defaultLanguage(), config.decide().maxLimit(), config.decide().ruleTimeLimit()));
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run scenarios: one, a list, or a whole suite as YAML documents",
            description = "Runs on the serving ruleset, isolated: in-memory profiles, the scenario's own clock, nothing stored or sent. "
                    + "Every YAML document (separated by ---) runs; the body may hold a whole suite, up to "
                    + "omnidecide.security.scenarios-body-bytes (10 MB). The format is in docs/scenarios.md.")
    @RequestBody(content = @Content(mediaType = "application/yaml", examples = @ExampleObject(name = "newsletter for a visitor", value = """
            name: A visitor is offered the newsletter
            start: 2026-03-02T09:00:00Z
            steps:
              - at: +0
                decide: {channel: web}
                expect: {lifecycleStage: prospect, topAction: newsletter_signup}
            """)))
    @APIResponse(responseCode = "200", description = "Results, passed or not",
            content = @Content(schema = @Schema(implementation = ScenarioRunReport.class)))
    @APIResponse(responseCode = "400", description = "The body is not a scenario",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid API key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The key lacks the tester role (allowedRoles names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Body over omnidecide.security.scenarios-body-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ScenarioRunReport run(String body) {
        List<ScenarioReader.Named> scenarios;
        try {
            scenarios = ScenarioReader.read(body == null ? "" : body, "request");
        } catch (IllegalArgumentException e) {
            throw new InvalidScenarioException(e.getMessage());
        }
        Ruleset ruleset = rulesets.current();
        return ScenarioRunReport.of(scenarios.stream().map(s -> runner.run(s, ruleset)).toList());
    }
}
