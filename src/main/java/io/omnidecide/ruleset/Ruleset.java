package io.omnidecide.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * An immutable, compiled set of analysts' rules, tables and DMN models. Built off the request path
 * and swapped in whole; decides in flight keep the instance they started with.
 *
 * @param version content hash of the files, recorded on every decision
 * @param files   the analyst files it was built from, by path
 * @param sources where each rule (and each DMN decision table rule) came from, by rule name
 * @param dmn     the DMN models, evaluated before the segment stage
 */
public record Ruleset(String version, Instant builtAt, List<String> files, KieBase kieBase,
        Map<String, RuleSource> sources, DmnModels dmn) {

    public Ruleset(String version, Instant builtAt, List<String> files, KieBase kieBase, Map<String, RuleSource> sources) {
        this(version, builtAt, files, kieBase, sources, DmnModels.NONE);
    }

    public KieSession newSession() {
        return kieBase.newKieSession();
    }

    /** The source of a rule; rules always have one, since every rule comes from a file. */
    public RuleSource source(String ruleName) {
        return sources.get(ruleName);
    }
}
