package io.omnidecide.simulation;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.omnidecide.ruleset.DecisionTableReader;
import io.omnidecide.ruleset.DecisionTableSheet;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.TableLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The differences between two versions' files. Tables are compared as cells, whatever their form
 * (a CSV table uploaded again as a workbook shows only the cells that really changed); rows are
 * aligned by a Myers diff, so an inserted row shows as one added row, not as every row below it.
 */
final class FileDiff {

    private FileDiff() {
    }

    static List<FileChange> between(List<RulesetFile> before, List<RulesetFile> after) {
        Map<String, RulesetFile> old = byName(before);
        Map<String, RulesetFile> next = byName(after);
        List<FileChange> changes = new ArrayList<>();
        old.forEach((name, file) -> {
            if (!next.containsKey(name)) {
                changes.add(new FileChange(file.path(), "removed", List.of(), List.of()));
            }
        });
        next.forEach((name, file) -> {
            RulesetFile was = old.get(name);
            if (was == null) {
                changes.add(new FileChange(file.path(), "added", List.of(), List.of()));
            } else if (!Arrays.equals(was.content(), file.content())) {
                FileChange change = isTable(file) && isTable(was) ? tableChange(was, file) : textChange(was, file);
                if (!change.rows().isEmpty() || !change.lines().isEmpty()) {
                    changes.add(change);
                }
            }
        });
        return changes;
    }

    private static FileChange textChange(RulesetFile was, RulesetFile file) {
        List<FileChange.LineChange> lines = new ArrayList<>();
        diff(was.text().lines().toList(), file.text().lines().toList(), (a, b) -> lines.add(
                new FileChange.LineChange("changed", a.index() + 1, b.index() + 1, a.value(), b.value())),
                (kind, at, text) -> lines.add("added".equals(kind) ? new FileChange.LineChange(kind, null, at, null, text)
                        : new FileChange.LineChange(kind, at, null, text, null)));
        return new FileChange(file.path(), "changed", List.of(), lines);
    }

    private static FileChange tableChange(RulesetFile was, RulesetFile file) {
        List<DecisionTableSheet> oldSheets = sheets(was);
        List<DecisionTableSheet> newSheets = sheets(file);
        List<FileChange.RowChange> rows = new ArrayList<>();
        Set<String> oldRules = ruleRows(oldSheets);
        Set<String> newRules = ruleRows(newSheets);
        for (int s = 0; s < Math.max(oldSheets.size(), newSheets.size()); s++) {
            List<List<String>> a = s < oldSheets.size() ? oldSheets.get(s).rows() : List.of();
            List<List<String>> b = s < newSheets.size() ? newSheets.get(s).rows() : List.of();
            String sheet = s < newSheets.size() ? newSheets.get(s).name() : oldSheets.get(s).name();
            List<String> aKeys = a.stream().map(FileDiff::rowKey).toList();
            List<String> bKeys = b.stream().map(FileDiff::rowKey).toList();
            diff(aKeys, bKeys, (x, y) -> rows.add(new FileChange.RowChange(sheet, "changed", x.index() + 1, y.index() + 1,
                    cells(a.get(x.index()), b.get(y.index()), y.index() + 1), null)),
                    (kind, at, key) -> rows.add("added".equals(kind)
                            ? new FileChange.RowChange(sheet, kind, null, at, null, b.get(at - 1))
                            : new FileChange.RowChange(sheet, kind, at, null, null, a.get(at - 1))));
        }
        int added = count(rows, "added", r -> newRules.contains(r.sheet() + "!" + r.rowAfter()));
        int removed = count(rows, "removed", r -> oldRules.contains(r.sheet() + "!" + r.rowBefore()));
        int changed = count(rows, "changed", r -> oldRules.contains(r.sheet() + "!" + r.rowBefore()) || newRules.contains(r.sheet() + "!" + r.rowAfter()));
        return new FileChange(file.path(), "changed", new FileChange.Rules(oldRules.size(), newRules.size(), added, removed, changed),
                TableColumns.changes(RulesetFile.tableStem(file.fileName()).replace(".drl", ""), oldSheets, newSheets), rows, List.of());
    }

    private static int count(List<FileChange.RowChange> rows, String kind, Predicate<FileChange.RowChange> isRule) {
        return (int) rows.stream().filter(r -> r.change().equals(kind) && isRule.test(r)).count();
    }

    /** Every rule row of every table, as "sheet!row". */
    private static Set<String> ruleRows(List<DecisionTableSheet> sheets) {
        Set<String> rows = new HashSet<>();
        for (DecisionTableSheet sheet : sheets) {
            TableLayout.of(sheet).forEach(table -> table.ruleRows().forEach(row -> rows.add(sheet.name() + "!" + row)));
        }
        return rows;
    }

    /** An element of a sequence and its 0-based position. */
    private record At(int index, String value) {
    }

    /** Reports one side's element added or removed: kind, its 1-based position, its text. */
    private interface OneSided {
        void report(String kind, int position, String value);
    }

    /** Pairs changed elements one to one; what is left over on either side is removed or added. */
    private static void diff(List<String> a, List<String> b, BiConsumer<At, At> changed, OneSided oneSided) {
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int from = delta.getSource().getPosition();
            int to = delta.getTarget().getPosition();
            int paired = Math.min(delta.getSource().size(), delta.getTarget().size());
            for (int i = 0; i < paired; i++) {
                changed.accept(new At(from + i, a.get(from + i)), new At(to + i, b.get(to + i)));
            }
            for (int i = paired; i < delta.getSource().size(); i++) {
                oneSided.report("removed", from + i + 1, a.get(from + i));
            }
            for (int i = paired; i < delta.getTarget().size(); i++) {
                oneSided.report("added", to + i + 1, b.get(to + i));
            }
        }
    }

    private static List<FileChange.CellChange> cells(List<String> before, List<String> after, int row) {
        List<FileChange.CellChange> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(before.size(), after.size()); c++) {
            String a = c < before.size() ? before.get(c) : "";
            String b = c < after.size() ? after.get(c) : "";
            if (!Objects.equals(a, b)) {
                cells.add(new FileChange.CellChange(DecisionTableSheet.columnName(c + 1) + row, a, b));
            }
        }
        return cells;
    }

    /** A row as one string; trailing empty cells do not count (CSV and workbooks end rows differently). */
    private static String rowKey(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return String.join("\u001f", cells.subList(0, end));
    }

    private static List<DecisionTableSheet> sheets(RulesetFile file) {
        try {
            return DecisionTableReader.read(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isTable(RulesetFile file) {
        return file.isCsvTable() || file.isWorkbookTable();
    }

    /** Files by table name, so that a table that changed form is compared with itself. */
    private static Map<String, RulesetFile> byName(List<RulesetFile> files) {
        Map<String, RulesetFile> byName = new LinkedHashMap<>();
        files.forEach(f -> byName.put(RulesetFile.sameFileKey(f.fileName()), f));
        return byName;
    }
}
