package io.omnidecide.scenario;

import io.omnidecide.decision.Decider;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFolders;
import io.omnidecide.ruleset.RulesetInvalidException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code bin/replay}: runs scenario files on the rules in the repository's folders, prints each
 * failure with its explanation, writes JUnit XML, and can compare two rulesets on the same journeys.
 *
 * <pre>
 * bin/replay [scenarios/] [--rules rules] [--tables decision-tables] [--junit target/scenario-reports]
 *            [--compare-rules DIR] [--compare-tables DIR]
 * </pre>
 */
public final class ReplayCommand {

    private ReplayCommand() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Runs the command, printing to out; 0 when every scenario passed, 1 otherwise. */
    static int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> options = options(args, "scenarios");
        Ruleset ruleset = compile(options.get("rules"), options.get("tables"));
        ScenarioRunner runner = new ScenarioRunner(new Decider("en", 10));
        List<ScenarioReader.Named> scenarios = ScenarioReader.readFolder(Path.of(options.get("input")));
        List<ScenarioResult> results = scenarios.stream().map(s -> runner.run(s, ruleset)).toList();
        for (ScenarioResult result : results) {
            out.println((result.passed() ? "PASS " : "FAIL ") + result.file() + ": " + result.name());
            result.steps().stream().filter(s -> !s.passed())
                    .forEach(s -> out.println("     " + s.step() + ": " + s.explanation()));
        }
        Path report = Path.of(options.get("junit"), "TEST-scenarios.xml");
        JUnitXml.write(results, report);
        long failed = results.stream().filter(r -> !r.passed()).count();
        long steps = results.stream().mapToLong(r -> r.steps().size()).sum();
        long failedSteps = results.stream().flatMap(r -> r.steps().stream()).filter(s -> !s.passed()).count();
        out.println("Scenarios: " + (results.size() - failed) + " passed, " + failed + " failed (ruleset " + ruleset.version() + ")");
        out.println((steps - failedSteps) + " passed, " + failedSteps + " failed");
        out.println("JUnit XML: " + report);
        if (options.containsKey("compare-tables") || options.containsKey("compare-rules")) {
            Ruleset other = compile(options.getOrDefault("compare-rules", options.get("rules")),
                    options.getOrDefault("compare-tables", options.get("tables")));
            compare(scenarios, results, runner, other, out);
        }
        return failed == 0 ? 0 : 1;
    }

    /** The journeys whose decisions differ between the two rulesets, step by step. */
    private static void compare(List<ScenarioReader.Named> scenarios, List<ScenarioResult> current, ScenarioRunner runner, Ruleset other,
            PrintStream out) {
        out.println("Compared with ruleset " + other.version() + ":");
        int differing = 0;
        for (int i = 0; i < scenarios.size(); i++) {
            ScenarioResult theirs = runner.run(scenarios.get(i), other);
            for (int s = 0; s < Math.min(current.get(i).steps().size(), theirs.steps().size()); s++) {
                ScenarioResult.Decided a = current.get(i).steps().get(s).decision();
                ScenarioResult.Decided b = theirs.steps().get(s).decision();
                if (a != null && b != null && (!Objects.equals(a.topAction(), b.topAction()) || !a.segments().equals(b.segments()))) {
                    differing++;
                    out.println("  " + current.get(i).name() + " / " + current.get(i).steps().get(s).step() + ": top action "
                            + a.topAction() + " -> " + b.topAction() + ", segments " + a.segments() + " -> " + b.segments());
                }
            }
        }
        out.println("  " + differing + " decisions differ");
    }

    static Ruleset compile(String rules, String tables) {
        try {
            return new RulesetCompiler(Clock.systemUTC()).compile(RulesetFolders.read(Path.of(rules), Path.of(tables)));
        } catch (RulesetInvalidException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            throw e;
        }
    }

    /** "--name value" pairs and one positional argument, with the defaults every command shares. */
    static Map<String, String> options(String[] args, String defaultInput) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("rules", "rules", "tables", "decision-tables",
                "junit", "target/scenario-reports"));
        if (defaultInput != null) {
            options.put("input", defaultInput);
        }
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (!positional.isEmpty()) {
            options.put("input", positional.get(0));
        }
        return options;
    }
}
