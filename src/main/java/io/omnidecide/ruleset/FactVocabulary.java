package io.omnidecide.ruleset;

import io.omnidecide.facts.Candidate;
import io.omnidecide.facts.Customer;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What rules may say about each fact type (docs/fact-model.md): the properties conditions read,
 * the history counts they call, and the actions consequences call. Everything else is refused,
 * including the facts' own setters and every method of Object.
 */
enum FactVocabulary {

    CUSTOMER(Customer.class, Set.of(), Set.of("propose", "addSegment", "setLifecycleStage", "recommend")),
    CANDIDATE(Candidate.class, Set.of("impressions", "actionImpressions", "categoryImpressions"),
            Set.of("suppress", "setCategory", "setExpectedRate", "setValue", "allowChannels", "setHoldoutShare", "setSeveralPerDecision",
                    "setFallback", "setOutbound", "multiplyLever", "multiplyContextWeight", "setSubject", "setTitle", "setBody", "setCta", "setUrl"));

    /** Ids (segments, actions, stages, categories, SKUs) are words, not free text. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,80}");
    private static final Pattern ID_LIST = Pattern.compile("[A-Za-z0-9_.\\-]{1,80}(\\s*,\\s*[A-Za-z0-9_.\\-]{1,80}){0,20}");
    private static final Map<String, Pattern> ID_ACTIONS = Map.of("propose", ID, "addSegment", ID, "setLifecycleStage", ID, "setCategory", ID,
            "recommend", ID, "allowChannels", ID_LIST);

    private final Class<?> type;
    private final Map<String, Class<?>> properties;
    private final Map<String, Method> conditionCalls;
    private final Map<String, Method> actions;

    FactVocabulary(Class<?> type, Set<String> conditionCalls, Set<String> actions) {
        this.type = type;
        this.properties = readableProperties(type);
        this.conditionCalls = methods(type, conditionCalls);
        this.actions = methods(type, actions);
    }

    /** The fact type a pattern names: its simple name, or its name in io.omnidecide.facts. */
    static Optional<FactVocabulary> ofPattern(String objectType) {
        return Arrays.stream(values())
                .filter(fact -> fact.type.getSimpleName().equals(objectType) || fact.type.getName().equals(objectType))
                .findFirst();
    }

    static List<String> patternTypes() {
        return Arrays.stream(values()).map(FactVocabulary::simpleName).toList();
    }

    String simpleName() {
        return type.getSimpleName();
    }

    /** The type of a readable property, or null when the fact has none of that name. */
    Class<?> property(String name) {
        return properties.get(name);
    }

    List<String> propertyNames() {
        return List.copyOf(properties.keySet());
    }

    Method conditionCall(String name) {
        return conditionCalls.get(name);
    }

    Set<String> conditionCallNames() {
        return conditionCalls.keySet();
    }

    Method action(String name) {
        return actions.get(name);
    }

    Set<String> actionNames() {
        return actions.keySet();
    }

    /** What a text argument of an action must look like (an id, a list of ids), or null for free text such as copy. */
    static Pattern textOf(String action, int parameter) {
        return parameter == 0 ? ID_ACTIONS.get(action) : null;
    }

    /** Bean properties without parameters (getX, isX), as Drools reads them; getClass is not one. */
    private static Map<String, Class<?>> readableProperties(Class<?> type) {
        Map<String, Class<?>> properties = new TreeMap<>();
        for (Method method : type.getMethods()) {
            String name = method.getName();
            if (method.getParameterCount() != 0 || method.getDeclaringClass() == Object.class) {
                continue;
            }
            if (name.startsWith("get") && name.length() > 3) {
                properties.put(Introspector.decapitalize(name.substring(3)), method.getReturnType());
            } else if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
                properties.put(Introspector.decapitalize(name.substring(2)), boolean.class);
            }
        }
        return properties;
    }

    private static Map<String, Method> methods(Class<?> type, Set<String> names) {
        Map<String, Method> methods = new TreeMap<>();
        for (Method method : type.getMethods()) {
            if (names.contains(method.getName())) {
                methods.put(method.getName(), method);
            }
        }
        if (!methods.keySet().equals(names)) {
            throw new IllegalStateException(type.getSimpleName() + " lacks vocabulary methods: " + names);
        }
        return Collections.unmodifiableMap(methods);
    }
}
