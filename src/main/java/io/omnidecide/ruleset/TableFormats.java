package io.omnidecide.ruleset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Turns a decision table from one form into the other: CSV is what the repository keeps (it diffs
 * line by line), a workbook is what analysts edit. Cells are copied as text, so both forms generate
 * the same rules.
 */
public final class TableFormats {

    private TableFormats() {
    }

    public static byte[] csvToXlsx(RulesetFile csv, String sheetName) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            List<List<String>> rows = DecisionTableReader.parseCsv(csv.text());
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook in memory", e);
        }
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
