package io.omnidecide.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omnidecide.csv.CsvLine;
import io.omnidecide.ruleset.RulesetFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What simulate says of a changed table: rules added, removed and changed, and columns that went, in words. */
class FileDiffTest {

    private static final String SEGMENTS = "decision-tables/segments.drl.csv";

    @Test
    void aDeletedConditionColumnIsNamedWithTheRulesThatLostIt() throws IOException {
        String table = Files.readString(Path.of(SEGMENTS));
        String without = table.lines().map(line -> {
            List<String> cells = new ArrayList<>(CsvLine.cells(line));
            if (cells.size() > 10) {
                cells.remove(3);
            }
            return cells.stream().map(c -> c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
                    .collect(Collectors.joining(","));
        }).collect(Collectors.joining("\n", "", "\n"));
        FileChange change = only(table, without);
        assertEquals(List.of("condition 'Last add to cart more than (minutes ago)' (minutesSinceLastCartAdd > $param) removed from segments row 12"),
                change.columns());
        assertEquals(new FileChange.Rules(7, 7, 0, 0, 7), change.rules());
    }

    @Test
    void rulesAddedAndRemovedAreCounted() throws IOException {
        String table = Files.readString(Path.of(SEGMENTS));
        String edited = table.replace(",,,,,,,,,1,reviewer\n", "").replace("gold,,,,,,,,,,vip\n", "gold,,,,,,,,,,vip\nsilver,,,,,,,,,,almost_vip\n");
        FileChange change = only(table, edited);
        assertEquals(new FileChange.Rules(7, 7, 1, 1, 0), change.rules());
        assertEquals(List.of(), change.columns());
    }

    private static FileChange only(String before, String after) {
        List<FileChange> changes = FileDiff.between(List.of(new RulesetFile(SEGMENTS, before.getBytes(StandardCharsets.UTF_8))),
                List.of(new RulesetFile(SEGMENTS, after.getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, changes.size(), changes.toString());
        return changes.get(0);
    }
}
