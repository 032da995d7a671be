package io.omnidecide.publishing;

import com.fasterxml.jackson.core.type.TypeReference;
import io.omnidecide.json.JsonColumns;
import java.io.IOException;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetProblem;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Ruleset versions, their files and the audit trail in the database. */
@ApplicationScoped
public class RulesetStore {

    @Transactional
    public RulesetVersion saveDraft(List<RulesetFile> files, String version, RulesetBuilds.Built built, Long baseId, String source,
            String author, String comment, Instant now) {
        RulesetVersion draft = new RulesetVersion();
        draft.version = version;
        draft.status = RulesetVersion.DRAFT;
        draft.valid = built.valid();
        draft.problems = JsonColumns.write(built.problems());
        draft.warnings = JsonColumns.write(built.warnings());
        draft.baseId = baseId;
        draft.source = source;
        draft.author = author;
        draft.comment = comment;
        draft.createdAt = now;
        draft.persist();
        for (RulesetFile file : files) {
            RulesetVersionFile row = new RulesetVersionFile();
            row.rulesetId = draft.id;
            row.path = file.path();
            row.content = file.content();
            row.persist();
        }
        return draft;
    }

    @Transactional
    public Optional<RulesetVersion> find(long id) {
        return RulesetVersion.findByIdOptional(id);
    }

    @Transactional
    public Optional<RulesetVersion> published() {
        return RulesetVersion.find("status", RulesetVersion.PUBLISHED).firstResultOptional();
    }

    /** Newest first. */
    @Transactional
    public List<RulesetVersion> list() {
        return RulesetVersion.listAll(Sort.descending("id"));
    }

    @Transactional
    public List<RulesetFile> files(long id) {
        return RulesetVersionFile.<RulesetVersionFile>list("rulesetId", Sort.ascending("path"), id).stream()
                .map(f -> new RulesetFile(f.path, f.content)).toList();
    }

    public static List<RulesetProblem> problems(RulesetVersion version) {
        return read(version.problems, version);
    }

    public static List<RulesetProblem> warnings(RulesetVersion version) {
        return read(version.warnings, version);
    }

    private static List<RulesetProblem> read(String json, RulesetVersion version) {
        try {
            return JsonColumns.MAPPER.readValue(json, new TypeReference<List<RulesetProblem>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("stored problems of ruleset " + version.id + " are not JSON", e);
        }
    }

    @Transactional
    public RulesetSimulation saveSimulation(long rulesetId, long baseId, String actor, boolean scenariosRun, int scenariosFailing,
            String summary, Instant now) {
        RulesetSimulation simulation = new RulesetSimulation();
        simulation.rulesetId = rulesetId;
        simulation.baseId = baseId;
        simulation.actor = actor;
        simulation.scenariosRun = scenariosRun;
        simulation.scenariosFailing = scenariosFailing;
        simulation.summary = summary;
        simulation.at = now;
        simulation.persist();
        return simulation;
    }

    @Transactional
    public Optional<RulesetSimulation> latestSimulation(long rulesetId) {
        return RulesetSimulation.latestOf(rulesetId);
    }

    /**
     * Makes a version the published one and retires the one before, in one transaction; the row lock
     * on the published version keeps two publishers, on any instance, from both winning.
     */
    @Transactional
    public RulesetVersion makeServing(long id, String action, String actor, String comment, ApprovalGate.Approval approval, Instant now) {
        List<RulesetVersion> serving = RulesetVersion.find("status", RulesetVersion.PUBLISHED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        RulesetVersion next = RulesetVersion.findById(id);
        for (RulesetVersion previous : serving) {
            previous.status = RulesetVersion.RETIRED;
            previous.retiredAt = now;
        }
        next.status = RulesetVersion.PUBLISHED;
        next.publishedAt = now;
        next.retiredAt = null;
        RulesetAudit audit = new RulesetAudit();
        audit.rulesetId = id;
        audit.action = action;
        audit.actor = actor;
        audit.comment = comment;
        audit.replacedId = serving.isEmpty() ? null : serving.get(0).id;
        audit.at = now;
        if (approval != null) {
            audit.simulationId = approval.simulation().id;
            audit.simulatedBy = approval.simulation().actor;
            audit.simulationSummary = approval.simulation().summary;
            audit.overrideReason = approval.overrideReason();
        }
        audit.persist();
        return next;
    }

    /** The latest version read from the folders: the seed or a live-reload draft. */
    @Transactional
    public Optional<RulesetVersion> lastFromFiles() {
        return RulesetVersion.<RulesetVersion>find("source in ?1", Sort.descending("id"), List.of("seed", "files")).firstResultOptional();
    }

    /** The latest publish or rollback. */
    @Transactional
    public Optional<RulesetAudit> lastAudit() {
        return RulesetAudit.<RulesetAudit>findAll(Sort.descending("id")).firstResultOptional();
    }

    /** Newest first. */
    @Transactional
    public List<RulesetAudit> audit() {
        return RulesetAudit.listAll(Sort.descending("id"));
    }
}
