package io.omnidecide.decision;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.omnidecide.facts.Customer;

/**
 * The customer fact a decision started from, as JSON: stored with the decision so that a draft
 * ruleset can later be simulated on exactly what the serving one saw. Only what the rules read is
 * kept; what they write (stage, segments, recommendation), the DMN results (recomputed by the
 * ruleset simulated) and what is derived is left out.
 */
public final class FactSnapshot {

    @JsonIgnoreProperties(value = {"lifecycleStage", "segments", "recommendedSku", "recommendedName", "hasRecommendation",
            "storeVisits30d", "emailConsent", "smsConsent", "pushConsent", "dmn"}, ignoreUnknown = true)
    private abstract static class InputsOnly {
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Collections without a setter are outputs; never fill them through their getter.
            .disable(MapperFeature.USE_GETTERS_AS_SETTERS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(Customer.class, InputsOnly.class)
            .build();

    private FactSnapshot() {
    }

    public static String write(Customer customer) {
        try {
            return MAPPER.writeValueAsString(customer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the customer fact cannot be written as JSON", e);
        }
    }

    /** A fresh fact, as it was before any rule ran; each call gives a new one to run rules on. */
    public static Customer read(String json) {
        try {
            return MAPPER.readValue(json, Customer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("recorded decision inputs cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
