package io.omnidecide.ruleset;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Drools' "unable to resolve method using strict-mode: io.omnidecide.facts.Customer.lifetimeValu()"
 * into what an analyst needs: "unknown field 'lifetimeValu' on Customer (did you mean 'lifetimeValue'?)".
 */
final class UnknownFieldHint {

    private static final Pattern UNRESOLVED = Pattern.compile("unable to resolve method using strict-mode: ([\\w.]+)\\.(\\w+)\\(\\)");

    private UnknownFieldHint() {
    }

    /** The field Drools could not resolve, as the analyst typed it. */
    static Optional<String> field(String droolsMessage) {
        Matcher m = UNRESOLVED.matcher(droolsMessage);
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }

    static Optional<String> of(String droolsMessage) {
        Matcher m = UNRESOLVED.matcher(droolsMessage);
        if (!m.find()) {
            return Optional.empty();
        }
        Class<?> type;
        try {
            type = Class.forName(m.group(1), false, UnknownFieldHint.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        String field = m.group(2);
        List<String> fields = properties(type);
        return Optional.of(suggest("unknown field '" + field + "' on " + type.getSimpleName(), field, fields));
    }

    /** The hint with the closest known name, "(did you mean 'lifetimeValue'?)", or the whole list when none is close. */
    static String suggest(String hint, String name, List<String> known) {
        return suggest(hint, name, known, "fields");
    }

    /** As {@link #suggest(String, String, List)}, the whole list named as given ("declared segments"). */
    static String suggest(String hint, String name, List<String> known, String listName) {
        return known.stream().min(Comparator.comparingInt(f -> distance(f.toLowerCase(), name.toLowerCase())))
                .filter(best -> distance(best.toLowerCase(), name.toLowerCase()) <= Math.max(2, name.length() / 3))
                .map(best -> hint + " (did you mean '" + best + "'?)")
                .orElse(hint + "; " + listName + ": " + known);
    }

    /** Bean properties a condition can read: getX() and isX() without parameters. */
    private static List<String> properties(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(method -> method.getParameterCount() == 0 && method.getDeclaringClass() != Object.class)
                .map(Method::getName)
                .filter(name -> name.startsWith("get") && name.length() > 3 || name.startsWith("is") && name.length() > 2)
                .map(name -> Introspector.decapitalize(name.substring(name.startsWith("get") ? 3 : 2)))
                .distinct().sorted().toList();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
