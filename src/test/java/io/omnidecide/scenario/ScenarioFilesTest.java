package io.omnidecide.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.decision.Decider;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every journey under scenarios/, through the real pipeline and the shipped rules: one test per step,
 * named "file :: step N: what it says" (surefire reports display names: see the pom).
 */
class ScenarioFilesTest {

    private static final Ruleset RULESET = new RulesetCompiler(Clock.systemUTC())
            .compile(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables")));

    @TestFactory
    Stream<DynamicNode> scenarios() {
        ScenarioRunner runner = new ScenarioRunner(new Decider("en", 10));
        return ScenarioReader.readFolder(Path.of("scenarios")).stream().map(named -> {
            ScenarioResult result = runner.run(named, RULESET);
            return DynamicContainer.dynamicContainer(result.name(), result.steps().stream()
                    .map(step -> DynamicTest.dynamicTest(named.file() + " :: " + step.step(), () -> assertTrue(step.passed(),
                            named.file() + " :: " + step.step() + ": " + step.explanation()))));
        });
    }
}
