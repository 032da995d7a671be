package io.omnidecide.decision;

import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Stage;
import io.omnidecide.facts.TracedFact;
import io.omnidecide.ruleset.Ruleset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One decision's working memory. Runs the pipeline's stages one at a time, each its own agenda
 * group, telling the engine before each stage that the facts changed (the previous stage wrote
 * segments, categories...). Stamps every effect a rule records with that rule's name.
 */
final class RuleSession implements AutoCloseable {

    /** Firings one stage may take; a table whose rules trigger each other forever stops here. */
    static final int MAX_FIRINGS_PER_STAGE = 10_000;

    private final KieSession session;
    private final List<FactHandle> handles = new ArrayList<>();
    /** The customer's change count when the engine last evaluated it. */
    private int customerChangesSeen;
    private final long deadline;
    private final Duration timeLimit;

    /**
     * @param deadline  the {@link System#nanoTime()} by which the decide must be done, checked before every firing
     * @param timeLimit the decide's time limit, for the problem when the deadline passes
     */
    RuleSession(Ruleset ruleset, long deadline, Duration timeLimit) {
        this.timeLimit = timeLimit;
        this.deadline = deadline;
        this.session = ruleset.newSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                String rule = event.getMatch().getRule().getName();
                for (Object fact : event.getMatch().getObjects()) {
                    if (fact instanceof TracedFact traced) {
                        traced.attributeTo(rule);
                    }
                }
            }
        });
    }

    void insert(Object fact) {
        handles.add(session.insert(fact));
        if (fact instanceof Customer customer) {
            customerChangesSeen = customer.changes();
        }
    }

    /**
     * Runs a stage after telling the engine which facts the previous stage changed. Candidates are
     * always re-evaluated (the pipeline sets some of their fields itself); the customer only when
     * rules changed what conditions read of it, which spares every table on Customer (a 10,000-row
     * eligibility table, say) from being evaluated again before each of the five stages.
     */
    void run(Stage stage) {
        for (FactHandle handle : handles) {
            Object fact = session.getObject(handle);
            if (fact instanceof Customer customer) {
                if (customer.changes() == customerChangesSeen) {
                    continue;
                }
                customerChangesSeen = customer.changes();
            }
            session.update(handle, fact);
        }
        fire(stage);
    }

    /** Runs a stage again for the facts given only; the others already went through it. */
    void rerun(Stage stage, List<?> changed) {
        for (Object fact : changed) {
            session.update(session.getFactHandle(fact), fact);
        }
        fire(stage);
    }

    private void fire(Stage stage) {
        session.getAgenda().getAgendaGroup(stage.agendaGroup()).setFocus();
        // Past the deadline the filter lets nothing more fire, so the stage ends at once.
        int fired = session.fireAllRules(match -> System.nanoTime() - deadline < 0, MAX_FIRINGS_PER_STAGE);
        if (System.nanoTime() - deadline >= 0) {
            throw new RuleTimeLimitException(stage, timeLimit);
        }
        if (fired >= MAX_FIRINGS_PER_STAGE) {
            throw new RuleLoopException(stage, fired);
        }
    }

    @Override
    public void close() {
        session.dispose();
    }
}
