package io.omnidecide.ruleset;

import io.omnidecide.facts.Customer;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a DMN model may take as input: the Customer's fields as they stand before the segment stage,
 * by their names in docs/fact-model.md. Fields the rules write later (lifecycle stage, segments,
 * recommendation) and the DMN results themselves are not inputs: they are not known yet.
 */
final class DmnInputs {

    private static final Set<String> NOT_INPUTS = Set.of("class", "lifecycleStage", "segments", "recommendedSku", "recommendedName",
            "hasRecommendation", "interactions", "dmn");

    private static final Map<String, Method> GETTERS = getters();

    private DmnInputs() {
    }

    static boolean isInput(String name) {
        return GETTERS.containsKey(name);
    }

    static List<String> names() {
        return List.copyOf(GETTERS.keySet());
    }

    /** The FEEL type of a field: number, string, boolean, or null for lists and maps (any declared type is taken). */
    static String feelType(String name) {
        Class<?> type = GETTERS.get(name).getReturnType();
        if (type == String.class) {
            return "string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        return type.isPrimitive() || Number.class.isAssignableFrom(type) ? "number" : null;
    }

    /** The field's value as FEEL sees it: numbers as BigDecimal, sets as lists. */
    static Object read(Customer customer, String name) {
        Object value;
        try {
            value = GETTERS.get(name).invoke(customer);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read Customer." + name, e);
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof Set<?> set) {
            return List.copyOf((Collection<?>) set);
        }
        return value;
    }

    private static Map<String, Method> getters() {
        try {
            Map<String, Method> getters = new TreeMap<>();
            Arrays.stream(Introspector.getBeanInfo(Customer.class).getPropertyDescriptors())
                    .filter(p -> p.getReadMethod() != null && !NOT_INPUTS.contains(p.getName()))
                    .forEach((PropertyDescriptor p) -> getters.put(p.getName(), p.getReadMethod()));
            return Collections.unmodifiableMap(getters);
        } catch (IntrospectionException e) {
            throw new IllegalStateException("Customer is a plain bean", e);
        }
    }
}
