package io.omnidecide.ruleset;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The size of a table, checked before it is read into memory. A workbook (.xlsx) is a zip of XML:
 * a 2 KB file can declare one merged region over every cell of a sheet, or touch the last column
 * in a hundred thousand rows, and a reader that fills cells would need gigabytes. So the zip is
 * streamed first (entries, inflated bytes) and each sheet's XML is scanned with a streaming parser
 * (its declared dimension, the rows and cells it really has, its merged regions); only a workbook
 * within every limit is handed to Apache POI. The limits hold for every form of a table.
 */
final class WorkbookLimits {

    /** Rows a sheet may have: ten times the largest table measured (docs/performance.md). */
    static final int MAX_ROWS = 100_000;
    /** Columns a sheet may use; the widest shipped table has 16. */
    static final int MAX_COLUMNS = 100;
    /** Cells a sheet may hold, counting every cell a merged region covers. */
    static final long MAX_CELLS = 2_000_000;
    /** Parts of a workbook zip, and the bytes they may inflate to together. */
    static final int MAX_ENTRIES = 500;
    static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;

    private static final Pattern CELL = Pattern.compile("\\$?([A-Z]{1,3})\\$?(\\d{1,7})");
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private WorkbookLimits() {
    }

    /** Checks an .xlsx workbook's zip and sheets; a file that is not a zip is left to the reader to refuse. */
    static void checkWorkbook(byte[] content) throws IOException {
        Map<String, String> sheetNames = new HashMap<>();
        Map<String, UnreadableTableException> overLimit = new LinkedHashMap<>();
        byte[] workbook = null;
        byte[] relations = null;
        long inflated = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new UnreadableTableException(null, null, "the workbook has more than " + MAX_ENTRIES + " parts");
                }
                Counted part = new Counted(zip, MAX_INFLATED_BYTES - inflated);
                String name = entry.getName();
                if (name.equals("xl/workbook.xml")) {
                    workbook = part.readAllBytes();
                } else if (name.equals("xl/_rels/workbook.xml.rels")) {
                    relations = part.readAllBytes();
                } else if (name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
                    UnreadableTableException problem = scanSheet(part);
                    if (problem != null) {
                        overLimit.put(name.substring("xl/".length()), problem);
                    }
                }
                part.transferTo(OutputStream.nullOutputStream());
                inflated += part.count;
            }
        }
        if (overLimit.isEmpty()) {
            return;
        }
        if (workbook != null && relations != null) {
            sheetNames.putAll(sheetTargets(workbook, relations));
        }
        Map.Entry<String, UnreadableTableException> first = overLimit.entrySet().iterator().next();
        throw new UnreadableTableException(sheetNames.get(first.getKey()), first.getValue().cell(), first.getValue().getMessage());
    }

    /** Checks a table already read as rows of cells (CSV, or a workbook sheet as POI read it). */
    static void checkRows(String sheet, int rows, int widest, int widestRow, long cells) throws UnreadableTableException {
        if (rows > MAX_ROWS) {
            throw new UnreadableTableException(sheet, "A" + rows, "the table has " + rows + " rows; a table may have at most " + MAX_ROWS + ": split it");
        }
        if (widest > MAX_COLUMNS) {
            throw new UnreadableTableException(sheet, DecisionTableSheet.columnName(widest) + widestRow, "the table uses " + widest
                    + " columns; a table may use at most " + MAX_COLUMNS);
        }
        if (cells > MAX_CELLS) {
            throw new UnreadableTableException(sheet, null, "the table holds " + cells + " cells; a table may hold at most " + MAX_CELLS);
        }
    }

    /** Checks a merged region before its cells are filled in. */
    static void checkMergedRegion(String sheet, int firstRow, int lastRow, int firstColumn, int lastColumn) throws UnreadableTableException {
        if (lastRow >= MAX_ROWS || lastColumn >= MAX_COLUMNS || (long) (lastRow - firstRow + 1) * (lastColumn - firstColumn + 1) > MAX_CELLS) {
            String from = DecisionTableSheet.columnName(firstColumn + 1) + (firstRow + 1);
            throw new UnreadableTableException(sheet, from, "the merged region " + from + ":" + DecisionTableSheet.columnName(lastColumn + 1)
                    + (lastRow + 1) + " reaches past the limits of a table (" + MAX_ROWS + " rows, " + MAX_COLUMNS + " columns)");
        }
    }

    /** The first limit the sheet's XML goes over, or null. */
    private static UnreadableTableException scanSheet(InputStream xml) throws IOException {
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(xml);
            long cells = 0;
            long merged = 0;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = reader.getLocalName();
                String ref = reader.getAttributeValue(null, "ref");
                String at = reader.getAttributeValue(null, "r");
                if (element.equals("c")) {
                    cells++;
                }
                UnreadableTableException problem = switch (element) {
                    case "dimension" -> overRange(ref, "the sheet declares the range " + ref);
                    case "mergeCell" -> overRange(ref, "the merged region " + ref);
                    case "row" -> at != null && parseInt(at) > MAX_ROWS ? new UnreadableTableException(null, "A" + at,
                            "the sheet has a row " + at + "; a table may have at most " + MAX_ROWS + " rows") : null;
                    case "c" -> at != null ? overRange(at + ":" + at, "the sheet has a cell at " + at) : null;
                    default -> null;
                };
                if (problem != null) {
                    return problem;
                }
                if (element.equals("mergeCell") && ref != null) {
                    merged += area(ref);
                }
                if (cells + merged > MAX_CELLS) {
                    return new UnreadableTableException(null, null, "the sheet holds more than " + MAX_CELLS + " cells, counting merged regions");
                }
            }
            return null;
        } catch (XMLStreamException e) {
            return new UnreadableTableException(null, null, "the sheet's XML cannot be read: " + e.getMessage());
        }
    }

    /** A problem when a range (A1:K20) or its far corner lies past the limits, else null. */
    private static UnreadableTableException overRange(String range, String what) {
        if (range == null) {
            return null;
        }
        String[] corners = range.split(":");
        for (String corner : corners) {
            Matcher cell = CELL.matcher(corner);
            if (!cell.matches()) {
                continue;
            }
            if (columnNumber(cell.group(1)) > MAX_COLUMNS || Long.parseLong(cell.group(2)) > MAX_ROWS) {
                return new UnreadableTableException(null, corners[0], what + ", past the limits of a table (" + MAX_ROWS + " rows, "
                        + MAX_COLUMNS + " columns, column " + DecisionTableSheet.columnName(MAX_COLUMNS) + ")");
            }
        }
        return null;
    }

    private static long area(String range) {
        String[] corners = range.split(":");
        Matcher from = CELL.matcher(corners[0]);
        Matcher to = CELL.matcher(corners[corners.length - 1]);
        if (!from.matches() || !to.matches()) {
            return 0;
        }
        long rows = Math.abs(Long.parseLong(to.group(2)) - Long.parseLong(from.group(2))) + 1;
        long columns = Math.abs(columnNumber(to.group(1)) - columnNumber(from.group(1))) + 1;
        return rows * columns;
    }

    private static int columnNumber(String letters) {
        int number = 0;
        for (char ch : letters.toCharArray()) {
            number = number * 26 + (ch - 'A' + 1);
        }
        return number;
    }

    private static long parseInt(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Sheet names by their part (worksheets/sheet1.xml), from the workbook and its relationships. */
    private static Map<String, String> sheetTargets(byte[] workbook, byte[] relations) throws IOException {
        Map<String, String> targets = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        try {
            XMLStreamReader rels = XML.createXMLStreamReader(new ByteArrayInputStream(relations));
            while (rels.hasNext()) {
                if (rels.next() == XMLStreamConstants.START_ELEMENT && rels.getLocalName().equals("Relationship")) {
                    String target = rels.getAttributeValue(null, "Target");
                    targets.put(rels.getAttributeValue(null, "Id"), target == null ? "" : target.replaceFirst("^/?xl/", ""));
                }
            }
            XMLStreamReader book = XML.createXMLStreamReader(new ByteArrayInputStream(workbook));
            while (book.hasNext()) {
                if (book.next() == XMLStreamConstants.START_ELEMENT && book.getLocalName().equals("sheet")) {
                    String id = null;
                    for (int i = 0; i < book.getAttributeCount(); i++) {
                        if (book.getAttributeLocalName(i).equals("id")) {
                            id = book.getAttributeValue(i);
                        }
                    }
                    names.put(targets.get(id), book.getAttributeValue(null, "name"));
                }
            }
        } catch (XMLStreamException e) {
            return Map.of();
        }
        return names;
    }

    /** A zip part read with a count of its inflated bytes, refused past the budget left. */
    private static final class Counted extends FilterInputStream {
        private final long budget;
        private long count;

        Counted(InputStream in, long budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            add(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            add(Math.max(n, 0));
            return n;
        }

        @Override
        public void close() {
            // The zip stream goes on to the next part.
        }

        private void add(int n) throws UnreadableTableException {
            count += n;
            if (count > budget) {
                throw new UnreadableTableException(null, null, "the workbook inflates to more than " + MAX_INFLATED_BYTES / (1024 * 1024) + " MB");
            }
        }
    }
}
