package io.omnidecide.ruleset;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ids a ruleset declares, by kind (segment, action, category, lifecycle stage, DMN decision) with
 * the fixed ones (channel, consent status, language): what a rule or a scenario may name.
 */
public record DeclaredIds(Map<String, Set<String>> byKind) {

    public DeclaredIds {
        byKind = Map.copyOf(byKind);
    }

    /** The problem with naming this id, in the compiler's words with a "did you mean", or empty when it is declared. */
    public Optional<String> unknown(String kind, String id) {
        Set<String> known = byKind.getOrDefault(kind, Set.of());
        return known.contains(id) ? Optional.empty() : Optional.of(RulesetReferences.unknownMessage(kind, id, known));
    }
}
