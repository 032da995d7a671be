package io.omnidecide.json;

import io.omnidecide.profile.CartItem;
import io.omnidecide.profile.ConsentEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * JSON documents stored in text columns, one converter per shape. Text rather than a JSON column
 * type keeps one migration for H2 and PostgreSQL.
 */
public final class JsonColumns {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonColumns() {
    }

    abstract static class Json<T> implements AttributeConverter<T, String> {
        private final TypeReference<T> type;

        Json(TypeReference<T> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(T value) {
            try {
                return MAPPER.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot store value as JSON", e);
            }
        }

        @Override
        public T convertToEntityAttribute(String column) {
            try {
                return MAPPER.readValue(column == null || column.isBlank() ? emptyJson() : column, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored JSON cannot be read", e);
            }
        }

        abstract String emptyJson();
    }

    @Converter
    public static class Traits extends Json<LinkedHashMap<String, Object>> {
        public Traits() { super(new TypeReference<>() { }); }
        @Override String emptyJson() { return "{}"; }
    }

    @Converter
    public static class Consents extends Json<TreeMap<String, ConsentEntry>> {
        public Consents() { super(new TypeReference<>() { }); }
        @Override String emptyJson() { return "{}"; }
    }

    @Converter
    public static class Strings extends Json<ArrayList<String>> {
        public Strings() { super(new TypeReference<>() { }); }
        @Override String emptyJson() { return "[]"; }
    }

    @Converter
    public static class SortedStrings extends Json<TreeSet<String>> {
        public SortedStrings() { super(new TypeReference<>() { }); }
        @Override String emptyJson() { return "[]"; }
    }

    @Converter
    public static class Cart extends Json<ArrayList<CartItem>> {
        public Cart() { super(new TypeReference<>() { }); }
        @Override String emptyJson() { return "[]"; }
    }

    /** For callers that need the same mapping outside an entity (event properties, decision log). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write value as JSON", e);
        }
    }

    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
