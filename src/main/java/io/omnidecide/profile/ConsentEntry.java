package io.omnidecide.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A customer's consent on one channel: granted, denied or unknown, with where and when it was given. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentEntry(String status, String source, Instant updatedAt) implements java.io.Serializable {

    public static final java.util.List<String> STATUSES = java.util.List.of("granted", "denied", "unknown");
}
