package io.omnidecide.bench;

import io.omnidecide.decision.EligibilityStages;
import io.omnidecide.facts.Customer;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of business-editable rules: the starter pack's segment and eligibility stages through
 * Drools, against the same logic written by hand ({@link HandWrittenEligibility}), on the same
 * customers. Both build the customer fact from a profile each time, as a decide does. Run with
 * bench/jmh.sh; figures in docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EligibilityBenchmark {

    private Ruleset ruleset;
    private List<EligibilityShapes.Shape> shapes;
    private int next;

    @Setup
    public void setUp() {
        ServiceLogLevels.apply();
        ruleset = new RulesetCompiler(Clock.systemUTC()).compile(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables")));
        shapes = EligibilityShapes.draw(64, 7);
    }

    @Benchmark
    public Customer rules() {
        return EligibilityStages.byRules(ruleset, customer());
    }

    @Benchmark
    public HandWrittenEligibility.Outcome handWritten() {
        return HandWrittenEligibility.decide(customer());
    }

    private Customer customer() {
        EligibilityShapes.Shape s = shapes.get(next++ & 63);
        return EligibilityStages.customer(s.profile(), s.activity(), EligibilityShapes.NOW);
    }
}
