package io.omnidecide.publishing.sandbox;

import io.omnidecide.decision.Decider;
import io.omnidecide.problem.ProblemException;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetInvalidException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class of a build process: validates, builds and warms up a draft exactly as the service
 * would (the same compiler, one visitor's decide on every channel), in a JVM of its own, and
 * answers only whether the draft is valid and its problems. The built ruleset stays here.
 */
public final class SandboxBuildMain {

    /** A spare process builds these while it waits (a DRL file and a table, one rule each). */
    private static final String SPARE_DRL = """
            package omnidecide.spare
            import io.omnidecide.facts.*
            rule "Spare: frequent buyers"
                agenda-group "segment"
            when
                $c : Customer(orders > 3)
            then
                $c.addSegment("frequent");
            end
            """;

    private static final String SPARE_TABLE = """
            RuleSet,omnidecide.spare.catalog
            Import,io.omnidecide.facts.*
            AGENDA-GROUP,catalog
            ,
            RuleTable SpareLevers
            CONDITION,ACTION
            $c : Candidate,
            "actionId == ""$param""\",$c.multiplyLever($param);
            Action,Lever
            win_back,1.2
            """;

    private SandboxBuildMain() {
    }

    public static void main(String[] args) {
        SandboxChild.serve(args, SandboxBuildMain::prepare, SandboxBuildMain::build);
    }

    static SandboxVerdict build(SandboxJob job) {
        return build(read(job), job.defaultLanguage(), job.maxLimit(), Duration.ofMillis(job.timeLimitMillis()));
    }

    private static SandboxVerdict build(List<RulesetFile> files, String defaultLanguage, int maxLimit, Duration timeLimit) {
        try {
            Ruleset ruleset = new RulesetCompiler(Clock.systemUTC()).compile(files);
            new Decider(defaultLanguage, maxLimit, timeLimit).warmUp(ruleset);
            return SandboxVerdict.valid();
        } catch (RulesetInvalidException e) {
            return new SandboxVerdict(e.problems());
        } catch (ProblemException e) {
            // Rules that loop or run away on the warm-up decide would do so for customers too.
            return SandboxVerdict.invalid("a visitor's decide on this ruleset fails: " + e.getMessage());
        }
    }

    private static List<RulesetFile> read(SandboxJob job) {
        List<RulesetFile> files = new ArrayList<>();
        for (int i = 0; i < job.paths().size(); i++) {
            try {
                files.add(new RulesetFile(job.paths().get(i), Files.readAllBytes(Path.of(SandboxJob.stored(i)))));
            } catch (IOException e) {
                throw new UncheckedIOException("the service did not store file " + i + " of the draft", e);
            }
        }
        return files;
    }

    /** What a spare process does while it waits: builds a ruleset of its own, so the draft finds the compiler loaded and warm. */
    private static void prepare() {
        build(List.of(new RulesetFile("rules/spare.drl", SPARE_DRL.getBytes(StandardCharsets.UTF_8)),
                new RulesetFile("decision-tables/spare.drl.csv", SPARE_TABLE.getBytes(StandardCharsets.UTF_8))),
                "en", 1, Duration.ofMinutes(1));
    }
}
