package io.omnidecide.ruleset;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The variables one rule binds: facts ($c : Customer) and values ($n : orders). */
final class RuleScope {

    private static final Pattern VARIABLE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]{0,40}");

    /** Fact variables with their vocabulary; value variables map to empty. */
    private final Map<String, Optional<FactVocabulary>> variables = new HashMap<>();

    static boolean isVariableName(String name) {
        return name != null && VARIABLE.matcher(name).matches();
    }

    void bindFact(String name, FactVocabulary fact) {
        variables.put(name, Optional.of(fact));
    }

    void bindValue(String name) {
        variables.put(name, Optional.empty());
    }

    boolean isBound(String name) {
        return variables.containsKey(name);
    }

    /** The vocabulary of a bound fact variable, or empty. */
    Optional<FactVocabulary> fact(String name) {
        return variables.getOrDefault(name, Optional.empty());
    }
}
