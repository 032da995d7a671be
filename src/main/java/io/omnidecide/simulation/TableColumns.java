package io.omnidecide.simulation;

import io.omnidecide.ruleset.DecisionTableSheet;
import io.omnidecide.ruleset.TableLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The condition and action columns that went or came between two forms of a table, in words. A
 * deleted column builds (the rows read as they now stand) and quietly drops a condition from every
 * rule that had a value in it, so each such rule is named: "condition 'Last add to cart more than
 * (minutes ago)' removed from segments row 12".
 */
final class TableColumns {

    private TableColumns() {
    }

    static List<String> changes(String table, List<DecisionTableSheet> before, List<DecisionTableSheet> after) {
        Map<String, Located> old = columns(before);
        Map<String, Located> next = columns(after);
        List<String> changes = new ArrayList<>();
        old.forEach((key, was) -> {
            if (!next.containsKey(key)) {
                List<Integer> rows = was.table().ruleRows().stream().filter(row -> !cell(was, row).isBlank()).toList();
                changes.add(was.describe() + " removed" + (rows.isEmpty() ? " (no rule used it)"
                        : " from " + table + (rows.size() == 1 ? " row " : " rows ") + String.join(", ", rows.stream().map(String::valueOf).toList())));
            }
        });
        next.forEach((key, is) -> {
            if (!old.containsKey(key)) {
                changes.add(is.describe() + " added");
            }
        });
        return changes;
    }

    /** A column and where it stands. */
    private record Located(DecisionTableSheet sheet, TableLayout table, TableLayout.Column column) {
        String describe() {
            return (column.isCondition() ? "condition '" : column.isAction() ? "action '" : column.kind().toLowerCase() + " '")
                    + column.meaning() + "' (" + column.code() + ")";
        }
    }

    /** Columns by what they do (kind, object type and code), not where they stand: a moved column is the same column. */
    private static Map<String, Located> columns(List<DecisionTableSheet> sheets) {
        Map<String, Located> columns = new LinkedHashMap<>();
        for (DecisionTableSheet sheet : sheets) {
            for (TableLayout table : TableLayout.of(sheet)) {
                for (TableLayout.Column column : table.columns()) {
                    columns.putIfAbsent(table.name() + "\u001f" + column.kind() + "\u001f" + column.objectType() + "\u001f" + column.code(),
                            new Located(sheet, table, column));
                }
            }
        }
        return columns;
    }

    private static String cell(Located at, int row) {
        List<String> cells = at.sheet().rows().get(row - 1);
        return at.column().column() <= cells.size() ? cells.get(at.column().column() - 1) : "";
    }
}
