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

/** Reads a decision table file (CSV or workbook) into sheets of cell text. */
final class DecisionTableReader {

    private DecisionTableReader() {
    }

    static List<DecisionTableSheet> read(RulesetFile file) throws IOException {
        return file.isCsvTable() ? List.of(new DecisionTableSheet(null, parseCsv(file.text()))) : readWorkbook(file);
    }

    private static List<DecisionTableSheet> readWorkbook(RulesetFile file) throws IOException {
        DataFormatter formatter = new DataFormatter();
        List<DecisionTableSheet> sheets = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
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
