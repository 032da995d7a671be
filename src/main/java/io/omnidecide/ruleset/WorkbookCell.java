package io.omnidecide.ruleset;

import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * A workbook cell as the text a rule reads, as the analyst meant it: a boolean is {@code true}, not
 * the spreadsheet's {@code TRUE}; a number is its value ({@code 1000}, not
 * {@code 1,000} from a display format); a formula is the value the spreadsheet program saved with it,
 * never its text ({@code =20+10} is 30). Formulas are not evaluated here: a saved value is what the
 * analyst saw, and evaluating functions of a file we did not write is not ours to do.
 */
final class WorkbookCell {

    private WorkbookCell() {
    }

    static String text(Cell cell, DataFormatter formatter) throws UnreadableTableException {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            if (cell instanceof XSSFCell xssf && !xssf.getCTCell().isSetV()) {
                throw unreadable(cell, "the formula =" + cell.getCellFormula() + " has no saved value: open the workbook in a spreadsheet "
                        + "program and save it, or type the value");
            }
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? formatter.formatCellValue(cell)
                    : NumberToTextConverter.toText(cell.getNumericCellValue());
            case STRING -> booleanWord(cell.getStringCellValue());
            case ERROR -> throw unreadable(cell, (cell.getCellType() == CellType.FORMULA ? "the formula =" + cell.getCellFormula() + " gives "
                    : "the cell holds ") + "an error: type a value");
            default -> "";
        };
    }

    /**
     * TRUE and FALSE, as spreadsheet programs write booleans (also into the CSV they save), read as the
     * rules' {@code true} and {@code false}; any other text as it is.
     */
    static String booleanWord(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? text.toLowerCase(Locale.ROOT) : text;
    }

    private static UnreadableTableException unreadable(Cell cell, String message) {
        return new UnreadableTableException(cell.getSheet().getSheetName(), cell.getAddress().formatAsString(), message);
    }
}
