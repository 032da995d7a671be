package io.omnidecide.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Why one item of a batch was not stored: its position, the field at fault, and the reason. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventRejection(int index, String id, String field, String reason) {
}
