package io.omnidecide.ruleset;

import java.nio.charset.StandardCharsets;

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

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
