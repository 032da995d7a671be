package io.omnidecide.ruleset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a decision table from one form into the other: CSV is what the repository keeps (it diffs
 * line by line), a workbook is what analysts edit. Both forms generate the same rules.
 */
public final class TableFormats {

    private TableFormats() {
    }

    /** A CSV table as a workbook for people ({@link AnalystWorkbook}); it builds the same rules. */
    public static byte[] csvToXlsx(RulesetFile csv, String sheetName) {
        return AnalystWorkbook.write(new DecisionTableSheet(null, DecisionTableReader.parseCsv(csv.text())), sheetName);
    }

    /** How many sheets of a table file hold a rule table (0 for a file that cannot be read). */
    public static long tableSheets(RulesetFile table) {
        try {
            return DecisionTableReader.read(table).stream().filter(DecisionTableSheet::hasRuleTable).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The first sheet holding a rule table, as CSV. */
    public static byte[] workbookToCsv(RulesetFile workbook) throws IOException {
        DecisionTableSheet sheet = DecisionTableReader.read(workbook).stream().filter(DecisionTableSheet::hasRuleTable).findFirst()
                .orElseThrow(() -> new IOException(workbook.path() + " has no sheet with a RuleTable"));
        return sheet.rows().stream()
                .map(cells -> cells.stream().map(TableFormats::csvCell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
