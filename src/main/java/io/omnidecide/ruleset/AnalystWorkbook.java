package io.omnidecide.ruleset;

import io.omnidecide.facts.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A decision table as a workbook for the people who edit it: the rows of code (properties, the
 * CONDITION/ACTION keywords, object types, snippets) hidden, the labels bold and frozen above the
 * rules, columns wide enough to read, numbers and booleans typed as such, and a drop-down list where
 * a column takes one of a closed set (true/false, a channel, a consent status). Hidden rows are still
 * read, so the workbook builds exactly as the CSV it was made from.
 */
final class AnalystWorkbook {

    /** Rows below the last rule a drop-down still covers, for rules an analyst adds. */
    private static final int ROOM_FOR_NEW_RULES = 200;
    private static final int MIN_WIDTH = 10;
    private static final int MAX_WIDTH = 50;
    private static final Pattern ONE_CHANNEL = Pattern.compile("(?:acquisitionChannel|channel)\\s*==\\s*\"\\$param\"");
    private static final Pattern ONE_CONSENT = Pattern.compile("\\w*[cC]onsent\\s*[!=]=\\s*\"\\$param\"");

    private AnalystWorkbook() {
    }

    static byte[] write(DecisionTableSheet table, String sheetName) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            List<TableLayout> layouts = TableLayout.of(table);
            Map<String, Class<?>> types = new HashMap<>();
            layouts.forEach(t -> t.ruleRows().forEach(row -> t.columns().forEach(c -> types.put(c.cell(row), TableCells.valueType(c)))));
            CellStyle bold = bold(workbook);
            for (int r = 1; r <= table.rows().size(); r++) {
                Row row = sheet.createRow(r - 1);
                for (int c = 1; c <= table.width(r); c++) {
                    write(row, c, table.cell(r, c), types.get(DecisionTableSheet.columnName(c) + r));
                }
                if (TableLayout.isPropertyRow(table, r)) {
                    row.setZeroHeight(true);
                }
            }
            for (TableLayout layout : layouts) {
                for (int offset : List.of(TableLayout.KEYWORDS, TableLayout.OBJECT_TYPES, TableLayout.CODE)) {
                    sheet.getRow(layout.row() + offset - 1).setZeroHeight(true);
                }
                sheet.getRow(layout.row() - 1).forEach(cell -> cell.setCellStyle(bold));
                sheet.getRow(layout.row() + TableLayout.LABELS - 1).forEach(cell -> cell.setCellStyle(bold));
                dropDowns(sheet, layout);
                widths(sheet, table, layout);
            }
            if (!layouts.isEmpty()) {
                sheet.createFreezePane(0, layouts.get(0).row() + TableLayout.LABELS);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook in memory", e);
        }
    }

    private static void write(Row row, int column, String text, Class<?> type) {
        if (text.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column - 1);
        if (type == Number.class && isPlainNumber(text)) {
            cell.setCellValue(Double.parseDouble(text));
        } else if (type == Boolean.class && (text.equals("true") || text.equals("false"))) {
            cell.setCellValue(Boolean.parseBoolean(text));
        } else {
            cell.setCellValue(text);
        }
    }

    /** A number the workbook gives back as the same text (not 007, not 1.50): typed, it reads back unchanged. */
    private static boolean isPlainNumber(String text) {
        return TableCells.isNumber(text) && NumberToTextConverter.toText(Double.parseDouble(text)).equals(text);
    }

    private static void dropDowns(Sheet sheet, TableLayout layout) {
        if (layout.ruleRows().isEmpty()) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int first = layout.ruleRows().get(0) - 1;
        int last = layout.ruleRows().get(layout.ruleRows().size() - 1) - 1 + ROOM_FOR_NEW_RULES;
        for (TableLayout.Column column : layout.columns()) {
            String[] values = TableCells.valueType(column) == Boolean.class ? new String[] {"TRUE", "FALSE"}
                    : ONE_CHANNEL.matcher(column.code()).matches() ? Channel.NAMES.toArray(String[]::new)
                    : ONE_CONSENT.matcher(column.code()).matches() ? new String[] {"granted", "denied", "unknown"} : null;
            if (values != null) {
                DataValidation list = helper.createValidation(helper.createExplicitListConstraint(values),
                        new CellRangeAddressList(first, last, column.column() - 1, column.column() - 1));
                list.setShowErrorBox(true);
                list.createErrorBox("Not one of the values", "Choose one of: " + String.join(", ", values));
                sheet.addValidationData(list);
            }
        }
    }

    /** As wide as the label or the widest value, within bounds: snippets and notes do not count. */
    private static void widths(Sheet sheet, DecisionTableSheet table, TableLayout layout) {
        for (TableLayout.Column column : layout.columns()) {
            int widest = column.label().length();
            for (int row : layout.ruleRows()) {
                widest = Math.max(widest, table.cell(row, column.column()).length());
            }
            sheet.setColumnWidth(column.column() - 1, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widest + 2)) * 256);
        }
    }

    private static CellStyle bold(XSSFWorkbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setWrapText(true);
        return style;
    }
}
