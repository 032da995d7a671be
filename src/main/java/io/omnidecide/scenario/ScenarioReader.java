package io.omnidecide.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads scenarios from YAML (JSON is YAML too): one scenario, or a list of them. A field the format
 * does not know is an error, so a misspelt expectation cannot pass unnoticed.
 */
public final class ScenarioReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ScenarioReader() {
    }

    /** A scenario and the file it came from ("request" for one sent over HTTP), or why the file could not be read. */
    public record Named(String file, Scenario scenario, String problem) {

        Named(String file, Scenario scenario) {
            this(file, scenario, null);
        }
    }

    public static List<Named> read(String text, String source) {
        try {
            JsonNode root = YAML.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new IllegalArgumentException(source + ": no scenario in it");
            }
            // Read again from the text rather than the tree, so that errors keep their line.
            List<Scenario> scenarios = root.isArray()
                    ? YAML.readValue(text, new TypeReference<List<Scenario>>() { })
                    : List.of(YAML.readValue(text, Scenario.class));
            return scenarios.stream().map(s -> new Named(source, s)).toList();
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException(source + where + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(source) ? e : new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    /** Every .yaml and .yml file under a folder, in name order; a file that cannot be read fails alone. */
    public static List<Named> readFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Named> all = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                String name = folder.relativize(file).toString();
                try {
                    all.addAll(read(Files.readString(file), name));
                } catch (IllegalArgumentException e) {
                    all.add(new Named(name, null, e.getMessage()));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenarios under " + folder, e);
        }
    }
}
