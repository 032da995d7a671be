package io.omnidecide.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Rules are code: hostile files are refused before anything is built, each offence located. */
class RulesetSafetyTest {


    private static List<RulesetProblem> problems(String path, String content) {
        List<RulesetFile> files = StarterPack.with(path, content);
        RulesetInvalidException e = assertThrows(RulesetInvalidException.class,
                () -> new RulesetCompiler(Clock.systemUTC()).compile(files));
        return e.problems();
    }

    /** A DRL rule in the segment stage with the given conditions and actions. */
    private static String rule(String header, String when, String then) {
        return "package omnidecide.hostile\nimport io.omnidecide.facts.*\n" + header + "\n\nrule \"Hostile\"\n    agenda-group \"segment\"\nwhen\n    "
                + when + "\nthen\n    " + then + "\nend\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "import of a JDK class       | import java.io.File                        | $c : Customer()                       | $c.addSegment(\"x\");",
            "static import               | import static java.lang.System.exit        | $c : Customer()                       | $c.addSegment(\"x\");",
            "function block              | function void boom() { }                   | $c : Customer()                       | $c.addSegment(\"x\");",
            "global                      | global java.util.List sink                 | $c : Customer()                       | $c.addSegment(\"x\");",
            "declare                     | declare Spy name : String end              | $c : Customer()                       | $c.addSegment(\"x\");",
            "query                       | query spies() $c : Customer() end          | $c : Customer()                       | $c.addSegment(\"x\");",
            "System.exit                 |                                            | $c : Customer()                       | System.exit(0);",
            "Runtime exec                |                                            | $c : Customer()                       | Runtime.getRuntime().exec(\"rm -rf /\");",
            "ProcessBuilder              |                                            | $c : Customer()                       | new ProcessBuilder(\"sh\").start();",
            "Thread                      |                                            | $c : Customer()                       | Thread.sleep(100000);",
            "class loading               |                                            | $c : Customer()                       | Class.forName(\"evil.Payload\");",
            "reflection                  |                                            | $c : Customer()                       | $c.getClass().getDeclaredMethods();",
            "file access                 |                                            | $c : Customer()                       | java.nio.file.Files.delete(java.nio.file.Path.of(\"/tmp/x\"));",
            "network access              |                                            | $c : Customer()                       | new java.net.Socket(\"example.com\", 80);",
            "eval in a condition         |                                            | $c : Customer() eval(true)            | $c.addSegment(\"x\");",
            "call in a condition         |                                            | $c : Customer(customerId.getClass() != null) | $c.addSegment(\"x\");",
            "engine access               |                                            | $c : Customer()                       | drools.getKieRuntime().halt();",
            "working memory insert       |                                            | $c : Customer()                       | insert(new Object());",
            "modify loop                 |                                            | $c : Customer()                       | modify($c) { addSegment(\"x\") };",
            "call off the allow-list     |                                            | $c : Customer()                       | $c.setOrders(1000);"})
    void hostileDrlIsRefusedWithItsLine(String offence, String header, String when, String then) {
        List<RulesetProblem> problems = problems("rules/hostile.drl", rule(header == null ? "" : header, when, then));
        assertFalse(problems.isEmpty(), offence);
        for (RulesetProblem problem : problems) {
            assertEquals("rules/hostile.drl", problem.file(), offence + ": " + problem.describe());
            assertTrue(problem.line() != null && problem.line() > 0, offence + ": " + problem.describe());
        }
    }

    @Test
    void aTableCannotImportOrCallOutsideTheVocabulary() {
        String table = StarterPack.FILES.stream().filter(f -> f.path().endsWith("segments.drl.csv")).findFirst().orElseThrow().text()
                .replace("Import,io.omnidecide.facts.*", "Import,\"io.omnidecide.facts.*, java.lang.Runtime\"")
                .replace("\"$c.addSegment(\"\"$param\"\");\"", "\"$c.addSegment(\"\"$param\"\"); Runtime.getRuntime().exec(\"\"id\"\");\"");
        List<RulesetProblem> problems = problems("decision-tables/segments-hostile.drl.csv",
                table.replace("RuleTable Segments", "RuleTable HostileSegments"));
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("import of 'java.lang.Runtime'") && "B2".equals(p.cell())),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("call of 'Runtime.getRuntime().exec(...)'") && "K9".equals(p.cell())),
                problems.toString());
    }

    @Test
    void aTableActionCellCallingSystemIsLocatedToItsCell() {
        String table = "RuleSet,omnidecide.hostile\nImport,io.omnidecide.facts.*\nAGENDA-GROUP,segment\n,\nRuleTable Hostile\n"
                + "CONDITION,ACTION\n$c : Customer,\norders >= $param,$param\nOrders at least,Do\n1,System.exit(0);\n";
        List<RulesetProblem> problems = problems("decision-tables/hostile.drl.csv", table);
        assertTrue(problems.stream().anyMatch(p -> "B10".equals(p.cell()) && p.message().contains("System.exit")), problems.toString());
    }

    @Test
    void theStarterPackIsSafe() {
        new RulesetCompiler(Clock.systemUTC()).compile(StarterPack.FILES);
    }
}
