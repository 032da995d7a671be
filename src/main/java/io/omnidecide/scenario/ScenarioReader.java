package io.omnidecide.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
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
 * Reads scenarios from YAML (JSON is YAML too): any number of documents, each one scenario or a list
 * of them. A field the format does not know is an error, so a misspelt expectation cannot pass unnoticed.
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

    /** Every document of the text (YAML {@code ---} separates them), each one scenario or a list of them. */
    public static List<Named> read(String text, String source) {
        List<Named> scenarios = new ArrayList<>();
        // Bound from the parser rather than from a tree, so that errors keep their line.
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NULL) {
                    continue; // an empty document, such as a leading "---"
                }
                List<Scenario> document = token == JsonToken.START_ARRAY
                        ? YAML.readValue(parser, new TypeReference<List<Scenario>>() { })
                        : List.of(YAML.readValue(parser, Scenario.class));
                document.forEach(s -> scenarios.add(new Named(source, s)));
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException(source + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException(source + ": no scenario in it");
        }
        return scenarios;
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
