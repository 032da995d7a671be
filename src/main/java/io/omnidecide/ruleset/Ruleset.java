package io.omnidecide.ruleset;

import io.omnidecide.facts.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * An immutable, compiled set of analysts' rules, tables and DMN models. Built off the request path
 * and swapped in whole; decides in flight keep the instance they started with. What a decide reads
 * of its rules besides the engine (where each rule is written, the DMN results its condition reads,
 * the channels each action may use) is worked out once here, not per decide.
 */
public final class Ruleset {

    /** A condition reading a DMN result: dmn["valueTier"]. */
    private static final Pattern DMN_READ = Pattern.compile("dmn\\[\"([^\"]+)\"\\]");
    /** An actions-table row as the compiler writes its condition: the action's id and nothing else. */
    private static final Pattern ACTION_ONLY = Pattern.compile("\\$(\\w+) : Candidate\\(actionId == \"([^\"\\\\]+)\"\\)");
    private static final String ALLOW_CHANNELS = "allowChannels(";

    /**
     * What a decision cites of a rule.
     *
     * @param location "decision-tables/eligibility.drl.csv row 12" and the like ({@link RuleSource#location()})
     * @param dmnReads the DMN decisions its condition reads, in the order it reads them (repeats kept)
     */
    public record Citation(String location, String when, String then, List<String> dmnReads) {
    }

    private final String version;
    private final Instant builtAt;
    private final List<String> files;
    private final KieBase kieBase;
    private final Map<String, RuleSource> sources;
    private final DmnModels dmn;
    private final List<RulesetProblem> warnings;
    private final Map<String, Citation> citations = new HashMap<>();
    private final Map<String, List<String>> channelsByAction;
    /**
     * Sessions emptied between decides: creating one per decide cost more than its stages on the
     * starter pack, and the engine's own pool resets every node memory of the network on return
     * (a fifth of a decide's time with a 10,000-row table), where deleting the decide's few facts
     * empties the same memories. At most {@link #IDLE_SESSIONS} wait; more are disposed.
     */
    private final Queue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private static final int IDLE_SESSIONS = 64;

    /**
     * @param version content hash of the files, recorded on every decision
     * @param files   the analyst files it was built from, by path
     * @param sources where each rule (and each DMN decision table rule) came from, by rule name
     * @param dmn     the DMN models, evaluated before the segment stage
     * @param warnings what is valid but worth a look (a blank row skipped, an id nothing uses)
     */
    public Ruleset(String version, Instant builtAt, List<String> files, KieBase kieBase, Map<String, RuleSource> sources, DmnModels dmn,
            List<RulesetProblem> warnings) {
        this.version = version;
        this.builtAt = builtAt;
        this.files = List.copyOf(files);
        this.kieBase = kieBase;
        this.sources = Map.copyOf(sources);
        this.dmn = dmn;
        this.warnings = List.copyOf(warnings);
        sources.forEach((name, source) -> citations.put(name, citation(source)));
        this.channelsByAction = channelsByAction(kieBase, this.sources);
    }

    public Ruleset(String version, Instant builtAt, List<String> files, KieBase kieBase, Map<String, RuleSource> sources) {
        this(version, builtAt, files, kieBase, sources, DmnModels.NONE, List.of());
    }

    public String version() { return version; }
    public Instant builtAt() { return builtAt; }
    public List<String> files() { return files; }
    public KieBase kieBase() { return kieBase; }
    public Map<String, RuleSource> sources() { return sources; }
    public DmnModels dmn() { return dmn; }
    public List<RulesetProblem> warnings() { return warnings; }

    /** The ids its rules declare (segments, actions, stages...), for checking what scenarios name. */
    public DeclaredIds declaredIds() {
        return RulesetReferences.declared(sources, dmn.decisionNames());
    }

    /** How many rules each file holds (table rows, DRL rules, DMN decision table rules), by path. */
    public Map<String, Integer> ruleCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        files.forEach(file -> counts.put(file, 0));
        sources.values().forEach(source -> counts.merge(source.file(), 1, Integer::sum));
        return counts;
    }

    /** A session with empty working memory; give it back with {@link #returnSession}. */
    public KieSession borrowSession() {
        KieSession session = idle.poll();
        if (session == null) {
            return kieBase.newKieSession();
        }
        idleCount.decrementAndGet();
        return session;
    }

    /**
     * Empties the session (every fact deleted, whoever inserted it, also after a stage that ended in a
     * problem) and keeps it for the next decide. The engine's session
     * registry holds every session of the KieBase, so a session is never simply dropped: one not
     * kept is disposed.
     */
    public void returnSession(KieSession session) {
        try {
            // Deleting the facts takes their matches off the agenda too. (Agenda.clear() would not do:
            // it drops the rules' queued network evaluations, and they would never fire again.)
            for (FactHandle fact : new ArrayList<FactHandle>(session.getFactHandles())) {
                session.delete(fact);
            }
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
        if (session.getFactCount() == 0 && idleCount.incrementAndGet() <= IDLE_SESSIONS) {
            idle.offer(session);
        } else {
            idleCount.decrementAndGet();
            session.dispose();
        }
    }

    /** The source of a rule; rules always have one, since every rule comes from a file. */
    public RuleSource source(String ruleName) {
        return sources.get(ruleName);
    }

    /** What a decision cites of a rule, or null for a name no file defines. */
    public Citation citation(String ruleName) {
        return citations.get(ruleName);
    }

    /**
     * The channels the actions table lets an action go out on, in its order; null when the rules do
     * not say so plainly, so that every channel must be tried through the catalog stage. Plainly: the
     * only rule calling {@code allowChannels} for the action is a catalog rule whose whole condition is
     * its action id, with the channels written out.
     */
    public List<String> channelsOf(String actionId) {
        return channelsByAction.get(actionId);
    }

    private static Citation citation(RuleSource source) {
        List<String> reads = new ArrayList<>();
        if (source.when() != null) {
            Matcher read = DMN_READ.matcher(source.when());
            while (read.find()) {
                reads.add(read.group(1));
            }
        }
        return new Citation(source.location(), source.when(), source.then(), List.copyOf(reads));
    }

    private static Map<String, List<String>> channelsByAction(KieBase kieBase, Map<String, RuleSource> sources) {
        Map<String, List<String>> channels = new HashMap<>();
        Set<String> unclear = new HashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleSource source = sources.get(rule.getName());
                String then = source == null ? null : source.then();
                if (then == null || !then.contains(ALLOW_CHANNELS)) {
                    continue;
                }
                Matcher when = ACTION_ONLY.matcher(source.when() == null ? "" : source.when());
                if (!when.matches()) {
                    // Which actions this rule opens channels for is known only when it runs: nothing is derived.
                    return Map.of();
                }
                String action = when.group(2);
                Matcher call = Pattern.compile(Pattern.quote("$" + when.group(1) + "." + ALLOW_CHANNELS) + "\"([^\"\\\\]*)\"\\);").matcher(then);
                boolean plain = Stage.CATALOG.agendaGroup().equals(((RuleImpl) rule).getAgendaGroup()) && call.find()
                        && then.indexOf(ALLOW_CHANNELS, then.indexOf(ALLOW_CHANNELS) + 1) < 0;
                if (!plain || channels.containsKey(action)) {
                    unclear.add(action);
                } else {
                    // As Candidate.allowChannels reads the list.
                    channels.put(action, Arrays.stream(call.group(1).split(",")).map(String::trim).toList());
                }
            }
        }
        unclear.forEach(channels::remove);
        return Map.copyOf(channels);
    }
}
