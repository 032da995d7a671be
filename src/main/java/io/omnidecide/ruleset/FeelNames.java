package io.omnidecide.ruleset;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kie.dmn.feel.runtime.FEELFunction;
import org.kie.dmn.feel.runtime.functions.BuiltInFunctions;
import org.kie.dmn.feel.runtime.functions.extended.KieExtendedDMNFunctions;
import org.kie.dmn.feel.util.StringEvalHelper;

/**
 * The names a DMN model may define, call and read through a dot. Names are checked as the engine
 * sees them at run time (whitespace normalised by the engine's own helper), so odd spaces cannot
 * make two names of one.
 */
final class FeelNames {

    /** Words of FEEL's grammar: a name made of them could hide a construct from a parse that groups words differently. */
    private static final Set<String> KEYWORDS = Set.of("for", "return", "if", "then", "else", "some", "every", "satisfies", "instance",
            "of", "function", "external", "or", "and", "between", "not", "null", "true", "false", "in", "undefined");

    /** Letters, digits and underscores, words separated by single spaces: nothing the FEEL lexer reads as an operator. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(?: [\\p{L}\\p{N}_]+)*");

    /** Every function the engine's FEEL knows by name (DMN built-ins and the KIE extensions), allowed or not. */
    static final Set<String> BUILT_INS = Stream.concat(Arrays.stream(BuiltInFunctions.getFunctions()),
            Arrays.stream(KieExtendedDMNFunctions.getFunctions())).map(FEELFunction::getName).collect(Collectors.toUnmodifiableSet());

    /**
     * The DMN 1.5 built-ins a model may call: each is pure and costs at most a pass over its
     * arguments. Not here: the regular-expression functions (matches, replace, split: a pattern can
     * backtrack for exponential time on a customer's text), decision table (builds a table at run
     * time), list replace (calls a function value), and the KIE extensions (invoke evaluates any
     * decision by name, so a decision could call itself; code, nn ...).
     */
    static final Set<String> ALLOWED_BUILT_INS = Set.of("abs", "after", "all", "any", "append", "before", "ceiling", "coincides",
            "concatenate", "contains", "context", "context merge", "context put", "count", "date", "date and time", "day of week",
            "day of year", "decimal", "distinct values", "duration", "during", "ends with", "even", "exp", "finished by", "finishes",
            "flatten", "floor", "get entries", "get value", "includes", "index of", "insert before", "is", "list contains", "log",
            "lower case", "max", "mean", "median", "meets", "met by", "min", "mode", "modulo", "month of year", "not", "now", "number",
            "odd", "overlaps", "overlaps after", "overlaps before", "product", "range", "remove", "reverse", "round down",
            "round half down", "round half up", "round up", "sort", "sqrt", "started by", "starts", "starts with", "stddev", "string",
            "string join", "string length", "sublist", "substring", "substring after", "substring before", "sum", "time", "today",
            "union", "upper case", "week of year", "years and months duration");

    /** Why a built-in is not on the list, for the problem an analyst reads. */
    private static final Map<String, String> REFUSED_BUILT_INS = Map.of(
            "matches", "regular expressions can take exponential time on a customer's text; use contains, starts with or ends with",
            "replace", "regular expressions can take exponential time on a customer's text",
            "split", "its delimiter is a regular expression, which can take exponential time on a customer's text",
            "decision table", "it builds a decision table at run time; write the table in the model",
            "list replace", "it calls a function value",
            "invoke", "it evaluates any decision by name at run time, so a decision could call itself");

    /** What FEEL reads after a dot on a date, time, duration or range (the engine answers these without reflection). */
    static final Set<String> FEEL_PROPERTIES = Set.of("year", "month", "day", "weekday", "hour", "minute", "second", "time offset",
            "timezone", "value", "years", "months", "days", "hours", "minutes", "seconds", "start", "end", "start included",
            "end included");

    /** Names the engine binds itself: the input of a unary test, a filter's item, a for loop's results so far. */
    static final Set<String> IMPLICIT = Set.of("?", "item", "partial");

    /**
     * On any other value (a string, a number, a boolean, a list) the engine's FEEL reads {@code x.name}
     * by calling the public method {@code getName()}, {@code name()} or {@code isName()} of the Java
     * object, and inside a filter it resolves a bare name the same way on each item: {@code x.class},
     * {@code s.bytes} or {@code l.stream} would reach Java. So no name a model defines, reads through
     * a dot or reads inside a filter may be one of those methods of the Java classes behind FEEL values.
     */
    private static final Set<String> JAVA_METHODS = javaMethods(Object.class, String.class, Boolean.class, BigDecimal.class,
            BigInteger.class, Integer.class, Long.class, Double.class, ArrayList.class, LinkedList.class, List.of().getClass(),
            List.of(1).getClass(), List.of(1, 2, 3).getClass(), Arrays.asList().getClass(), Collections.emptyList().getClass(),
            Collections.unmodifiableList(new ArrayList<>()).getClass(), new ArrayList<>().subList(0, 0).getClass(), HashMap.class);

    private FeelNames() {
    }

    /** The name as the engine looks it up at run time. */
    static String normalize(String name) {
        return StringEvalHelper.normalizeVariableName(name);
    }

    /** Why a name the model defines (element, parameter, context key, loop variable...) is refused, or null when it may be used. */
    static String problem(String name) {
        if (!NAME.matcher(name).matches()) {
            return "'" + name + "' is not a name this service accepts: use letters, digits and underscores, words separated by single spaces";
        }
        for (String word : name.split(" ")) {
            if (KEYWORDS.contains(word)) {
                return "'" + name + "' contains the FEEL keyword '" + word + "': rename it";
            }
        }
        if (isJavaMethod(name)) {
            return "'" + name + "' is also a method of the Java objects behind FEEL values, which the engine would call to read it: rename it";
        }
        return null;
    }

    static boolean isJavaMethod(String name) {
        return !name.isEmpty() && JAVA_METHODS.contains(Character.toLowerCase(name.charAt(0)) + name.substring(1));
    }

    /** Why a built-in may not be called, or null when it may. */
    static String refusedBuiltIn(String name) {
        if (ALLOWED_BUILT_INS.contains(name)) {
            return null;
        }
        return REFUSED_BUILT_INS.getOrDefault(name, "it is a KIE extension, not a DMN 1.5 built-in");
    }

    /**
     * Every name under which the engine reaches a public no-argument method (static ones too: it
     * invokes whatever it finds): the method's own name and,
     * for getX() and isX(), x. The engine upper-cases the first letter, so names are kept with a lower-case one.
     */
    private static Set<String> javaMethods(Class<?>... classes) {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : classes) {
            for (Method method : type.getMethods()) {
                if (method.getParameterCount() != 0) {
                    continue;
                }
                String name = method.getName();
                names.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
                for (String prefix : List.of("get", "is")) {
                    if (name.length() > prefix.length() && name.startsWith(prefix)) {
                        String property = name.substring(prefix.length());
                        names.add(property.substring(0, 1).toLowerCase(Locale.ROOT) + property.substring(1));
                    }
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
