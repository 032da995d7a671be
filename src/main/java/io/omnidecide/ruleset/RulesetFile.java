package io.omnidecide.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One analyst file of a ruleset: its path as the analyst knows it (for example
 * {@code decision-tables/segments.drl.csv}) and its bytes.
 */
public record RulesetFile(String path, byte[] content) {

    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public boolean isDrl() {
        return fileName().endsWith(".drl");
    }

    public boolean isCsvTable() {
        return fileName().endsWith(".csv");
    }

    /** Spreadsheet workbooks (.xlsx and the older .xls). */
    public boolean isWorkbookTable() {
        return fileName().endsWith(".xlsx") || fileName().endsWith(".xls");
    }

    /** A DMN decision model, evaluated by the KIE DMN engine. */
    public boolean isDmn() {
        return fileName().endsWith(".dmn");
    }

    /**
     * A spreadsheet table's name without its form, or null for other files: segments.drl.csv and
     * segments.drl.xlsx are the same table.
     */
    public static String tableStem(String fileName) {
        for (String ending : List.of(".csv", ".xlsx", ".xls")) {
            if (fileName.endsWith(ending)) {
                return fileName.substring(0, fileName.length() - ending.length());
            }
        }
        return null;
    }

    /** What makes two files the same file of a ruleset: a table's name in any form, other files' names. */
    public static String sameFileKey(String fileName) {
        String stem = tableStem(fileName);
        return stem == null ? fileName : "table " + stem;
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
