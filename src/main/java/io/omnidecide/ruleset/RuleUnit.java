package io.omnidecide.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRL text from one analyst file (or one sheet of a workbook): either the file itself, or what
 * Drools generated from a table. Knows which rule sits on which line, so build messages and fired
 * rules can be traced back to the file, sheet, row and cell.
 */
record RuleUnit(RulesetFile file, DecisionTableSheet sheet, String drl) {

    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TABLE_ROW = Pattern.compile("_(\\d+)$");
    private static final Pattern BODY = Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b(.*)\\bend\\b");

    boolean isTable() {
        return sheet != null;
    }

    String sheetName() {
        return sheet == null ? null : sheet.name();
    }

    List<String> lines() {
        return drl.lines().toList();
    }

    /** Every rule with its first line and its conditions and actions, condensed to one line each. */
    List<RuleSource> rules() {
        List<String> lines = lines();
        List<RuleSource> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher header = RULE_HEADER.matcher(lines.get(i));
            if (!header.find()) {
                continue;
            }
            StringBuilder block = new StringBuilder();
            int j = i;
            while (j < lines.size() && !lines.get(j).trim().equals("end")) {
                block.append(lines.get(j++)).append('\n');
            }
            block.append("end");
            Matcher body = BODY.matcher(block);
            String when = body.find() ? condense(body.group(1)) : null;
            String then = when == null ? null : condense(body.group(2));
            String name = header.group(1);
            rules.add(new RuleSource(name, file.path(), sheetName(), isTable() ? tableRow(name) : null,
                    isTable() ? null : i + 1, when, then));
        }
        return rules;
    }

    /** The name of the rule a generated line belongs to, or null before the first rule. */
    String ruleAt(int line) {
        List<String> lines = lines();
        for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
            Matcher header = RULE_HEADER.matcher(lines.get(i));
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

    private static String condense(String text) {
        // Whole-line comments only: "//" inside a string is part of a URL.
        return text.replaceAll("(?m)^\\s*//.*$", " ").replaceAll("\\s+", " ").trim();
    }
}
