package io.omnidecide.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of one DMN decision for the customer, as rules read it ({@code dmn["valueTier"]}), and
 * where it came from: the model file, decision and decision table rule ("decision-tables/value-tier.dmn
 * decision valueTier rule 2"), the rule's input entries and its output. No rule when none matched.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DmnResult(String decision, Object value, String rule, String source, String when, String then) {

    DmnResult(String decision, Object value, Reason reason) {
        this(decision, value, reason.rule(), reason.source(), reason.when(), reason.then());
    }
}
