package io.omnidecide.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A body that does not bind, told as the field that is wrong and what it accepts: an unknown field
 * with the fields the object takes, a wrong type with the type wanted. Syntax errors say where.
 */
final class BindingProblems {

    private static final String INVALID_REQUEST = "https://omnidecide.io/problems/invalid-request";

    private BindingProblems() {
    }

    static Problem of(JsonProcessingException e, String instance) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return invalid(instance, field, "unknown field '" + field + "'" + (known.isEmpty() ? "" : "; this object takes: " + known), known);
        }
        if (e instanceof MismatchedInputException mismatch && !field.isEmpty() && mismatch.getTargetType() != null) {
            String accepts = accepted(mismatch.getTargetType());
            return invalid(instance, field, "field '" + field + "' must be " + accepts, accepts);
        }
        if (!field.isEmpty() && e.getCause() instanceof InputCoercionException outOfRange && outOfRange.getTargetType() != null) {
            String accepts = accepted(outOfRange.getTargetType()) + " in range";
            return invalid(instance, field, "field '" + field + "' must be " + accepts, accepts);
        }
        if (!field.isEmpty()) {
            return invalid(instance, field, "field '" + field + "' has the wrong type or format", null);
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return new Problem("https://omnidecide.io/problems/invalid-json", "The request body cannot be read", 400,
                "the body is not valid JSON" + where + ": " + e.getOriginalMessage(), instance, Map.of());
    }

    private static Problem invalid(String instance, String field, String detail, String accepts) {
        return new Problem(INVALID_REQUEST, "The request is not valid", 400, detail, instance,
                accepts == null || accepts.isEmpty() ? Map.of("field", field) : Map.of("field", field, "accepts", accepts));
    }

    /** The JSON a Java type binds from, in a channel developer's words. */
    static String accepted(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time such as 2026-11-24T10:15:30Z";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** "actions[2].channel" from Jackson's reference chain. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
