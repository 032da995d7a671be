package io.omnidecide.publishing;

import io.omnidecide.OmnidecideConfig;
import io.omnidecide.decision.Decider;
import io.omnidecide.problem.ProblemException;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetInvalidException;
import io.omnidecide.ruleset.RulesetProblem;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Compiles rulesets one at a time on a thread of their own, so that uploads never take more than
 * one core from the decides being served, and a build that runs away is given up after a while.
 * A built ruleset decides once before it is handed out, so it swaps in warm.
 */
@ApplicationScoped
public class RulesetBuilds {

    /** A compiled ruleset, or why there is none. */
    public record Built(Ruleset ruleset, List<RulesetProblem> problems) {
        public boolean valid() {
            return ruleset != null;
        }
    }

    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ruleset-build");
        thread.setDaemon(true);
        return thread;
    });
    private static final Duration WARM_UP_TIME_LIMIT = Duration.ofMinutes(1);

    private final RulesetCompiler compiler;
    private final Decider decider;
    private final Duration timeLimit;

    public RulesetBuilds(Clock clock, OmnidecideConfig config) {
        this.compiler = new RulesetCompiler(clock);
        // Warming up pays the engine's lazy set-up, which on a cold JVM may take longer than a decide may.
        this.decider = new Decider(config.decide().defaultLanguage(), config.decide().maxLimit(), WARM_UP_TIME_LIMIT);
        this.timeLimit = config.ruleset().buildTimeLimit();
    }

    public Built build(List<RulesetFile> files) {
        Future<Built> build = builder.submit(() -> {
            try {
                Ruleset ruleset = compiler.compile(files);
                decider.warmUp(ruleset);
                return new Built(ruleset, List.of());
            } catch (RulesetInvalidException e) {
                return new Built(null, e.problems());
            } catch (ProblemException e) {
                // Rules that loop or run away on the warm-up decide would do so for customers too.
                return new Built(null, List.of(RulesetProblem.inFile(null, "a visitor's decide on this ruleset fails: " + e.getMessage())));
            }
        });
        try {
            return build.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            build.cancel(true);
            return new Built(null, List.of(RulesetProblem.inFile(null, "the ruleset took longer than " + timeLimit.toSeconds()
                    + " s to build (omnidecide.ruleset.build-time-limit); split very large tables")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building a ruleset", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("building the ruleset failed unexpectedly", e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        builder.shutdownNow();
    }
}
