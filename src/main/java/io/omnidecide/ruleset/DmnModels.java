package io.omnidecide.ruleset;

import io.omnidecide.facts.Customer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

/**
 * The ruleset's DMN models, compiled by the KIE DMN engine. Evaluated for each decision before the
 * segment stage: each model's inputs are read from the Customer by name, and each decision's result
 * is written back onto the Customer ({@code dmn["valueTier"]}), attributed to the decision table
 * rule that produced it so the decision can cite it.
 */
public final class DmnModels {

    public static final DmnModels NONE = new DmnModels(List.of());

    private static final Logger LOG = Logger.getLogger(DmnModels.class);

    /** The rules each decision table selected during the evaluation running on this thread. */
    private static final ThreadLocal<Map<String, List<Integer>>> SELECTED = new ThreadLocal<>();

    /** Records which rules a decision table selected; evaluation is synchronous, so a thread-local collects them. */
    static final DMNRuntimeEventListener SELECTED_RULES = new DMNRuntimeEventListener() {
        @Override
        public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
            Map<String, List<Integer>> selected = SELECTED.get();
            if (selected != null) {
                selected.put(event.getNodeName(), List.copyOf(event.getSelected()));
            }
        }
    };

    /** One compiled .dmn file and the Customer fields it reads. */
    record Model(String file, DMNRuntime runtime, DMNModel model, List<String> inputs) {
    }

    private final List<Model> models;

    DmnModels(List<Model> models) {
        this.models = List.copyOf(models);
    }

    /** The name under which the ruleset knows a decision table rule: "valueTier rule 2". */
    static String sourceName(String decision, int rule) {
        return decision + " rule " + rule;
    }

    /** Every decision of every model, by name: what {@code dmn["name"]} in a rule may read. */
    Set<String> decisionNames() {
        return models.stream().flatMap(m -> m.model().getDecisions().stream()).map(d -> d.getName()).collect(Collectors.toCollection(TreeSet::new));
    }

    public int size() {
        return models.size();
    }

    /**
     * Evaluates every model on the customer's fields and writes each decision's result onto the
     * customer. A decision that fails at run time (for example an output outside its declared values)
     * leaves its result empty and is logged; the rest of the decision goes on.
     *
     * <p>The KIE DMN runtime cannot be stopped part-way: it catches and logs what its event
     * listeners throw, its evaluators catch every Throwable, and nothing in it looks at the thread's
     * interrupt flag. So a model's evaluation is made provably small before the model is built
     * (no recursion, loops only over literal lists and ranges, at most {@link DmnBounds#MAX_ITERATIONS}
     * loop iterations and {@link DmnBounds#MAX_STEPS} expression evaluations), and the deadline is checked before and after
     * each model: a decide overruns its limit by at most one such bounded evaluation.
     *
     * @param deadline the {@link System#nanoTime()} by which the decide's rules and models must be done
     * @throws DmnTimeLimitException when the deadline has passed
     */
    public void evaluate(Customer customer, long deadline) {
        for (Model m : models) {
            if (System.nanoTime() - deadline >= 0) {
                throw new DmnTimeLimitException(m.file());
            }
            DMNContext context = m.runtime().newContext();
            m.inputs().forEach(name -> context.set(name, DmnInputs.read(customer, name)));
            Map<String, List<Integer>> selected = new HashMap<>();
            SELECTED.set(selected);
            DMNResult result;
            try {
                result = m.runtime().evaluateAll(m.model(), context);
            } finally {
                SELECTED.remove();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new DmnTimeLimitException(m.file());
            }
            for (DMNDecisionResult decision : result.getDecisionResults()) {
                String name = decision.getDecisionName();
                List<Integer> rules = selected.getOrDefault(name, List.of());
                String source = rules.size() == 1 ? sourceName(name, rules.get(0)) : name;
                if (decision.hasErrors()) {
                    LOG.warnf("%s, decision '%s' failed: %s", m.file(), name, decision.getMessages());
                }
                customer.recordDmnResult(name, decision.hasErrors() ? null : decision.getResult(), source);
            }
        }
    }
}
