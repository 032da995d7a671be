package io.omnidecide.ruleset;

import io.omnidecide.facts.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

/**
 * Rules uploaded at run time are code, so they are checked on Drools' own parse tree against an
 * allow-list, never by patterns on their text (docs/rulesets.md, "What rules may say"). A unit's
 * DRL, typed or generated from a table, is parsed once by the DRL parser; every package element,
 * rule, attribute, pattern, constraint and action is checked; constraints and actions are then
 * replaced by their canonical form. The checked tree itself is what gets built
 * ({@link RulesetCompiler}), so no text the check did not understand reaches a compiler.
 */
final class DrlSafety {

    /** The result: the tree to build and the rules' sources, or the problems. */
    record Checked(PackageDescr tree, List<RuleSource> rules, List<RulesetProblem> problems) {
    }

    /** Rule attributes with the values they may take: literal, from a short list. */
    private static final Map<String, Pattern> ATTRIBUTES = Map.of(
            "agenda-group", Pattern.compile(Stage.AGENDA_GROUPS.stream().map(Pattern::quote).collect(Collectors.joining("|"))),
            "salience", Pattern.compile("-?\\d{1,6}"),
            "no-loop", Pattern.compile("true|false|"),
            "lock-on-active", Pattern.compile("true|false|"));
    private static final Pattern PACKAGE = Pattern.compile("omnidecide(\\.[a-z][a-z0-9_]{0,40}){0,5}");
    private static final Set<String> IMPORTS = Set.of("io.omnidecide.facts.*", "io.omnidecide.facts.Customer", "io.omnidecide.facts.Candidate");
    /** Rule names become parts of generated class names and messages: words and plain punctuation only. */
    private static final Pattern RULE_NAME = Pattern.compile("[\\p{L}\\p{N} _\\-.,:'()&+!?%#]{1,200}");
    private static final Pattern RULE_IN_ERROR = Pattern.compile("in rule \"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Levels of brackets, not, exists and or a condition may nest. */
    static final int MAX_NESTING = 20;
    /** Rules one unit may hold: ten times the largest table measured (docs/performance.md). */
    static final int MAX_RULES = 100_000;

    private final RuleUnit unit;
    private final List<String> lines;
    private final List<RulesetProblem> problems = new ArrayList<>();

    private DrlSafety(RuleUnit unit) {
        this.unit = unit;
        this.lines = unit.lines();
    }

    static Checked check(RuleUnit unit) {
        try {
            return new DrlSafety(unit).check();
        } catch (StackOverflowError e) {
            // Parsers recurse once per level of brackets: a file nested thousands deep is refused, not followed down.
            return new Checked(null, List.of(), List.of(RulesetProblem.inFile(unit.file().path(), "the rules are nested too deeply to read: "
                    + "at most " + MAX_NESTING + " levels of brackets, not, exists and or")));
        }
    }

    private Checked check() {
        DrlParser parser = new DrlParser();
        PackageDescr tree;
        try {
            tree = parser.parse(false, unit.drl());
        } catch (DroolsParserException e) {
            problem(null, e.getLineNumber(), null, "the rules cannot be read: " + e.getMessage());
            return new Checked(null, List.of(), problems);
        }
        if (parser.hasErrors() || tree == null) {
            for (DroolsError error : parser.getErrors()) {
                int[] lines = error.getLines();
                Matcher rule = RULE_IN_ERROR.matcher(String.valueOf(error.getMessage()));
                problem(rule.find() ? rule.group(1) : null, lines != null && lines.length > 0 ? lines[0] : null, null,
                        "the rules cannot be read: " + error.getMessage());
            }
            return new Checked(null, List.of(), problems);
        }
        checkPackage(tree);
        List<RuleSource> rules = new ArrayList<>();
        if (tree.getRules().size() > MAX_RULES) {
            problem(null, null, null, "the unit has " + tree.getRules().size() + " rules; at most " + MAX_RULES + " are allowed: split it");
        } else {
            for (RuleDescr rule : tree.getRules()) {
                checkRule(rule).ifPresent(rules::add);
            }
        }
        return new Checked(problems.isEmpty() ? tree : null, rules, problems);
    }

    private void checkPackage(PackageDescr tree) {
        if (!tree.getName().isEmpty() && !PACKAGE.matcher(tree.getName()).matches()) {
            problem(null, tree.getLine(), tree.getName(), "package '" + tree.getName() + "' is not allowed: name it omnidecide.<topic>, "
                    + "as in omnidecide.segment");
        }
        for (ImportDescr imported : tree.getImports()) {
            if (!IMPORTS.contains(imported.getTarget())) {
                problem(null, imported.getLine(), imported.getTarget(), "import of '" + imported.getTarget()
                        + "' is not allowed: rules may use only the fact vocabulary (io.omnidecide.facts.*)");
            }
        }
        refuseAll(tree.getFunctionImports(), "import function");
        refuseAll(tree.getAccumulateImports(), "import accumulate");
        refuseAll(tree.getGlobals(), "global");
        refuseAll(tree.getFunctions(), "function");
        refuseAll(tree.getTypeDeclarations(), "declare");
        refuseAll(tree.getEnumDeclarations(), "declare enum");
        refuseAll(List.copyOf(tree.getEntryPointDeclarations()), "declare entry-point");
        refuseAll(List.copyOf(tree.getWindowDeclarations()), "declare window");
        if (tree.getUnit() != null) {
            problem(null, tree.getUnit().getLine(), "unit", "'unit' is not allowed in a ruleset: rules run in the pipeline's stages");
        }
        for (AttributeDescr attribute : tree.getAttributes()) {
            checkAttribute(null, attribute);
        }
    }

    private void refuseAll(List<? extends BaseDescr> declarations, String keyword) {
        for (BaseDescr declaration : declarations) {
            problem(null, declaration.getLine(), keyword.substring(keyword.lastIndexOf(' ') + 1), "'" + keyword
                    + "' is not allowed in a ruleset: write conditions and actions with the fact vocabulary");
        }
    }

    private void checkAttribute(String rule, AttributeDescr attribute) {
        Pattern values = ATTRIBUTES.get(attribute.getName());
        if (values == null) {
            problem(rule, attribute.getLine(), attribute.getName(), "the attribute '" + attribute.getName() + "' is not allowed: rules may set "
                    + ATTRIBUTES.keySet().stream().sorted().toList());
        } else if (attribute.getValue() == null || !values.matcher(attribute.getValue()).matches()) {
            problem(rule, attribute.getLine(), attribute.getName(), "'" + attribute.getName() + "' must be "
                    + switch (attribute.getName()) {
                        case "agenda-group" -> "one of the stages " + Stage.AGENDA_GROUPS;
                        case "salience" -> "a whole number such as 10 or -5, not an expression";
                        default -> "true or false";
                    } + ", not '" + attribute.getValue() + "'");
        }
    }

    /** The rule's source when it is allowed; its constraints and actions are made canonical in the tree. */
    private Optional<RuleSource> checkRule(RuleDescr rule) {
        String name = rule.getName();
        int before = problems.size();
        if (rule.isQuery()) {
            problem(null, rule.getLine(), "query", "'query' is not allowed in a ruleset: write conditions and actions with the fact vocabulary");
            return Optional.empty();
        }
        if (name == null || !RULE_NAME.matcher(name).matches()) {
            problem(null, rule.getLine(), name, "the rule name '" + name + "' is not allowed: up to 200 letters, digits, spaces and . , : ' ( ) & + ! ? % # - _");
            return Optional.empty();
        }
        rule.getAttributes().values().forEach(attribute -> checkAttribute(name, attribute));
        if (rule.getParentName() != null) {
            problem(name, rule.getLine(), "extends", "'extends' is not allowed: each rule states all its conditions");
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            problem(name, rule.getLine(), "then[", "named consequences (then[...], do[...], break[...]) are not allowed");
        }
        if (!rule.getAnnotations().isEmpty() || rule.getUnit() != null) {
            problem(name, rule.getLine(), "@", "annotations and units are not allowed on a rule");
        }
        RuleScope scope = new RuleScope();
        List<String> conditions = new ArrayList<>();
        for (BaseDescr element : rule.getLhs() == null ? List.<BaseDescr>of() : rule.getLhs().getDescrs()) {
            conditions.add(element(name, element, scope));
        }
        String actions = actions(rule, scope);
        if (problems.size() > before) {
            return Optional.empty();
        }
        boolean table = unit.isTable();
        return Optional.of(new RuleSource(name, unit.file().path(), unit.sheetName(), table ? RuleUnit.tableRow(name) : null,
                table ? null : rule.getLine(), String.join(" ", conditions), actions.replace('\n', ' ')));
    }

    /** One conditional element in canonical words, or null when refused. */
    private String element(String rule, BaseDescr element, RuleScope scope) {
        return element(rule, element, scope, 0);
    }

    private String element(String rule, BaseDescr element, RuleScope scope, int depth) {
        if (depth > MAX_NESTING) {
            problem(rule, element.getLine(), null, "the condition nests more than " + MAX_NESTING + " levels of not, exists, and, or");
            return null;
        }
        if (element instanceof PatternDescr pattern) {
            return pattern(rule, pattern, scope);
        }
        if (element instanceof NotDescr || element instanceof ExistsDescr || element instanceof OrDescr || element instanceof AndDescr) {
            List<String> parts = new ArrayList<>();
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) element).getDescrs()) {
                parts.add(element(rule, (BaseDescr) child, scope, depth + 1));
            }
            String inner = String.join(element instanceof OrDescr ? " or " : " and ", parts);
            return element instanceof NotDescr ? "not (" + inner + ")" : element instanceof ExistsDescr ? "exists (" + inner + ")" : "(" + inner + ")";
        }
        if (element instanceof NamedConsequenceDescr || element instanceof ConditionalBranchDescr) {
            problem(rule, element.getLine(), "do", "named consequences (do[...], break[...], if ... do[...]) are not allowed: "
                    + "a rule has one list of actions");
            return null;
        }
        String kind = element.getClass().getSimpleName().replace("Descr", "").toLowerCase();
        problem(rule, element.getLine(), kind, "'" + kind + "' is not allowed in a condition: conditions are patterns on "
                + FactVocabulary.patternTypes() + ", combined with not, exists, and, or");
        return null;
    }

    private String pattern(String rule, PatternDescr pattern, RuleScope scope) {
        Optional<FactVocabulary> fact = FactVocabulary.ofPattern(pattern.getObjectType());
        if (fact.isEmpty()) {
            problem(rule, pattern.getLine(), pattern.getObjectType(), "patterns may match " + FactVocabulary.patternTypes() + ", not '"
                    + pattern.getObjectType() + "'");
            return null;
        }
        if (pattern.getSource() != null || !pattern.getBehaviors().isEmpty() || pattern.isQuery() || pattern.isUnification()
                || !pattern.getAnnotations().isEmpty()) {
            String what = pattern.getSource() != null ? pattern.getSource().getClass().getSimpleName().replace("Descr", "").toLowerCase() : "window";
            problem(rule, pattern.getLine(), what, "a pattern matches the facts the pipeline inserts: 'from', 'accumulate', 'collect', "
                    + "entry points, windows, annotations and queries are not allowed");
            return null;
        }
        String identifier = pattern.getIdentifier();
        if (identifier != null) {
            if (!RuleScope.isVariableName(identifier)) {
                problem(rule, pattern.getLine(), identifier, "a fact is bound to a variable named $name, not '" + identifier + "'");
                return null;
            }
            scope.bindFact(identifier, fact.get());
        }
        List<String> constraints = new ArrayList<>();
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (!(constraint instanceof ExprConstraintDescr expression) || expression.getType() != ExprConstraintDescr.Type.NAMED) {
                problem(rule, constraint.getLine(), String.valueOf(constraint.getText()), "positional constraints are not allowed: "
                        + "name the field, as in orders >= 3");
                continue;
            }
            List<RuleOffence> offences = new ArrayList<>();
            String canonical = ConditionSafety.check(expression.getExpression(), fact.get(), scope, offences);
            offences.forEach(offence -> problem(rule, expression.getLine(), offence.token(), offence.message()));
            if (canonical != null) {
                expression.setExpression(canonical);
                expression.setText(canonical);
                constraints.add(canonical);
            }
        }
        return (identifier == null ? "" : identifier + " : ") + fact.get().simpleName() + "(" + String.join(", ", constraints) + ")";
    }

    private String actions(RuleDescr rule, RuleScope scope) {
        if (!(rule.getConsequence() instanceof String consequence)) {
            return "";
        }
        List<RuleOffence> offences = new ArrayList<>();
        String canonical = ConsequenceSafety.check(consequence, scope, offences);
        int first = firstLineOf(consequence, rule.getConsequenceLine());
        for (RuleOffence offence : offences) {
            problem(rule.getName(), first + offence.line() - 1, offence.token(), offence.message());
        }
        if (canonical == null) {
            return "";
        }
        rule.setConsequence(canonical);
        return canonical;
    }

    /** The parser gives the line of 'then' and the actions without their leading blanks: find where they start. */
    private int firstLineOf(String consequence, int thenLine) {
        String start = consequence.strip().lines().findFirst().orElse("");
        for (int i = Math.max(0, thenLine - 1); i < lines.size() && !start.isEmpty(); i++) {
            if (lines.get(i).contains(start)) {
                return i + 1;
            }
        }
        return thenLine;
    }

    private void problem(String rule, Integer line, String token, String message) {
        if (!unit.isTable()) {
            problems.add(new RulesetProblem(unit.file().path(), null, null, null, line != null && line > 0 ? line : null, message));
            return;
        }
        Integer row = rule == null ? null : RuleUnit.tableRow(rule);
        String cell = token == null ? null : unit.sheet().cellContaining(token, row);
        problems.add(new RulesetProblem(unit.file().path(), unit.sheetName(), cell, row, null, message));
    }
}
