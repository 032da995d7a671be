package io.omnidecide.decision;

import io.omnidecide.facts.Stage;
import io.omnidecide.facts.TracedFact;
import io.omnidecide.ruleset.Ruleset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * One decision's working memory, on a session borrowed from the ruleset's pool. Runs the
 * pipeline's stages one at a time, each its own agenda group, telling the engine before each stage
 * which facts the previous stage changed (it wrote segments, categories...). Stamps every effect a
 * rule records with that rule's name.
 */
final class RuleSession implements AutoCloseable {

    /** Firings one stage may take; a table whose rules trigger each other forever stops here. */
    static final int MAX_FIRINGS_PER_STAGE = 10_000;

    private final Ruleset ruleset;
    private final KieSession session;
    private final List<TracedFact> facts = new ArrayList<>();
    private final List<FactHandle> handles = new ArrayList<>();
    /** Each fact's change count when the engine last evaluated it, by position in {@link #facts}. */
    private int[] changesSeen = new int[16];
    private final long deadline;
    private final Duration timeLimit;

    /**
     * @param deadline  the {@link System#nanoTime()} by which the decide must be done, checked before every firing
     * @param timeLimit the decide's time limit, for the problem when the deadline passes
     */
    RuleSession(Ruleset ruleset, long deadline, Duration timeLimit) {
        this.ruleset = ruleset;
        this.timeLimit = timeLimit;
        this.deadline = deadline;
        this.session = ruleset.borrowSession();
    }

    void insert(TracedFact fact) {
        if (facts.size() == changesSeen.length) {
            changesSeen = Arrays.copyOf(changesSeen, changesSeen.length * 2);
        }
        changesSeen[facts.size()] = fact.changes();
        facts.add(fact);
        handles.add(session.insert(fact));
    }

    /**
     * Runs a stage after telling the engine which facts changed since it last evaluated them: only
     * those whose change count moved (the rules or the pipeline set something conditions read). An
     * unchanged fact would match as before, and re-evaluating it costs every condition on its type
     * (a 10,000-row eligibility table on the customer, say) once more per stage.
     */
    void run(Stage stage) {
        for (int i = 0; i < facts.size(); i++) {
            TracedFact fact = facts.get(i);
            if (fact.changes() != changesSeen[i]) {
                changesSeen[i] = fact.changes();
                session.update(handles.get(i), fact);
            }
        }
        fire(stage);
    }

    /**
     * Runs a stage again for the facts given only; the others already went through it (and the
     * stage's own writes on them must not make its rules fire on them twice).
     */
    void rerun(Stage stage, List<? extends TracedFact> changed) {
        for (TracedFact fact : changed) {
            int i = facts.indexOf(fact);
            changesSeen[i] = fact.changes();
            session.update(handles.get(i), fact);
        }
        fire(stage);
    }

    private void fire(Stage stage) {
        session.getAgenda().getAgendaGroup(stage.agendaGroup()).setFocus();
        Attribution attribution = new Attribution();
        int fired = session.fireAllRules(attribution, MAX_FIRINGS_PER_STAGE);
        attribution.attributeLastFiring();
        if (System.nanoTime() - deadline >= 0) {
            throw new RuleTimeLimitException(stage, timeLimit);
        }
        if (fired >= MAX_FIRINGS_PER_STAGE) {
            throw new RuleLoopException(stage, fired);
        }
    }

    /**
     * Sees each match just before it fires: stamps the effects the previous firing recorded with that
     * rule's name, and past the deadline lets nothing more fire, so the stage ends at once. (An agenda
     * event listener could stamp them too, but makes the engine build two events per firing.)
     */
    private final class Attribution implements AgendaFilter {
        private String rule;
        private List<Object> facts = List.of();

        @Override
        public boolean accept(Match match) {
            attributeLastFiring();
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            rule = match.getRule().getName();
            facts = match.getObjects();
            return true;
        }

        void attributeLastFiring() {
            for (Object fact : facts) {
                if (fact instanceof TracedFact traced) {
                    traced.attributeTo(rule);
                }
            }
            facts = List.of();
        }
    }

    @Override
    public void close() {
        ruleset.returnSession(session);
    }
}
