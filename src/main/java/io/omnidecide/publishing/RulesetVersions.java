package io.omnidecide.publishing;

import io.omnidecide.problem.ProblemException;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetHolder;
import io.omnidecide.ruleset.RulesetInvalidException;
import io.omnidecide.ruleset.RulesetProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The life of ruleset versions: drafts are built and stored with their problems; publishing or
 * rolling back records who and why, then swaps the serving ruleset in one atomic step (decides in
 * flight finish on the one they started with). Only a built, valid ruleset is ever swapped in.
 */
@ApplicationScoped
public class RulesetVersions {

    private static final Logger LOG = Logger.getLogger(RulesetVersions.class);
    /** Built drafts kept for a publish soon after; a 10,000-row ruleset holds tens of megabytes. */
    private static final int BUILT_DRAFTS_KEPT = 2;

    /**
     * A stored draft, the problems found building it (none when valid) and, when valid, its warnings
     * and how many rules each file holds.
     */
    public record Draft(RulesetVersion version, List<RulesetProblem> problems, List<RulesetProblem> warnings, Map<String, Integer> rules) {
    }

    private final RulesetHolder holder;
    private final RulesetStore store;
    private final RulesetBuilds builds;
    private final ApprovalGate gate;
    private final Clock clock;
    private final Map<Long, Ruleset> builtDrafts = new LinkedHashMap<>();
    private volatile long servingId;

    public RulesetVersions(RulesetHolder holder, RulesetStore store, RulesetBuilds builds, ApprovalGate gate, Clock clock) {
        this.holder = holder;
        this.store = store;
        this.builds = builds;
        this.gate = gate;
        this.clock = clock;
    }

    /**
     * Builds an analyst's files (through the build sandbox) and stores them as a draft, valid or not.
     *
     * @param baseId the version the files were laid over (the serving one unless the upload named another)
     */
    public Draft createDraft(List<RulesetFile> files, long baseId, String source, String author, String comment) {
        Draft draft = save(files, builds.buildDraft(files), baseId, source, author, comment);
        LOG.infof("Draft %d (%s) by %s: %s", draft.version().id, source, author, draft.version().valid ? "valid, "
                + draft.warnings().size() + " warnings" : draft.problems().size() + " problems");
        return draft;
    }

    /** The repository's files at first start: deployed with the service, so built without the sandbox. */
    public Draft createSeed(List<RulesetFile> files, String comment) {
        return save(files, builds.buildTrusted(files), null, "seed", "system", comment);
    }

    private Draft save(List<RulesetFile> files, RulesetBuilds.Built built, Long baseId, String source, String author, String comment) {
        RulesetVersion draft = store.saveDraft(files, RulesetCompiler.version(files), built, baseId, source, author, comment, clock.instant());
        if (built.valid()) {
            keep(draft.id, built.ruleset());
        }
        return built.valid() ? new Draft(draft, built.problems(), built.warnings(), built.ruleset().ruleCounts())
                : new Draft(draft, built.problems(), null, null);
    }

    /** A person publishes: the draft must pass the {@link ApprovalGate}, whose approval goes in the audit. */
    public synchronized RulesetVersion publish(long id, String actor, String comment, String overrideReason) {
        RulesetVersion version = publishable(id);
        ApprovalGate.Approval approval;
        try {
            approval = gate.approve(version, servingId, actor, comment, overrideReason);
        } catch (ProblemException refused) {
            LOG.infof("Publish of draft %d (by %s) refused for %s: %s", id, version.author, actor, refused.getMessage());
            throw refused;
        }
        return serve(version, "publish", actor, comment, approval);
    }

    /**
     * Publishes without the gate what the operator chose to trust by configuration: the seed at
     * first start, and live reload's edits with {@code auto-publish}.
     */
    synchronized RulesetVersion publishTrusted(long id, String actor, String comment) {
        return serve(publishable(id), "publish", actor, comment, null);
    }

