package io.omnidecide.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fact that remembers what rules did to it, so that every decision can say which table row or
 * rule produced each segment, proposal, suppression and message. The fact records the effect; the
 * engine listener then stamps it with the rule that was firing.
 */
public abstract class TracedFact {

    private final List<FactEffect> effects = new ArrayList<>();
    private int changes;

    /** An effect that changes what conditions can read of the fact. */
    protected void record(String kind, String value) {
        effects.add(new FactEffect(kind, value));
        changes++;
    }

    /** An effect that conditions cannot see (it is only reported), so no rule needs to look again. */
    protected void recordUnseen(String kind, String value) {
        effects.add(new FactEffect(kind, value));
    }

    /** A change conditions can see that is not reported as an effect (a rate, a value, a flag). */
    protected void changed() {
        changes++;
    }

    /** An effect that did not come from a firing rule, attributed to its source at once. */
    protected void record(String kind, String value, String source) {
        FactEffect effect = new FactEffect(kind, value);
        effect.attributeTo(source);
        effects.add(effect);
        changes++;
    }

    /**
     * How many changes conditions can see have been made: the rule session re-evaluates a fact
     * between stages only when this moved. Not a bean getter so rules cannot match on it.
     */
    public int changes() {
        return changes;
    }

    /** Effects recorded so far, in firing order. Not a bean getter so rules cannot match on it. */
    public List<FactEffect> effects() {
        return Collections.unmodifiableList(effects);
    }

    /** Gives every effect recorded since the last call to the rule that just fired. */
    public void attributeTo(String ruleName) {
        for (FactEffect effect : effects) {
            if (effect.rule() == null) {
                effect.attributeTo(ruleName);
            }
        }
    }
}
