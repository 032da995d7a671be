package io.omnidecide.publishing;

import io.omnidecide.problem.InvalidRequestException;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.TableFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A file of a version as the analyst asks for it: as stored, or a table in the other form
 * ({@code segments.drl.xlsx} of a version that keeps {@code segments.drl.csv}, and back).
 */
final class RulesetDownload {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A file to send: its name, media type and bytes. */
    record Download(String name, String mediaType, byte[] content) {
    }

    private RulesetDownload() {
    }

    static Optional<Download> of(List<RulesetFile> files, String name) {
        for (RulesetFile file : files) {
            if (file.fileName().equals(name)) {
                return Optional.of(new Download(name, mediaType(name), file.content()));
            }
            String stem = RulesetFile.tableStem(file.fileName());
            if (stem != null && (name.equals(stem + ".xlsx") || name.equals(stem + ".csv"))) {
                return Optional.of(new Download(name, mediaType(name), convert(file, stem, name)));
            }
        }
        return Optional.empty();
    }

    /** The names a file downloads as: a table in both forms, anything else as itself. */
    static List<String> names(RulesetFile file) {
        String stem = RulesetFile.tableStem(file.fileName());
        return stem == null ? List.of(file.fileName()) : List.of(stem + ".csv", stem + ".xlsx");
    }

    /** The name of a table in the form asked for (?format=csv or xlsx). */
    static String inFormat(String name, String format) {
        String stem = RulesetFile.tableStem(name);
        if (stem == null || !format.equals("csv") && !format.equals("xlsx")) {
            throw new InvalidRequestException("format", "format must be csv or xlsx, for a decision table");
        }
        return stem + "." + format;
    }

    /**
     * Every file of a version in one zip, laid out as the repository keeps them, each table in one
     * form (csv or xlsx), so that unzipping it over the repository leaves no table twice. A workbook
     * with tables on several sheets (or none that can be read) stays as it is: one CSV holds one sheet.
     */
    static byte[] zip(List<RulesetFile> files, String tables) {
        if (!tables.equals("csv") && !tables.equals("xlsx")) {
            throw new InvalidRequestException("tables", "tables must be csv (the default, as the repository keeps them) or xlsx");
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (RulesetFile file : files) {
                String stem = RulesetFile.tableStem(file.fileName());
                boolean oneCsv = !tables.equals("csv") || file.isCsvTable() || TableFormats.tableSheets(file) == 1;
                String name = stem == null || !oneCsv ? file.fileName() : stem + "." + tables;
                zip.putNextEntry(new ZipEntry(file.path().substring(0, file.path().length() - file.fileName().length()) + name));
                zip.write(stem == null ? file.content() : convert(file, stem, name));
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot zip in memory", e);
        }
    }

    private static byte[] convert(RulesetFile file, String stem, String name) {
        if (name.endsWith(".xlsx")) {
            return file.isCsvTable() ? TableFormats.csvToXlsx(file, sheetName(stem)) : file.content();
        }
        try {
            return file.isCsvTable() ? file.content() : TableFormats.workbookToCsv(file);
        } catch (IOException e) {
            throw new InvalidRequestException("format", file.path() + " cannot be given as CSV: " + e.getMessage());
        }
    }

    /** "segments.drl" becomes the sheet "segments" (sheet names are short and have no dots). */
    private static String sheetName(String stem) {
        String name = stem.endsWith(".drl") ? stem.substring(0, stem.length() - 4) : stem;
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    static String mediaType(String name) {
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".xls")) {
            return "application/vnd.ms-excel";
        }
        return name.endsWith(".dmn") ? "application/xml" : "text/plain";
    }
}
