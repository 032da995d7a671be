package io.omnidecide.publishing;

import io.omnidecide.OmnidecideConfig;
import io.omnidecide.decision.Decider;
import io.omnidecide.problem.ProblemException;
import io.omnidecide.publishing.sandbox.BuildSandbox;
import io.omnidecide.publishing.sandbox.SandboxVerdict;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetInvalidException;
import io.omnidecide.ruleset.RulesetProblem;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Builds rulesets. Analysts' drafts are first validated, built and warmed up in the build sandbox,
 * a separate JVM that may be killed ({@link BuildSandbox}); only a draft it finds valid is built
 * again here, to get the ruleset that serves. Files that already passed the sandbox (stored
 * versions) and the repository's seed, which ships with the service, are built here directly.
 * Builds here run one at a time on a thread of their own, so that they never take more than one
 * core from the decides being served; a ruleset decides once before it is handed out, so it swaps
 * in warm.
 */
@ApplicationScoped
public class RulesetBuilds {

    /** A compiled ruleset, or why there is none. */
    public record Built(Ruleset ruleset, List<RulesetProblem> problems) {
        public boolean valid() {
            return ruleset != null;
        }

        /** Known only of a valid build: the build process gives back problems alone. */
        public List<RulesetProblem> warnings() {
            return valid() ? ruleset.warnings() : List.of();
        }
    }

    private static final Logger LOG = Logger.getLogger(RulesetBuilds.class);
    private static final Duration WARM_UP_TIME_LIMIT = Duration.ofMinutes(1);
    private static final Duration SPARE_AFTER = Duration.ofSeconds(15);

    /** Trusted files being built ahead of their {@link #buildTrusted}. */
    private record Ahead(List<RulesetFile> files, Future<Built> build) {
    }

    private final RulesetCompiler compiler;
    private final Decider decider;
    private final Duration timeLimit;
    private final BuildSandbox sandbox;
    private ExecutorService builder = newBuilder();
    private Ahead ahead;

    public RulesetBuilds(Clock clock, OmnidecideConfig config) {
        this.compiler = new RulesetCompiler(clock);
        // Warming up pays the engine's lazy set-up, which on a cold JVM may take longer than a decide may.
        this.decider = new Decider(config.decide().defaultLanguage(), config.decide().maxLimit(), WARM_UP_TIME_LIMIT);
        this.timeLimit = config.ruleset().buildTimeLimit();
        OmnidecideConfig.SandboxSettings sandbox = config.ruleset().sandbox();
        this.sandbox = new BuildSandbox(new BuildSandbox.Limits(timeLimit, sandbox.heap().asLongValue(), sandbox.networkNamespace(),
                sandbox.spare()), config.decide().defaultLanguage(), config.decide().maxLimit());
    }

    /** An analyst's draft (uploaded, or edited files with live reload): through the sandbox, then built here when valid. */
    public Built buildDraft(List<RulesetFile> files) {
        long start = System.nanoTime();
        SandboxVerdict verdict = sandbox.build(files);
        long sandboxed = System.nanoTime();
        if (!verdict.isValid()) {
            LOG.infof("Draft of %d files: %d problems found in the build sandbox in %d ms", files.size(), verdict.problems().size(),
                    (sandboxed - start) / 1_000_000);
            return new Built(null, verdict.problems());
        }
        Built built = buildTrusted(files);
        LOG.infof("Draft of %d files: valid in the build sandbox in %d ms, then built here in %d ms", files.size(),
                (sandboxed - start) / 1_000_000, (System.nanoTime() - sandboxed) / 1_000_000);
        return built;
    }

    /**
     * Files that need no sandbox: a stored version, which was a draft that passed it, or the
     * repository's seed, which is deployed with the service like its code. The static checks run
     * here too.
     */
    public Built buildTrusted(List<RulesetFile> files) {
        Future<Built> build = takeAhead(files);
        if (build == null) {
            build = submit(files);
        }
        try {
            return build.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            build.cancel(true);
            // A build stuck between interrupt checks keeps its thread; the next build gets a new one instead of queueing behind it.
            replaceBuilder();
            return new Built(null, List.of(RulesetProblem.inFile(null, "the ruleset took longer than " + timeLimit.toSeconds()
                    + " s to build (omnidecide.ruleset.build-time-limit); split very large tables")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building a ruleset", e);
        } catch (ExecutionException e) {
            // Whatever the engine throws on a file is the file's problem, never a 500. The log names the failure
            // and where, not its message, which may quote the uploaded text.
            Throwable cause = e.getCause();
            LOG.errorf("building a ruleset failed unexpectedly: %s at %s", cause.getClass().getName(),
                    cause.getStackTrace().length > 0 ? cause.getStackTrace()[0] : "?");
            return new Built(null, List.of(RulesetProblem.inFile(null, "the ruleset could not be built ("
                    + cause.getClass().getSimpleName() + "); the service log says where")));
        }
    }

    /**
     * Starts building trusted files now, for the {@link #buildTrusted} of the same files that is
     * expected soon: at start, the repository's folders build while the rest of the start runs.
     * Kept until taken or {@link #dropAhead dropped}.
     */
    public synchronized void buildAhead(List<RulesetFile> files) {
        dropAhead();
        ahead = new Ahead(List.copyOf(files), submit(files));
    }

    /** Forgets a build started ahead that no one took (the database serves other files), so its ruleset is not held. */
    public synchronized void dropAhead() {
        if (ahead != null) {
            ahead.build().cancel(true);
            ahead = null;
        }
    }

    private synchronized Future<Built> takeAhead(List<RulesetFile> files) {
        if (ahead == null || !sameFiles(ahead.files(), files)) {
            return null;
        }
        Future<Built> build = ahead.build();
        ahead = null;
        return build;
    }

    private static boolean sameFiles(List<RulesetFile> a, List<RulesetFile> b) {
        Comparator<RulesetFile> byPath = Comparator.comparing(RulesetFile::path);
        List<RulesetFile> x = a.stream().sorted(byPath).toList();
        List<RulesetFile> y = b.stream().sorted(byPath).toList();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).path().equals(y.get(i).path()) || !Arrays.equals(x.get(i).content(), y.get(i).content())) {
                return false;
            }
        }
        return true;
    }

    private Future<Built> submit(List<RulesetFile> files) {
        return builder().submit(() -> {
            try {
                Ruleset ruleset = compiler.compile(files);
                decider.warmUp(ruleset);
                return new Built(ruleset, List.of());
            } catch (RulesetInvalidException e) {
                return new Built(null, e.problems());
            } catch (ProblemException e) {
                return new Built(null, List.of(RulesetProblem.inFile(null, "a visitor's decide on this ruleset fails: " + e.getMessage())));
            }
        });
    }

    private synchronized ExecutorService builder() {
        return builder;
    }

    private synchronized void replaceBuilder() {
        builder.shutdownNow();
        builder = newBuilder();
    }

    private static ExecutorService newBuilder() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "ruleset-build");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The spare build process starts a while after the service serves: a JVM starting and building
     * takes most of a core for seconds, which the first decides and their JIT need more. A draft
     * that comes sooner starts a process of its own, as without a spare.
     */
    void onStart(@Observes StartupEvent start) {
        CompletableFuture.delayedExecutor(SPARE_AFTER.toMillis(), TimeUnit.MILLISECONDS).execute(sandbox::startSpare);
    }

    @PreDestroy
    void stop() {
        builder().shutdownNow();
        sandbox.close();
    }
}
