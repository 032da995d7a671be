package io.omnidecide.publishing;

import io.omnidecide.ruleset.RulesetFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns the files of an upload into a whole ruleset. Files replace or join the base set by name; a
 * table replaces the same table in any form ({@code segments.drl.xlsx} replaces
 * {@code segments.drl.csv}), so an analyst can download a table as a workbook and send it back.
 * One zip is the whole set. Sizes are checked while reading, so a zip bomb stops at the limit.
 */
final class RulesetUpload {

    static final String ALLOWED = ".drl, .csv, .xlsx, .xls or .dmn files, or one .zip of the whole set";

    /** A file as sent: its name and bytes. */
    record Part(String fileName, byte[] content) {
    }

    private final int maxFileBytes;
    private final int maxFiles;

    RulesetUpload(int maxFileBytes, int maxFiles) {
        this.maxFileBytes = maxFileBytes;
        this.maxFiles = maxFiles;
    }

    List<RulesetFile> apply(List<RulesetFile> base, List<Part> parts) {
        if (parts.isEmpty()) {
            throw InvalidUploadException.invalid(null, "no file: send one or more parts named 'file' (" + ALLOWED + ")");
        }
        if (parts.size() == 1 && parts.get(0).fileName().toLowerCase().endsWith(".zip")) {
            return unzip(parts.get(0));
        }
        Map<String, RulesetFile> set = new LinkedHashMap<>();
        base.forEach(f -> set.put(RulesetFile.sameFileKey(f.fileName()), f));
        for (Part part : parts) {
            String name = checkName(part.fileName(), part.fileName());
            if (part.content().length > maxFileBytes) {
                throw tooLarge(name);
            }
            RulesetFile replaced = set.get(RulesetFile.sameFileKey(name));
            String folder = replaced == null ? folderFor(name) : replaced.path().substring(0, replaced.path().lastIndexOf('/') + 1);
            set.put(RulesetFile.sameFileKey(name), new RulesetFile(folder + name, part.content()));
        }
        checkCount(set.size(), null);
        return new ArrayList<>(set.values());
    }

    private List<RulesetFile> unzip(Part zip) {
        Map<String, RulesetFile> set = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.content()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.isDirectory() || name.isEmpty() || name.startsWith(".") || entry.getName().contains("__MACOSX")) {
                    continue;
                }
                checkName(name, zip.fileName() + "!" + entry.getName());
                if (set.containsKey(RulesetFile.sameFileKey(name))) {
                    throw InvalidUploadException.invalid(zip.fileName() + "!" + entry.getName(), "the zip holds two files for '" + name
                            + "'; keep one form of each table");
                }
                set.put(RulesetFile.sameFileKey(name), new RulesetFile(folderFor(name) + name, read(in, zip.fileName() + "!" + entry.getName())));
                checkCount(set.size(), zip.fileName());
            }
        } catch (IOException e) {
            throw InvalidUploadException.invalid(zip.fileName(), "not a readable zip: " + e.getMessage());
        }
        if (set.isEmpty()) {
            throw InvalidUploadException.invalid(zip.fileName(), "the zip holds no rule file (" + ALLOWED + ")");
        }
        return new ArrayList<>(set.values());
    }

    /** Reads one entry, stopping at the size limit whatever the entry claims its size is. */
    private byte[] read(InputStream in, String file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > maxFileBytes) {
                throw tooLarge(file);
            }
        }
        return out.toByteArray();
    }

    private void checkCount(int files, String file) {
        if (files > maxFiles) {
            throw InvalidUploadException.tooLarge(file, "a ruleset may have at most " + maxFiles + " files (omnidecide.ruleset.max-files)");
        }
    }

    private InvalidUploadException tooLarge(String file) {
        return InvalidUploadException.tooLarge(file, file + " is larger than " + maxFileBytes
                + " bytes (omnidecide.ruleset.max-file-bytes); split the table");
    }

    private static String checkName(String name, String shownAs) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw InvalidUploadException.invalid(shownAs, "a file name may not be empty, hidden or contain a path");
        }
        if (!name.endsWith(".drl") && !name.endsWith(".dmn") && RulesetFile.tableStem(name) == null) {
            throw InvalidUploadException.invalid(shownAs, "'" + name + "' is not a rule file: send " + ALLOWED);
        }
        return name;
    }

    private static String folderFor(String name) {
        return name.endsWith(".drl") ? "rules/" : "decision-tables/";
    }
}
