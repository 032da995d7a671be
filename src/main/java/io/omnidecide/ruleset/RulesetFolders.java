package io.omnidecide.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the analysts' folders: every .drl under rules/, every table and DMN model under decision-tables/. */
public final class RulesetFolders {

    private RulesetFolders() {
    }

    public static List<RulesetFile> read(Path rulesDir, Path tablesDir) {
        List<RulesetFile> files = new ArrayList<>();
        files.addAll(read(rulesDir, ".drl"));
        files.addAll(read(tablesDir, ".csv", ".xlsx", ".xls", ".dmn"));
        return files;
    }

    private static List<RulesetFile> read(Path dir, String... endings) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(endings).anyMatch(e -> p.getFileName().toString().endsWith(e)))
                    // Spreadsheet programs leave lock files (~$segments.xlsx, .~lock...) beside open tables.
                    .filter(p -> !p.getFileName().toString().startsWith("~") && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .map(p -> new RulesetFile(dir.getFileName() + "/" + p.getFileName(), bytes(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
