package io.omnidecide.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why an action was chosen or held back: the stage, the rule, where it is written (file and row
 * or line), what it checks and what it did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String stage, String rule, String source, String when, String then) {
}
