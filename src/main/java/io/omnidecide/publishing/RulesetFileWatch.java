package io.omnidecide.publishing;

import io.omnidecide.OmnidecideConfig;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetFolders;
import io.omnidecide.ruleset.RulesetHolder;
import io.omnidecide.ruleset.RulesetProblem;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Live reload: an edit under {@code rules/} or {@code decision-tables/} becomes a draft, built and
 * validated, and published when so configured. A bad edit is logged and shown by /q/health; the
 * serving ruleset stays.
 */
@ApplicationScoped
public class RulesetFileWatch {

    private static final Logger LOG = Logger.getLogger(RulesetFileWatch.class);
    /** Editors save in several writes; wait for the folder to settle. */
    private static final long SETTLE_MILLIS = 300;

    /** The latest edit that did not build. */
    public record Rejected(long rulesetId, String version, Instant at, List<RulesetProblem> problems) {
    }

    private final RulesetVersions versions;
    private final RulesetHolder holder;
    private final Path rules;
    private final Path tables;
    private final boolean autoPublish;
    private final Clock clock;
    private volatile Rejected rejected;
    private String lastSeen;
    private WatchService watcher;

    public RulesetFileWatch(RulesetVersions versions, RulesetHolder holder, OmnidecideConfig config, Clock clock) {
        this.versions = versions;
        this.holder = holder;
        this.rules = Path.of(config.ruleset().rulesDir());
        this.tables = Path.of(config.ruleset().tablesDir());
        this.autoPublish = config.ruleset().autoPublish();
        this.clock = clock;
    }

    public Optional<Rejected> rejected() {
        return Optional.ofNullable(rejected);
    }

    /** Takes in edits made while the service was down, then watches for more. */
    void start() {
        try {
            watcher = FileSystems.getDefault().newWatchService();
            for (Path dir : List.of(rules, tables)) {
                if (Files.isDirectory(dir)) {
                    dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + rules + " and " + tables, e);
        }
        reload();
        Thread thread = new Thread(this::watch, "ruleset-watch");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Watching %s and %s for edits (%s)", rules.toAbsolutePath().normalize(), tables.toAbsolutePath().normalize(),
                autoPublish ? "valid edits are published" : "valid edits become drafts to publish");
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Thread.sleep(SETTLE_MILLIS);
                key.pollEvents();
                key.reset();
                // Events that came while settling belong to the same edit.
                for (WatchKey more = watcher.poll(); more != null; more = watcher.poll()) {
                    more.pollEvents();
                    more.reset();
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The folders as they are now, as a draft unless they are what serves or what was last seen. */
    synchronized void reload() {
        try {
            List<RulesetFile> files = RulesetFolders.read(rules, tables);
            String version = RulesetCompiler.version(files);
            if (version.equals(lastSeen) || version.equals(holder.current().version())) {
                return;
            }
            lastSeen = version;
            RulesetVersions.Draft draft = versions.createDraft(files, "files", "live-reload", "edited in " + rules + "/ or " + tables + "/");
            if (!draft.version().valid) {
                rejected = new Rejected(draft.version().id, version, clock.instant(), draft.problems());
                LOG.warnf("Edited files are not valid; ruleset %d stays in service. Draft %d:%n  %s", versions.servingId(),
                        draft.version().id, String.join("\n  ", draft.problems().stream().map(RulesetProblem::describe).toList()));
                return;
            }
            rejected = null;
            if (autoPublish) {
                versions.publish(draft.version().id, "live-reload", "published on edit");
            } else {
                LOG.infof("Edited files built as draft %d; publish with POST /v1/rulesets/%d/publish", draft.version().id, draft.version().id);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Live reload failed; the serving ruleset stays: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
