package io.omnidecide.publishing;

import io.omnidecide.OmnidecideConfig;
import io.omnidecide.ruleset.RulesetFolders;
import io.omnidecide.ruleset.RulesetInvalidException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.omnidecide.ruleset.RulesetFile;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Puts a ruleset in service at start: the latest published version from the database, or, on a
 * first start, the repository's {@code rules/} and {@code decision-tables/} as version 1. A seed
 * that does not build stops the start with every problem located: serving without rules would be
 * worse. Then keeps this instance on the published version, whichever instance published it.
 */
@ApplicationScoped
public class RulesetStartup {

    private static final Logger LOG = Logger.getLogger(RulesetStartup.class);

    private final RulesetVersions versions;
    private final RulesetStore store;
    private final RulesetBuilds builds;
    private final RulesetFileWatch watch;
    private final OmnidecideConfig config;
    private ScheduledExecutorService sync;
    private CompletableFuture<Void> ahead;

    public RulesetStartup(RulesetVersions versions, RulesetStore store, RulesetBuilds builds, RulesetFileWatch watch,
            OmnidecideConfig config) {
        this.versions = versions;
        this.store = store;
        this.builds = builds;
        this.watch = watch;
        this.config = config;
    }

    /**
     * Before the other start-up observers (the admin key's among them): the ruleset that is to
     * serve, the published version or else the seed, starts building on the build thread while
     * they run, and {@link #onStart} takes that build instead of building again.
     */
    void buildAhead(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent start) {
        ahead = CompletableFuture.runAsync(() -> builds.buildAhead(
                store.published().map(published -> store.files(published.id)).orElseGet(this::folders)));
    }

    void onStart(@Observes StartupEvent start) {
        try {
            ahead.join();
        } catch (CompletionException e) {
            // Only time is lost: the start below reads and builds on this thread, and fails there if it must.
            LOG.warnf("Could not build the ruleset ahead: %s", e.getCause().getMessage());
        }
        if (versions.servePublished()) {
            LOG.infof("Serving published ruleset %d", versions.servingId());
        } else {
            seed();
        }
        builds.dropAhead();
        if (config.ruleset().watch()) {
            watch.start();
        }
        Duration interval = config.ruleset().syncInterval();
        if (!interval.isZero()) {
            sync = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "ruleset-sync");
                thread.setDaemon(true);
                return thread;
            });
            sync.scheduleWithFixedDelay(this::followPublished, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (sync != null) {
            sync.shutdownNow();
        }
    }

    private List<RulesetFile> folders() {
        return RulesetFolders.read(Path.of(config.ruleset().rulesDir()), Path.of(config.ruleset().tablesDir()));
    }

    private void seed() {
        Path rules = Path.of(config.ruleset().rulesDir());
        Path tables = Path.of(config.ruleset().tablesDir());
        RulesetVersions.Draft draft = versions.createSeed(folders(),
                "seeded from " + rules + "/ and " + tables + "/ at first start");
        if (!draft.version().valid) {
            throw new RulesetInvalidException(draft.problems());
        }
        versions.publishTrusted(draft.version().id, "system", draft.version().comment);
        LOG.infof("First start: ruleset %d seeded from %s and %s", draft.version().id, rules.toAbsolutePath().normalize(),
                tables.toAbsolutePath().normalize());
    }

    private void followPublished() {
        try {
            versions.servePublished();
        } catch (RuntimeException e) {
            // The serving ruleset stays; the next round tries again.
            LOG.warnf("Could not follow the published ruleset: %s", e.getMessage());
        }
    }
}