    private RulesetVersion publishable(long id) {
        RulesetVersion version = find(id);
        if (!RulesetVersion.DRAFT.equals(version.status)) {
            throw new RulesetStateException(version, "ruleset " + id + " is " + version.status + "; only a draft can be published"
                    + (version.hasServed() ? " (to serve it again, roll back to it)" : ""));
        }
        if (!version.valid) {
            throw new RulesetStateException(version, "ruleset " + id + " has " + RulesetStore.problems(version).size()
                    + " problems and cannot be published; upload a corrected draft");
        }
        return version;
    }

    /** Records who simulated a draft against the serving version and what it showed: what a publish is approved on. */
    public void recordSimulation(RulesetVersion candidate, long baseId, String actor, boolean scenariosRun, int scenariosFailing,
            String summary) {
        store.saveSimulation(candidate.id, baseId, actor, scenariosRun, scenariosFailing, summary, clock.instant());
        LOG.infof("Draft %d simulated by %s against %d: %s", candidate.id, actor, baseId, summary);
    }

    /** Makes an earlier published version the serving one again. */
    public synchronized RulesetVersion rollback(long id, String actor, String comment) {
        RulesetVersion version = find(id);
        if (RulesetVersion.PUBLISHED.equals(version.status)) {
            throw new RulesetStateException(version, "ruleset " + id + " is already the serving one");
        }
        if (!version.hasServed()) {
            throw new RulesetStateException(version, "ruleset " + id + " has never been published, so there is nothing to roll back to;"
                    + " publish it instead");
        }
        return serve(version, "rollback", actor, comment, null);
    }

    /** When the folders were last read into a version (a seed, or a live-reload draft). */
    Optional<Instant> lastLoadedFromFiles() {
        return store.lastFromFiles().map(v -> v.createdAt);
    }

    /** The latest publish or rollback: who made the serving version the serving one, and when. */
    Optional<RulesetAudit> lastServed() {
        return store.lastAudit();
    }

    public RulesetVersion find(long id) {
        return store.find(id).orElseThrow(() -> new UnknownRulesetException(id));
    }

    /** The stored version serving on this instance. */
    public long servingId() {
        return servingId;
    }

    /**
     * The built ruleset of a stored version (drafts are built on upload; others again from their
     * files, here: a version is only ever built again when it is valid, so it passed the sandbox).
     */
    public Ruleset built(RulesetVersion version) {
        synchronized (builtDrafts) {
            Ruleset kept = builtDrafts.get(version.id);
            if (kept != null) {
                return kept;
            }
        }
        RulesetBuilds.Built built = builds.buildTrusted(store.files(version.id));
        if (!built.valid()) {
            // A version that built once fails now only if the fact vocabulary changed under it.
            throw new RulesetInvalidException(built.problems());
        }
        return built.ruleset();
    }

    /** Serves the published version, if any (at start, or when another instance published). */
    synchronized boolean servePublished() {
        return store.published().map(published -> {
            if (published.id != servingId) {
                swap(published, built(published));
            }
            return true;
        }).orElse(false);
    }

    private RulesetVersion serve(RulesetVersion version, String action, String actor, String comment, ApprovalGate.Approval approval) {
        Ruleset ruleset = built(version);
        RulesetVersion serving = store.makeServing(version.id, action, actor, comment, approval, clock.instant());
        // Swapped only after the database says so: an instance never serves what is not published.
        swap(serving, ruleset);
        return serving;
    }

    private void swap(RulesetVersion version, Ruleset ruleset) {
        holder.swap(ruleset);
        servingId = version.id;
        LOG.infof("Ruleset %d (version %s, %d rules) now serves", version.id, version.version, ruleset.sources().size());
    }

    private void keep(long id, Ruleset ruleset) {
        synchronized (builtDrafts) {
            builtDrafts.put(id, ruleset);
            while (builtDrafts.size() > BUILT_DRAFTS_KEPT) {
                builtDrafts.remove(builtDrafts.keySet().iterator().next());
            }
        }
    }
}
