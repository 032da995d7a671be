package io.omnidecide.ruleset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.omnidecide.decision.Decider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The hostile corpus (src/test/resources/hostile, cases.csv): rules that try to run code, break out
 * of their quotes or exhaust memory. Each is refused before anything is built, with a problem
 * located to its line, sheet or cell, and whatever it tried to do (touch target/hostile-proof) is
 * not done. Added to the starter pack, as an upload would be.
 */
class HostileRulesTest {

    static final Path PROOF = Path.of("target/hostile-proof");

    @BeforeEach
    void noProofYet() throws IOException {
        Files.deleteIfExists(PROOF);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/hostile/cases.csv", delimiter = '|')
    void isRefusedLocatedAndRunsNothing(String file, String where, String message) throws IOException {
        String path = (file.endsWith(".drl") ? "rules/" : "decision-tables/") + file.substring(file.indexOf('/') + 1);
        List<RulesetFile> files = StarterPack.with(path, read(file));
        List<RulesetProblem> problems = List.of();
        try {
            Ruleset built = new RulesetCompiler(Clock.systemUTC()).compile(files);
            // Had it been built, the warm-up decide would show what it does.
            new Decider("en", 10, Duration.ofSeconds(5)).warmUp(built);
            fail(file + " was built" + (Files.exists(PROOF) ? " and RAN: " + PROOF + " exists" : ""));
        } catch (RulesetInvalidException e) {
            problems = e.problems();
        }
        assertFalse(Files.exists(PROOF), file + " wrote " + PROOF);
        List<RulesetProblem> found = problems;
        assertTrue(problems.stream().anyMatch(p -> path.equals(p.file()) && located(p, where) && p.message().contains(message.trim())),
                () -> file + ": expected a problem at " + where + " saying \"" + message.trim() + "\", got\n  "
                        + String.join("\n  ", found.stream().map(RulesetProblem::describe).toList()));
    }

    /** "line 8", "cell B10", "row 10", "sheet Rules cell A11" or "file" (the file alone). */
    private static boolean located(RulesetProblem problem, String where) {
        String[] words = where.trim().split(" ");
        for (int i = 0; i + 1 < words.length; i += 2) {
            String expected = words[i + 1];
            boolean matches = switch (words[i]) {
                case "line" -> Objects.equals(problem.line(), Integer.valueOf(expected));
                case "row" -> Objects.equals(problem.row(), Integer.valueOf(expected));
                case "cell" -> expected.equals(problem.cell());
                case "sheet" -> expected.equals(problem.sheet());
                default -> false;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = HostileRulesTest.class.getResourceAsStream("/hostile/" + file)) {
            return Objects.requireNonNull(in, file).readAllBytes();
        }
    }
}
