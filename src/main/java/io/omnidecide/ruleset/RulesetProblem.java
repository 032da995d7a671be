package io.omnidecide.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something wrong in an analyst's file, located as precisely as the source allows: file always;
 * sheet, cell and row for spreadsheets; line for DRL; for a DMN model the element (for example
 * {@code decision 'valueTier'}), the decision table rule as {@code row} and the XML line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesetProblem(String file, String sheet, String cell, Integer row, Integer line, String message, String element) {

    public RulesetProblem(String file, String sheet, String cell, Integer row, Integer line, String message) {
        this(file, sheet, cell, row, line, message, null);
    }

    /** A problem in a DMN model: the element, and the rule of its decision table when known. */
    public static RulesetProblem inDmn(String file, String element, Integer rule, Integer line, String message) {
        return new RulesetProblem(file, null, null, rule, line, message, element);
    }

    public static RulesetProblem inFile(String file, String message) {
        return new RulesetProblem(file, null, null, null, null, message);
    }

    /**
     * One line an operator reads in a log: "decision-tables/x.drl.csv, cell D14: message", or
     * "decision-tables/value-tier.dmn, decision 'valueTier', rule 3, line 47: message".
     */
    public String describe() {
        StringBuilder where = new StringBuilder(file == null ? "ruleset" : file);
        if (sheet != null) {
            where.append(", sheet ").append(sheet);
        }
        if (element != null) {
            where.append(", ").append(element);
        }
        if (cell != null) {
            where.append(", cell ").append(cell);
        } else if (row != null) {
            where.append(element != null ? ", rule " : ", row ").append(row);
        }
        if (line != null) {
            where.append(", line ").append(line);
        }
        return where + ": " + message;
    }
}
