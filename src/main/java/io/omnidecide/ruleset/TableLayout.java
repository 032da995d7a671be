package io.omnidecide.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shape of one RuleTable in a sheet, as Drools reads it: under the {@code RuleTable} row come
 * the CONDITION/ACTION row, the object types, the code snippets, the labels, then one row per rule.
 * Rows and columns are 1-based, as a spreadsheet shows them.
 *
 * <p>Drools ends a table at its first blank row and silently drops what follows. Here a blank row
 * inside the rule rows is {@link #blankRows() skipped} and the rows after it stay rules, unless what
 * follows starts something new (another RuleTable, a RuleSet property).
 *
 * @param row       the RuleTable row
 * @param ruleRows  the rows that are rules, in order
 * @param blankRows blank rows between rules, skipped
 */
public record TableLayout(String name, int row, List<Column> columns, List<Integer> ruleRows, List<Integer> blankRows) {

    /** One column of the table: CONDITION or ACTION (or another Drools keyword), its object type, code and label. */
    public record Column(int column, String kind, String objectType, String code, String label) {

        public boolean isCondition() {
            return kind.equals("CONDITION") || kind.equals("C");
        }

        public boolean isAction() {
            return kind.equals("ACTION") || kind.equals("A");
        }

        /** The label, as an analyst names the column; the code when the label is empty. */
        public String meaning() {
            return label.isBlank() ? code : label;
        }

        public String cell(int sheetRow) {
            return DecisionTableSheet.columnName(column) + sheetRow;
        }
    }

    static final int KEYWORDS = 1;
    static final int OBJECT_TYPES = 2;
    static final int CODE = 3;
    static final int LABELS = 4;
    private static final String RULE_TABLE = "RuleTable";
    /** What starts something other than a rule row in the first column: Drools' sheet keywords. */
    private static final Set<String> SHEET_KEYWORDS = Set.of("ruleset", "import", "variables", "functions", "queries", "declare",
            "notes", "sequential", "sequential-maxpriority", "escape-quotes", "numeric-disabled", "agenda-group", "activation-group",
            "ruleflow-group", "no-loop", "lock-on-active", "auto-focus", "duration", "timer", "calendars", "salience", "unit");

    /** The tables of a sheet, in order. */
    public static List<TableLayout> of(DecisionTableSheet sheet) {
        List<TableLayout> tables = new ArrayList<>();
        int rows = sheet.rows().size();
        for (int r = 1; r <= rows; r++) {
            int start = ruleTableColumn(sheet, r);
            if (start == 0) {
                continue;
            }
            List<Column> columns = new ArrayList<>();
            for (int c = start; c <= sheet.width(r + KEYWORDS); c++) {
                String kind = sheet.cell(r + KEYWORDS, c).trim().toUpperCase(Locale.ROOT);
                if (!kind.isEmpty()) {
                    columns.add(new Column(c, kind, sheet.cell(r + OBJECT_TYPES, c).trim(), sheet.cell(r + CODE, c).trim(),
                            sheet.cell(r + LABELS, c).trim()));
                }
            }
            List<Integer> ruleRows = new ArrayList<>();
            List<Integer> blankRows = new ArrayList<>();
            int next = r + LABELS + 1;
            for (; next <= rows && !startsSomething(sheet, next); next++) {
                if (blank(sheet, next, start)) {
                    blankRows.add(next);
                } else {
                    ruleRows.add(next);
                }
            }
            // Blank rows after the last rule end the table; only those between rules are skipped.
            int last = ruleRows.isEmpty() ? 0 : ruleRows.get(ruleRows.size() - 1);
            blankRows.removeIf(b -> b > last);
            tables.add(new TableLayout(sheet.cell(r, start).trim().substring(RULE_TABLE.length()).trim(), r, List.copyOf(columns),
                    List.copyOf(ruleRows), List.copyOf(blankRows)));
            r = next - 1;
        }
        return tables;
    }

    /** The column of the row's RuleTable cell, or 0. */
    private static int ruleTableColumn(DecisionTableSheet sheet, int row) {
        for (int c = 1; c <= sheet.width(row); c++) {
            if (sheet.cell(row, c).trim().startsWith(RULE_TABLE)) {
                return c;
            }
        }
        return 0;
    }

    private static boolean startsSomething(DecisionTableSheet sheet, int row) {
        String first = firstText(sheet, row);
        return first.startsWith(RULE_TABLE) || SHEET_KEYWORDS.contains(first.toLowerCase(Locale.ROOT));
    }

    /** A row that sets a property of the rule set (RuleSet, Import, AGENDA-GROUP...): code, not notes. */
    static boolean isPropertyRow(DecisionTableSheet sheet, int row) {
        String first = firstText(sheet, row).toLowerCase(Locale.ROOT);
        return SHEET_KEYWORDS.contains(first) && !first.equals("notes");
    }

    private static String firstText(DecisionTableSheet sheet, int row) {
        return sheet.rows().get(row - 1).stream().filter(cell -> !cell.isBlank()).findFirst().orElse("").trim();
    }

    /** No text from the table's first column on (cells left of a table are notes Drools skips). */
    private static boolean blank(DecisionTableSheet sheet, int row, int fromColumn) {
        for (int c = fromColumn; c <= sheet.width(row); c++) {
            if (!sheet.cell(row, c).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
