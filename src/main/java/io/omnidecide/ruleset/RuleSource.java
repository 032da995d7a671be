package io.omnidecide.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a rule came from and what it says, so that a decision can cite it: the table row (file,
 * sheet, row) or DRL file and line, and the rule's conditions and actions as written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSource(String rule, String file, String sheet, Integer row, Integer line, String when, String then) {

    /** "decision-tables/eligibility.drl.csv row 12" or "rules/guardrails.drl line 9". */
    public String location() {
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append(" sheet ").append(sheet);
        }
        if (row != null) {
            where.append(" row ").append(row);
        } else if (line != null) {
            where.append(" line ").append(line);
        }
        return where.toString();
    }
}
