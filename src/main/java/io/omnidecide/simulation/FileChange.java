package io.omnidecide.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What changed in one file between the serving version and the candidate: tables row by row with
 * the cells that differ, their rules counted and each condition or action column that went or came
 * named in words; DRL and DMN line by line.
 *
 * @param change added, removed or changed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FileChange(String file, String change, Rules rules, List<String> columns, List<RowChange> rows, List<LineChange> lines) {

    public FileChange(String file, String change, List<RowChange> rows, List<LineChange> lines) {
        this(file, change, null, List.of(), rows, lines);
    }

    /** How many rules (table rows under a RuleTable) were added, removed and changed, and how many there are before and after. */
    public record Rules(int before, int after, int added, int removed, int changed) {
    }

    /** A table row: changed (with its cells), added or removed. Rows are numbered as the spreadsheet shows them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowChange(String sheet, String change, Integer rowBefore, Integer rowAfter, List<CellChange> cells, List<String> values) {
    }

    /** One cell, named as in the candidate (D14), with its text before and after. */
    public record CellChange(String cell, String before, String after) {
    }

    /** A line of text: changed, added or removed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineChange(String change, Integer lineBefore, Integer lineAfter, String before, String after) {
    }
}
