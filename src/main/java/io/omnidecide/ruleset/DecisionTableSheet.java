package io.omnidecide.ruleset;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The cells of one sheet of a decision table as text (a CSV file is one sheet without a name),
 * kept so that a problem in generated rules can be traced back to the cell an analyst typed.
 */
public record DecisionTableSheet(String name, List<List<String>> rows) {

    /** The cell text, or "" past the edge. Row and column are 1-based as a spreadsheet shows. */
    String cell(int row, int column) {
        if (row < 1 || row > rows.size()) {
            return "";
        }
        List<String> cells = rows.get(row - 1);
        return column < 1 || column > cells.size() ? "" : cells.get(column - 1);
    }

    int width(int row) {
        return row < 1 || row > rows.size() ? 0 : rows.get(row - 1).size();
    }

    /** Whether the sheet holds a rule table at all (a workbook may carry notes sheets). */
    boolean hasRuleTable() {
        return rows.stream().flatMap(List::stream).anyMatch(text -> text.trim().startsWith("RuleTable"));
    }

    /** The first cell, row by row, whose text contains the token: where an analyst typed it (maybe a header snippet). */
    public String cellContaining(String token) {
        return cellContaining(token, null);
    }

    /** As {@link #cellContaining(String)}, looking first in the given row (a rule's own values), when there is one. */
    String cellContaining(String token, Integer preferredRow) {
        // Whole words only: a misspelt 'lifetimeValu' must not be found inside 'lifetimeValue'.
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(token) + "(?!\\w)");
        if (preferredRow != null) {
            for (int column = 1; column <= width(preferredRow); column++) {
                if (word.matcher(cell(preferredRow, column)).find()) {
                    return columnName(column) + preferredRow;
                }
            }
        }
        for (int row = 1; row <= rows.size(); row++) {
            for (int column = 1; column <= width(row); column++) {
                if (word.matcher(cell(row, column)).find()) {
                    return columnName(column) + row;
                }
            }
        }
        return null;
    }

    /** Spreadsheet column name: 1 -> A, 27 -> AA. */
    public static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }
}
