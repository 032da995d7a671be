package io.omnidecide.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building analysts' files into a ruleset, and saying precisely where a broken one is wrong. */
class RulesetCompilerTest {

    private static final RulesetCompiler COMPILER = new RulesetCompiler(Clock.systemUTC());



    private static RulesetProblem onlyProblem(List<RulesetFile> files) {
        RulesetInvalidException e = assertThrows(RulesetInvalidException.class, () -> COMPILER.compile(files));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void everyShippedFileContributesRules() {
        Ruleset ruleset = COMPILER.compile(StarterPack.FILES);
        for (RulesetFile file : StarterPack.FILES) {
            assertTrue(ruleset.sources().values().stream().anyMatch(r -> r.file().equals(file.path())),
                    file.path() + " produced no rules: a table Drools silently ignores would look like this");
        }
    }

    @Test
    void versionIsAContentHash() {
        String version = COMPILER.compile(StarterPack.FILES).version();
        assertEquals(version, COMPILER.compile(StarterPack.FILES).version(), "same files, same version");
        String changed = COMPILER.compile(StarterPack.with("decision-tables/actions.drl.csv",
                StarterPack.file("decision-tables/actions.drl.csv").replace("service_recovery,service,100,100", "service_recovery,service,99,100"))).version();
        assertFalse(version.equals(changed), "one cell changed, new version");
    }

    @Test
    void aTableWithAPlainNameIsReadLikeADrlTable() {
        List<RulesetFile> files = new ArrayList<>(StarterPack.FILES.stream().filter(f -> !f.path().endsWith("segments.drl.csv")).toList());
        files.add(new RulesetFile("decision-tables/segments.csv", StarterPack.file("decision-tables/segments.drl.csv").getBytes(StandardCharsets.UTF_8)));
        Ruleset ruleset = COMPILER.compile(files);
        assertEquals(7, ruleset.sources().values().stream().filter(r -> r.file().equals("decision-tables/segments.csv")).count());
    }

    @Test
    void unknownFieldInAConditionCellIsLocatedToTheCell() {
        String table = StarterPack.file("decision-tables/segments.drl.csv").replace("reviewsPosted >= $param", "reviewPosted >= $param");
        RulesetProblem problem = onlyProblem(StarterPack.with("decision-tables/segments.drl.csv", table));
        assertEquals("decision-tables/segments.drl.csv", problem.file());
        // The first rule it breaks is row 17; the misspelling itself was typed in the snippet cell, J9.
        assertEquals(17, problem.row());
        assertEquals("J9", problem.cell(), problem.describe());
        assertEquals("unknown field 'reviewPosted' on Customer (did you mean 'reviewsPosted'?)", problem.message());
    }

    @Test
    void badValueInADataCellIsLocatedToTheCell() {
        String table = StarterPack.file("decision-tables/actions.drl.csv").replace("win_back,marketing,70,60", "win_back,marketing,seventy,60");
        RulesetProblem problem = onlyProblem(StarterPack.with("decision-tables/actions.drl.csv", table));
        assertEquals(15, problem.row());
        assertEquals("C15", problem.cell(), problem.describe());
    }

    @Test
    void brokenDrlIsLocatedToTheLine() {
        String drl = "package omnidecide.rules\nimport io.omnidecide.facts.*\n\nrule \"Broken\"\n    agenda-group \"segment\"\nwhen\n"
                + "    $c : Customer(orders >>> 3)\nthen\nend\n";
        RulesetProblem problem = onlyProblem(StarterPack.with("rules/broken.drl", drl));
        assertEquals("rules/broken.drl", problem.file());
        assertEquals(7, problem.line(), problem.describe());
    }

    @Test
    void aRuleOutsideEveryStageIsRefused() {
        String drl = "package omnidecide.rules\nimport io.omnidecide.facts.*\n\nrule \"Forgot the stage\"\nwhen\n"
                + "    $c : Customer(orders > 3)\nthen\n    $c.addSegment(\"loyal\");\nend\n";
        RulesetProblem problem = onlyProblem(StarterPack.with("rules/stageless.drl", drl));
        assertEquals("rules/stageless.drl", problem.file());
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("belongs to no stage"), problem.message());
    }

    @Test
    void aTableWithoutRuleTableIsRefusedWithItsFile() {
        RulesetProblem problem = onlyProblem(StarterPack.with("decision-tables/notes.csv", "just,some,notes\n1,2,3\n"));
        assertEquals("decision-tables/notes.csv", problem.file());
        assertTrue(problem.message().contains("no RuleTable"), problem.message());
    }

    @Test
    void aCorruptWorkbookIsRefusedWithItsFile() {
        RulesetProblem problem = onlyProblem(StarterPack.with("decision-tables/segments.xlsx", "PK\u0003\u0004 not really a zip"));
        assertEquals("decision-tables/segments.xlsx", problem.file());
        assertTrue(problem.message().startsWith("cannot read the spreadsheet"), problem.message());
    }

    @Test
    void aTableWithoutItsHeaderRowsIsRefusedWithItsFile() {
        RulesetProblem problem = onlyProblem(StarterPack.with("decision-tables/half.drl.csv",
                "RuleSet,omnidecide.segment\nImport,io.omnidecide.facts.*\n,\nRuleTable Half\nCONDITION,ACTION\n"));
        assertEquals("decision-tables/half.drl.csv", problem.file());
        assertTrue(problem.message().contains("the row does nothing"), problem.describe());
    }

    @Test
    void anUnknownPlaceholderInCopyIsLocatedToTheCell() {
        String table = StarterPack.file("decision-tables/messages.drl.csv").replace("your {cartItemName} is waiting\",Still", "your {cartItem} is waiting\",Still");
        RulesetProblem problem = onlyProblem(StarterPack.with("decision-tables/messages.drl.csv", table));
        assertEquals("D17", problem.cell(), problem.describe());
        assertTrue(problem.message().contains("{cartItem}"), problem.message());
    }

    @Test
    void twoTablesWithOneNameAreRefused() {
        String copy = StarterPack.file("decision-tables/segments.drl.csv");
        RulesetInvalidException e = assertThrows(RulesetInvalidException.class,
                () -> COMPILER.compile(StarterPack.with("decision-tables/segments-copy.drl.csv", copy)));
        assertTrue(e.problems().stream().allMatch(p -> p.message().contains("is also used in")), e.getMessage());
    }

    @Test
    void anEmptyRulesetIsRefused() {
        RulesetInvalidException e = assertThrows(RulesetInvalidException.class, () -> COMPILER.compile(List.of()));
        assertTrue(e.getMessage().contains("no rules"));
    }
}
