package io.omnidecide.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a rule came from and what it says, so that a decision can cite it: the table row (file,
 * sheet, row), DRL file and line, or DMN decision and decision table rule (element, row); and the
 * rule's conditions and actions as written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSource(String rule, String file, String sheet, Integer row, Integer line, String when, String then, String element) {

    public RuleSource(String rule, String file, String sheet, Integer row, Integer line, String when, String then) {
        this(rule, file, sheet, row, line, when, then, null);
    }

    /**
     * "decision-tables/eligibility.drl.csv row 12", "rules/guardrails.drl line 9" or
     * "decision-tables/value-tier.dmn decision valueTier rule 2".
     */
    public String location() {
        StringBuilder where = new StringBuilder(file);
        if (element != null) {
            where.append(' ').append(element);
            return (row == null ? where : where.append(" rule ").append(row)).toString();
        }
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
