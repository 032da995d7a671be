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

    static {
        // A workbook is a zip: refuse parts that inflate past 64 MB, whatever their ratio (zip bombs).
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    private DecisionTableReader() {
    }

    /** The sheets of a table within the limits of {@link WorkbookLimits}, or a {@link UnreadableTableException} naming sheet and cell. */
    public static List<DecisionTableSheet> read(RulesetFile file) throws IOException {
        if (file.isCsvTable()) {
            List<List<String>> rows = parseCsv(file.text()).stream().map(cells -> cells.stream().map(WorkbookCell::booleanWord).toList()).toList();
            int widest = 0;
            for (int r = 0; r < rows.size(); r++) {
                widest = rows.get(r).size() > rows.get(widest).size() ? r : widest;
            }
            WorkbookLimits.checkRows(null, rows.size(), rows.isEmpty() ? 0 : rows.get(widest).size(), widest + 1,
                    rows.stream().mapToLong(List::size).sum());
            return List.of(new DecisionTableSheet(null, rows));
        }
        if (file.fileName().endsWith(".xlsx")) {
            WorkbookLimits.checkWorkbook(file.content());
        }
        return readWorkbook(file);
    }

    private static List<DecisionTableSheet> readWorkbook(RulesetFile file) throws IOException {
        DataFormatter formatter = new DataFormatter();
        List<DecisionTableSheet> sheets = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                // Also for .xls, which is not scanned before POI reads it: the limits hold before any cell is filled.
                WorkbookLimits.checkRows(sheet.getSheetName(), sheet.getLastRowNum() + 1, 0, 0, 0);
                long cellCount = 0;
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        cellCount += Math.max(0, row.getLastCellNum());
                        WorkbookLimits.checkRows(sheet.getSheetName(), r + 1, row.getLastCellNum(), r + 1, cellCount);
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            Cell cell = row.getCell(c);
                            cells.add(cell == null ? "" : WorkbookCell.text(cell, formatter));
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
    private static void fillMergedRegions(Sheet sheet, List<List<String>> rows) throws UnreadableTableException {
        long covered = 0;
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            WorkbookLimits.checkMergedRegion(sheet.getSheetName(), region.getFirstRow(), region.getLastRow(), region.getFirstColumn(),
                    region.getLastColumn());
            covered += (long) region.getNumberOfCells();
            if (covered > WorkbookLimits.MAX_CELLS) {
                throw new UnreadableTableException(sheet.getSheetName(), null, "merged regions cover more than " + WorkbookLimits.MAX_CELLS + " cells");
            }
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
