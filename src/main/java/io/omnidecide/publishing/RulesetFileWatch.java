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
import java.util.Set;
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

    /** A valid edit left a draft because a person published or rolled back through the API since the files were loaded. */
    public record Conflict(long draftId, long servingId, String servedBy, Instant servedAt) {
        public String describe() {
            return "draft " + draftId + " from the files was not published: version " + servingId + " was made the serving one through the "
                    + "API by " + servedBy + " at " + servedAt + ", after the files were loaded; publish the draft or bring the files in line";
        }
    }

    /** Who serve the files' versions without a person: the seed at first start, and live reload itself. */
    private static final Set<String> FILE_ACTORS = Set.of("system", "live-reload");

    private final RulesetVersions versions;
    private final RulesetHolder holder;
    private final Path rules;
    private final Path tables;
    private final boolean autoPublish;
    private final Clock clock;
    private volatile Rejected rejected;
    private volatile Conflict conflict;
    /** When this process last read the folders; before the first read, what the database says. */
    private Instant lastLoaded;
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

    /** The conflict, until the version it would have replaced no longer serves (a person published or rolled back since). */
    public Optional<Conflict> conflict() {
        return Optional.ofNullable(conflict).filter(c -> c.servingId() == versions.servingId());
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
            Instant loadedBefore = lastLoaded != null ? lastLoaded : versions.lastLoadedFromFiles().orElse(null);
            lastLoaded = clock.instant();
            String version = RulesetCompiler.version(files);
            if (version.equals(holder.current().version())) {
                conflict = null;
                return;
            }
            if (version.equals(lastSeen)) {
                return;
            }
            lastSeen = version;
            long base = versions.servingId();
            RulesetVersions.Draft draft = versions.createDraft(files, base, "files", "live-reload", "edited in " + rules + "/ or " + tables + "/");
            if (!draft.version().valid) {
                rejected = new Rejected(draft.version().id, version, clock.instant(), draft.problems());
                LOG.warnf("Edited files are not valid; ruleset %d stays in service. Draft %d:%n  %s", versions.servingId(),
                        draft.version().id, String.join("\n  ", draft.problems().stream().map(RulesetProblem::describe).toList()));
                return;
            }
            rejected = null;
            // A person made the serving version serve since the files were read: the files do not know of it.
            Optional<RulesetAudit> byPerson = versions.lastServed()
                    .filter(a -> !FILE_ACTORS.contains(a.actor) && (loadedBefore == null || a.at.isAfter(loadedBefore)));
            if (autoPublish && (conflict().isPresent() || byPerson.isPresent())) {
                RulesetAudit served = byPerson.orElse(null);
                conflict = served == null ? new Conflict(draft.version().id, base, conflict.servedBy(), conflict.servedAt())
                        : new Conflict(draft.version().id, base, served.actor, served.at);
                LOG.warnf("Live reload: %s", conflict.describe());
            } else if (autoPublish) {
                versions.publishTrusted(draft.version().id, "live-reload", "published on edit");
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
