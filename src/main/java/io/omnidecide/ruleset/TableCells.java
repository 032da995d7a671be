package io.omnidecide.ruleset;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a table's cells before Drools sees them, so that a mistake is told in the analyst's words
 * and at the cell where it was made: Drools would call {@code thirty} in a number column an unknown
 * field, and an emptied code cell "cell A9" whatever column it was in.
 */
final class TableCells {

    /** A column comparing one fact field with the cell's value: {@code minutesSinceLastCartAdd > $param}. */
    private static final Pattern COMPARISON = Pattern.compile("(\\w+)\\s*(==|!=|>=|<=|>|<)\\s*\\$param");
    private static final Pattern BINDING = Pattern.compile("(?:\\$\\w+\\s*:\\s*)?(\\w+)");

    private TableCells() {
    }

    /** Adds the problems (the table cannot be read as meant) and warnings (read, but worth a look). */
    static void check(RulesetFile file, DecisionTableSheet sheet, List<RulesetProblem> problems, List<RulesetProblem> warnings) {
        for (TableLayout table : TableLayout.of(sheet)) {
            for (int blank : table.blankRows()) {
                warnings.add(problem(file, sheet, "A" + blank, blank, "row " + blank + " of table '" + table.name()
                        + "' is blank: it is skipped and the rules below it are read"));
            }
            if (table.ruleRows().isEmpty()) {
                continue;
            }
            for (TableLayout.Column column : table.columns()) {
                if ((column.isCondition() || column.isAction()) && column.code().isEmpty()) {
                    problems.add(problem(file, sheet, column.cell(table.row() + TableLayout.CODE), table.row() + TableLayout.CODE,
                            "the code cell of " + column.kind() + " column " + DecisionTableSheet.columnName(column.column())
                                    + describe(column) + " is empty: write what the column does (such as orders >= $param) or delete "
                                    + "the whole column"));
                } else if (column.isCondition()) {
                    checkValues(file, sheet, table, column, problems);
                }
            }
        }
    }

    /** What a condition column's values must be: a number, a boolean, or anything (null) when it does not compare one field. */
    static Class<?> valueType(TableLayout.Column column) {
        Matcher comparison = COMPARISON.matcher(column.code());
        Matcher fact = BINDING.matcher(column.objectType());
        if (!column.isCondition() || !comparison.matches() || !fact.matches()) {
            return null;
        }
        Class<?> type = FactVocabulary.ofPattern(fact.group(1)).map(f -> f.property(comparison.group(1))).orElse(null);
        return type == null ? null : isNumber(type) ? Number.class : type == boolean.class || type == Boolean.class ? Boolean.class : null;
    }

    /** Each value of a column that compares a number or boolean field must be one. */
    private static void checkValues(RulesetFile file, DecisionTableSheet sheet, TableLayout table, TableLayout.Column column,
            List<RulesetProblem> problems) {
        Class<?> type = valueType(column);
        String expected = type == Number.class ? "a number" : type == Boolean.class ? "true or false" : null;
        if (expected == null) {
            return;
        }
        Matcher comparison = COMPARISON.matcher(column.code());
        comparison.matches();
        for (int row : table.ruleRows()) {
            String value = sheet.cell(row, column.column()).trim();
            if (!value.isEmpty() && !(expected.equals("a number") ? isNumber(value) : value.equals("true") || value.equals("false"))) {
                problems.add(problem(file, sheet, column.cell(row), row, "'" + value + "' is not " + expected + "; this column"
                        + describe(column) + " compares " + comparison.group(1) + " " + comparison.group(2) + " the cell: write "
                        + (expected.equals("a number") ? "a number, such as 30" : "true or false")));
            }
        }
    }

    private static String describe(TableLayout.Column column) {
        return column.label().isEmpty() ? "" : " ('" + column.label() + "')";
    }

    private static boolean isNumber(Class<?> type) {
        return type.isPrimitive() ? type != boolean.class && type != char.class : Number.class.isAssignableFrom(type);
    }

    static boolean isNumber(String value) {
        try {
            new BigDecimal(value.toLowerCase(Locale.ROOT));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static RulesetProblem problem(RulesetFile file, DecisionTableSheet sheet, String cell, int row, String message) {
        return new RulesetProblem(file.path(), sheet.name(), cell, row, null, message);
    }
}
