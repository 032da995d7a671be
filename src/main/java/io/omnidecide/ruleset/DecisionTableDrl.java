package io.omnidecide.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.model.DRLOutput;
import org.drools.template.parser.DataListener;

/**
 * Generates DRL from a decision table sheet with Drools' own table listener, feeding it cells the
 * way its spreadsheet parser does, with one difference: identical object types side by side in
 * the row under CONDITION form one pattern, as merged cells do in a workbook. CSV has no merged
 * cells, and one pattern per column would repeat the binding ({@code $c : Customer}) and make
 * every condition a join.
 *
 * <p>Blank rows between rules ({@link TableLayout#blankRows()}) are not fed, since Drools would end
 * the table there and drop every rule below; each rule is still named after its sheet row.
 */
final class DecisionTableDrl {

    /**
     * A generated rule's header, named after the table and the (fed) row, "Segments_14", and the
     * comment above it, "// rule values at A14".
     */
    private static final Pattern FED_ROW = Pattern.compile("(?m)^(rule \"(?:[^\"\\\\]|\\\\.)*_|// rule values at [A-Z]+)(\\d+)(?=\"|,)");

    private DecisionTableDrl() {
    }

    static String generate(DecisionTableSheet sheet) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        listener.startSheet(sheet.name() == null ? "Sheet1" : sheet.name());
        List<List<String>> rows = sheet.rows();
        Set<Integer> skipped = TableLayout.of(sheet).stream().flatMap(t -> t.blankRows().stream()).map(row -> row - 1)
                .collect(Collectors.toSet());
        List<Integer> fed = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (!skipped.contains(r)) {
                fed.add(r);
            }
        }
        for (int i = 0; i < fed.size(); i++) {
            List<String> cells = rows.get(fed.get(i));
            boolean objectTypeRow = i > 0 && rows.get(fed.get(i - 1)).stream().anyMatch(DecisionTableDrl::isConditionKeyword);
            listener.newRow(i, cells.size());
            for (int c = 0; c < cells.size(); c++) {
                String value = cells.get(c);
                if (value.isBlank()) {
                    continue;
                }
                listener.newCell(i, c, value, objectTypeRow ? runStart(cells, c) : DataListener.NON_MERGED);
            }
        }
        listener.finishSheet();
        DRLOutput out = new DRLOutput();
        listener.getRuleSet().renderDRL(out);
        return skipped.isEmpty() ? out.getDRL() : sheetRowNames(out.getDRL(), fed);
    }

    /** Renames each rule from the row it was fed as to its row in the sheet. */
    private static String sheetRowNames(String drl, List<Integer> fed) {
        Matcher header = FED_ROW.matcher(drl);
        StringBuilder named = new StringBuilder();
        while (header.find()) {
            int sheetRow = fed.get(Integer.parseInt(header.group(2)) - 1) + 1;
            header.appendReplacement(named, Matcher.quoteReplacement(header.group(1) + sheetRow));
        }
        return header.appendTail(named).toString();
    }

    private static boolean isConditionKeyword(String cell) {
        String word = cell.trim().toUpperCase();
        return word.equals("CONDITION") || word.equals("C");
    }

    /** First column of the run of identical cells that ends at {@code c}, or NON_MERGED if alone. */
    private static int runStart(List<String> cells, int c) {
        int start = c;
        while (start > 0 && cells.get(start - 1).equals(cells.get(c))) {
            start--;
        }
        boolean alone = start == c && (c + 1 >= cells.size() || !cells.get(c + 1).equals(cells.get(c)));
        return alone ? DataListener.NON_MERGED : start;
    }
}
