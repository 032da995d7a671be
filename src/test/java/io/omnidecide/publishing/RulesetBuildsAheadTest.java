package io.omnidecide.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetFolders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A build started ahead serves only the very files it was started for. */
@QuarkusTest
class RulesetBuildsAheadTest {

    @Inject
    RulesetBuilds builds;

    @Test
    void aBuildAheadIsTakenOnlyForTheSameFiles() {
        List<RulesetFile> seed = RulesetFolders.read(Path.of("rules"), Path.of("decision-tables"));
        // The same paths, one file's bytes changed: another ruleset, which the build ahead must not stand in for.
        List<RulesetFile> edited = new ArrayList<>(seed);
        RulesetFile first = edited.get(0);
        edited.set(0, new RulesetFile(first.path(), (new String(first.content(), StandardCharsets.UTF_8) + "\n// edited\n")
                .getBytes(StandardCharsets.UTF_8)));

        builds.buildAhead(seed);
        RulesetBuilds.Built built = builds.buildTrusted(edited);
        assertTrue(built.valid(), "" + built.problems());
        assertEquals(RulesetCompiler.version(edited), built.ruleset().version());

        RulesetBuilds.Built ahead = builds.buildTrusted(seed);
        assertTrue(ahead.valid(), "" + ahead.problems());
        assertEquals(RulesetCompiler.version(seed), ahead.ruleset().version());

        builds.buildAhead(seed);
        builds.dropAhead();
        assertEquals(RulesetCompiler.version(edited), builds.buildTrusted(edited).ruleset().version());
    }
}
