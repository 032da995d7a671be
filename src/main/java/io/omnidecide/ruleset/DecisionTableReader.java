package io.omnidecide.ruleset;

import java.io.ByteArrayInputStream;
import io.omnidecide.csv.CsvLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/** Reads a decision table file (CSV or workbook) into sheets of cell text. */
public final class DecisionTableReader {

    /** Rows one sheet may have: ten times the largest table measured (docs/performance.md), and a bound on memory. */
    static final int MAX_ROWS = 100_000;

    static {
        // A workbook is a zip: refuse parts that inflate past 64 MB, whatever their ratio (zip bombs).
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    private DecisionTableReader() {
    }

    public static List<DecisionTableSheet> read(RulesetFile file) throws IOException {
        List<DecisionTableSheet> sheets = file.isCsvTable() ? List.of(new DecisionTableSheet(null, parseCsv(file.text()))) : readWorkbook(file);
        for (DecisionTableSheet sheet : sheets) {
            if (sheet.rows().size() > MAX_ROWS) {
                throw new IOException((sheet.name() == null ? "the table" : "sheet " + sheet.name()) + " has " + sheet.rows().size()
                        + " rows; a table may have at most " + MAX_ROWS + ": split it");
            }
        }
        return sheets;
    }

    private static List<DecisionTableSheet> readWorkbook(RulesetFile file) throws IOException {
        DataFormatter formatter = new DataFormatter();
        List<DecisionTableSheet> sheets = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                if (sheet.getLastRowNum() >= MAX_ROWS) {
                    throw new IOException("sheet " + sheet.getSheetName() + " has " + (sheet.getLastRowNum() + 1)
                            + " rows; a table may have at most " + MAX_ROWS + ": split it");
                }
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            Cell cell = row.getCell(c);
                            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                        }
                    }
                    rows.add(cells);
                }
                fillMergedRegions(sheet, rows);
                sheets.add(new DecisionTableSheet(sheet.getSheetName(), rows));
            }
        }
        return sheets;
    }

    /** A merged region reads as its first cell repeated, as CSV writes it. */
    private static void fillMergedRegions(Sheet sheet, List<List<String>> rows) {
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            String value = rows.get(region.getFirstRow()).get(region.getFirstColumn());
            for (int r = region.getFirstRow(); r <= region.getLastRow() && r < rows.size(); r++) {
                List<String> cells = rows.get(r);
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    while (cells.size() <= c) {
                        cells.add("");
                    }
                    cells.set(c, value);
                }
            }
        }
    }

    /** The rows of a CSV table; a final line break ends the last row, it does not start another. */
    static List<List<String>> parseCsv(String text) {
        return text.replaceFirst("\\r?\\n$", "").lines().map(CsvLine::cells).toList();
    }
}
