package io.omnidecide.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules edited by analysts are code: before anything is built, a ruleset may only use the fact
 * vocabulary (io.omnidecide.facts) and the calls listed here. Everything else is refused with one
 * problem per offence, located to the file and line or the table cell: other imports, functions,
 * globals, declarations, queries, eval, object creation, working-memory operations, and any call that
 * is not on the allow-list (which keeps out System, Runtime, ProcessBuilder, Thread, reflection,
 * class loading, file and network access).
 */
final class RulesetSafety {

    /** What a consequence may call on a fact ($c): the documented vocabulary (docs/fact-model.md). */
    static final Set<String> ACTIONS = Set.of("propose", "addSegment", "setLifecycleStage", "recommend", "suppress", "setCategory",
            "setExpectedRate", "setValue", "allowChannels", "setHoldoutShare", "setSeveralPerDecision", "setFallback", "multiplyLever",
            "multiplyContextWeight", "setSubject", "setTitle", "setBody", "setCta", "setUrl");

    /** What a condition may call: the fact types as patterns, and the history counts of a candidate. */
    static final Set<String> CONDITION_CALLS = Set.of("Customer", "Candidate", "impressions", "actionImpressions", "categoryImpressions");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.*]+)", Pattern.MULTILINE);
    private static final Pattern ALLOWED_IMPORT = Pattern.compile("io\\.omnidecide\\.facts\\.(\\*|[A-Z]\\w*)");
    private static final Pattern FORBIDDEN_BLOCK = Pattern.compile("^\\s*(function|global|declare|query|import\\s+function|import\\s+static)\\b",
            Pattern.MULTILINE);
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern CALL = Pattern.compile("([$\\w.]*?)(\\w+)\\s*\\(");
    private static final Pattern KEYWORD = Pattern.compile("\\b(eval|new|insert|insertLogical|modify|update|retract|delete|drools|kcontext)\\b");

    private RulesetSafety() {
    }

    static List<RulesetProblem> check(RuleUnit unit) {
        List<RulesetProblem> problems = new ArrayList<>();
        String drl = unit.drl();
        Matcher imports = IMPORT.matcher(drl);
        while (imports.find()) {
            if (!ALLOWED_IMPORT.matcher(imports.group(1)).matches()) {
                problems.add(at(unit, imports.group(1), lineOf(drl, imports.start()), "import of '" + imports.group(1)
                        + "' is not allowed: rules may use only the fact vocabulary (io.omnidecide.facts.*)"));
            }
        }
        Matcher blocks = FORBIDDEN_BLOCK.matcher(drl);
        while (blocks.find()) {
            problems.add(at(unit, blocks.group(1), lineOf(drl, blocks.start()), "'" + blocks.group(1)
                    + "' is not allowed in a ruleset: write conditions and actions with the fact vocabulary"));
        }
        for (RuleSource rule : unit.rules()) {
            check(unit, rule, rule.when(), false, problems);
            check(unit, rule, rule.then(), true, problems);
        }
        return problems;
    }

    private static void check(RuleUnit unit, RuleSource rule, String text, boolean consequence, List<RulesetProblem> problems) {
        if (text == null) {
            return;
        }
        String code = STRING.matcher(text).replaceAll("\"\"");
        Matcher keyword = KEYWORD.matcher(code);
        while (keyword.find()) {
            problems.add(at(unit, rule, keyword.group(1), "'" + keyword.group(1) + "' is not allowed in rule '" + rule.rule()
                    + "': rules may only read facts and call the fact vocabulary"));
        }
        Matcher call = CALL.matcher(code);
        while (call.find()) {
            String target = call.group(1);
            String method = call.group(2);
            boolean allowed = consequence ? target.matches("\\$\\w+\\.") && ACTIONS.contains(method)
                    : CONDITION_CALLS.contains(method) && (target.isEmpty() || target.endsWith(":") || target.startsWith("$"));
            if (!allowed && !KEYWORD.matcher(method).matches()) {
                problems.add(at(unit, rule, target + method, "call of '" + target + method + "(...)' in rule '" + rule.rule()
                        + "' is not on the allow-list: " + (consequence ? "actions may call $c." + ACTIONS
                        : "conditions may use " + CONDITION_CALLS)));
            }
        }
    }

    private static RulesetProblem at(RuleUnit unit, RuleSource rule, String token, String message) {
        if (!unit.isTable()) {
            return new RulesetProblem(unit.file().path(), null, null, null, lineOfToken(unit.drl(), rule.line(), token), message);
        }
        return new RulesetProblem(unit.file().path(), unit.sheetName(), unit.sheet().cellContaining(token), rule.row(), null, message);
    }

    private static RulesetProblem at(RuleUnit unit, String token, int line, String message) {
        return unit.isTable()
                ? new RulesetProblem(unit.file().path(), unit.sheetName(), unit.sheet().cellContaining(token), null, null, message)
                : new RulesetProblem(unit.file().path(), null, null, null, line, message);
    }

    /** The first line at or after the rule's header that mentions the token. */
    private static Integer lineOfToken(String drl, Integer from, String token) {
        List<String> lines = drl.lines().toList();
        for (int i = from == null ? 0 : from - 1; i < lines.size(); i++) {
            if (lines.get(i).contains(token)) {
                return i + 1;
            }
        }
        return from;
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(ch -> ch == '\n').count() + 1;
    }
}
