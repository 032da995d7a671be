package io.omnidecide.ruleset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's rules and tables, as tests start from them: whole, or with one file replaced or added. */
public final class StarterPack {

    public static final List<RulesetFile> FILES = RulesetFolders.read(Path.of("rules"), Path.of("decision-tables"));

    private StarterPack() {
    }

    /** The starter pack with the file at this path replaced, or added. */
    public static List<RulesetFile> with(String path, String content) {
        return with(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public static List<RulesetFile> with(String path, byte[] content) {
        List<RulesetFile> files = new ArrayList<>(FILES.stream().filter(f -> !f.path().equals(path)).toList());
        files.add(new RulesetFile(path, content));
        return files;
    }

    /** The text of one of its files. */
    public static String file(String path) {
        return FILES.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().text();
    }
}
