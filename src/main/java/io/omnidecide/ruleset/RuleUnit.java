package io.omnidecide.ruleset;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRL text from one analyst file (or one sheet of a workbook): either the file itself, or what
 * Drools generated from a table, with unicode escapes decoded (the text that is checked and
 * built). Knows which table rule sits on which generated line, so build messages can be traced
 * back to the sheet, row and cell.
 */
record RuleUnit(RulesetFile file, DecisionTableSheet sheet, String drl) {

    private static final Pattern GENERATED_RULE = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TABLE_ROW = Pattern.compile("_(\\d+)$");

    RuleUnit {
        drl = UnicodeEscapes.decode(drl);
    }

    boolean isTable() {
        return sheet != null;
    }

    String sheetName() {
        return sheet == null ? null : sheet.name();
    }

    List<String> lines() {
        return drl.lines().toList();
    }

    /** The name of the table rule a generated line belongs to, or null before the first rule. */
    String ruleAt(int line) {
        List<String> lines = lines();
        for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
            Matcher header = GENERATED_RULE.matcher(lines.get(i));
            if (header.find()) {
                return header.group(1);
            }
        }
        return null;
    }

    /** Drools names table rules after the table and the sheet row: "Eligibility_14" is row 14. */
    static Integer tableRow(String ruleName) {
        Matcher m = TABLE_ROW.matcher(ruleName);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
