package io.omnidecide.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something wrong in an analyst's file, located as precisely as the source allows: file always;
 * sheet, cell and row for spreadsheets; line for DRL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesetProblem(String file, String sheet, String cell, Integer row, Integer line, String message) {

    public static RulesetProblem inFile(String file, String message) {
        return new RulesetProblem(file, null, null, null, null, message);
    }

    /** One line an operator reads in a log: "decision-tables/x.drl.csv, cell D14: message". */
    public String describe() {
        StringBuilder where = new StringBuilder(file == null ? "ruleset" : file);
        if (sheet != null) {
            where.append(", sheet ").append(sheet);
        }
        if (cell != null) {
            where.append(", cell ").append(cell);
        } else if (row != null) {
            where.append(", row ").append(row);
        }
        if (line != null) {
            where.append(", line ").append(line);
        }
        return where + ": " + message;
    }
}
