package io.omnidecide.ruleset;

import java.util.List;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.model.DRLOutput;
import org.drools.template.parser.DataListener;

/**
 * Generates DRL from a decision table sheet with Drools' own table listener, feeding it cells the
 * way its spreadsheet parser does, with one difference: identical object types side by side in
 * the row under CONDITION form one pattern, as merged cells do in a workbook. CSV has no merged
 * cells, and one pattern per column would repeat the binding ({@code $c : Customer}) and make
 * every condition a join.
 */
final class DecisionTableDrl {

    private DecisionTableDrl() {
    }

    static String generate(DecisionTableSheet sheet) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        listener.startSheet(sheet.name() == null ? "Sheet1" : sheet.name());
        List<List<String>> rows = sheet.rows();
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            boolean objectTypeRow = r > 0 && rows.get(r - 1).stream().anyMatch(DecisionTableDrl::isConditionKeyword);
            listener.newRow(r, cells.size());
            for (int c = 0; c < cells.size(); c++) {
                String value = cells.get(c);
                if (value.isBlank()) {
                    continue;
                }
                listener.newCell(r, c, value, objectTypeRow ? runStart(cells, c) : DataListener.NON_MERGED);
            }
        }
        listener.finishSheet();
        DRLOutput out = new DRLOutput();
        listener.getRuleSet().renderDRL(out);
        return out.getDRL();
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
