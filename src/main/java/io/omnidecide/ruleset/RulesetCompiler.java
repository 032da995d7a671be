package io.omnidecide.ruleset;

import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Stage;
import io.omnidecide.message.MessageTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DroolsError;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Turns analysts' files into an immutable {@link Ruleset}, or into a list of problems that name
 * the file, sheet, cell or line. The only class that talks to the Drools build APIs.
 *
 * <p>Uses the classic (MVEL) build path: for rules loaded at run time it builds faster and with
 * less heap than the executable model and evaluates about as fast (docs/architecture-decisions.md).
 * Tables are turned into DRL here rather than handed to Drools by file name, which keeps the
 * generated text for tracing and makes a plain {@code segments.csv} work as well as
 * {@code segments.drl.csv}. DMN models ({@code .dmn}) are built by the KIE DMN engine in
 * {@link DmnCompiler}. Every unit passes {@link DrlSafety} first, and what is built is the tree that
 * check approved.
 */
public class RulesetCompiler {

    private static final Pattern COPY_TEXT = Pattern.compile("\\.set(?:Subject|Title|Body|Cta|Url)\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule(?: name)?[= ]'?\"?([A-Za-z0-9_ ]+?)'?\"?[,\\]\\s:]");

    private final Clock clock;

    public RulesetCompiler(Clock clock) {
        this.clock = clock;
    }

    public Ruleset compile(List<RulesetFile> files) {
        List<RulesetProblem> problems = new ArrayList<>();
        List<RulesetProblem> warnings = new ArrayList<>();
        List<RuleUnit> units = new ArrayList<>();
        for (RulesetFile file : files) {
            if (!file.isDmn()) {
                units.addAll(toUnits(file, problems, warnings));
            }
        }
        Map<String, RuleSource> dmnSources = new LinkedHashMap<>();
        DmnModels dmn = DmnCompiler.compile(files.stream().filter(RulesetFile::isDmn).toList(), dmnSources, problems);
        if (units.isEmpty() && problems.isEmpty()) {
            problems.add(RulesetProblem.inFile(null, "no rules: the ruleset has no .drl file and no decision table"));
        }
        if (!problems.isEmpty()) {
            throw new RulesetInvalidException(problems);
        }
        Map<RuleUnit, DrlSafety.Checked> checked = new LinkedHashMap<>();
        for (RuleUnit unit : units) {
            DrlSafety.Checked result = DrlSafety.check(unit);
            problems.addAll(result.problems());
            checked.put(unit, result);
        }
        if (!problems.isEmpty()) {
            throw new RulesetInvalidException(problems);
        }
        Map<String, RuleSource> sources = sources(checked, problems);
        dmnSources.forEach((name, source) -> {
            RuleSource other = sources.putIfAbsent(name, source);
            if (other != null) {
                problems.add(RulesetProblem.inDmn(source.file(), source.element(), source.row(), source.line(), "'" + name
                        + "' is also the name of a rule in " + other.location() + "; decisions cite both by name, so rename one"));
            }
        });
        RulesetReferences.check(sources, dmn.decisionNames(), cellFinder(units), problems, warnings);
        if (!problems.isEmpty()) {
            throw new RulesetInvalidException(problems);
        }
        KieBase kieBase;
        try {
            kieBase = build(checked, problems);
        } catch (StackOverflowError e) {
            throw new RulesetInvalidException(List.of(RulesetProblem.inFile(null, "the rules are nested too deeply to build")));
        }
        if (kieBase != null) {
            checkStages(kieBase, sources, problems);
        }
        if (!problems.isEmpty()) {
            throw new RulesetInvalidException(problems);
        }
        List<String> paths = files.stream().map(RulesetFile::path).sorted().toList();
        return new Ruleset(version(files), clock.instant(), paths, kieBase, Map.copyOf(sources), dmn, warnings);
    }

    /** Every rule by its name, which must be unique: decisions cite rules by name. */
    private static Map<String, RuleSource> sources(Map<RuleUnit, DrlSafety.Checked> units, List<RulesetProblem> problems) {
        Map<String, RuleSource> sources = new LinkedHashMap<>();
        for (Map.Entry<RuleUnit, DrlSafety.Checked> entry : units.entrySet()) {
            RuleUnit unit = entry.getKey();
            List<RuleSource> rules = entry.getValue().rules();
            if (rules.isEmpty() && unit.isTable()) {
                problems.add(new RulesetProblem(unit.file().path(), unit.sheetName(), null, null, null,
                        "the table has no rules: under RuleTable come CONDITION/ACTION, object types, snippets, labels, then one row per rule"));
            }
            for (RuleSource rule : rules) {
                RuleSource other = sources.putIfAbsent(rule.rule(), rule);
                if (other != null) {
                    problems.add(problem(rule, "rule name '" + rule.rule() + "' is also used in " + other.location()
                            + "; give each table (RuleTable name) and rule its own name"));
                }
                if (unit.isTable() && (rule.then() == null || rule.then().isBlank())) {
                    problems.add(problem(rule, "the row does nothing: fill at least one ACTION cell (a table needs its "
                            + "CONDITION/ACTION, object type, snippet and label rows above the rule rows)"));
                }
                checkPlaceholders(unit, rule, problems);
            }
        }
        return sources;
    }

    /** The cell of a table rule's row where a text was typed, for problems found on the generated rules. */
    private static BiFunction<RuleSource, String, String> cellFinder(List<RuleUnit> units) {
        Map<String, DecisionTableSheet> sheets = new HashMap<>();
        units.stream().filter(RuleUnit::isTable).forEach(unit -> sheets.put(unit.file().path() + "\u0000" + unit.sheetName(), unit.sheet()));
        return (rule, text) -> {
            DecisionTableSheet sheet = rule.row() == null ? null : sheets.get(rule.file() + "\u0000" + rule.sheet());
            return sheet == null ? null : sheet.cellContaining(text, rule.row());
        };
    }

    /** Content hash over paths and bytes: the same files give the same version on any machine. */
    public static String version(List<RulesetFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.stream().sorted(Comparator.comparing(RulesetFile::path)).forEach(f -> {
                sha.update(f.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.content());
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static List<RuleUnit> toUnits(RulesetFile file, List<RulesetProblem> problems, List<RulesetProblem> warnings) {
        if (file.isDrl()) {
            return List.of(new RuleUnit(file, null, file.text()));
        }
        if (!file.isCsvTable() && !file.isWorkbookTable()) {
            problems.add(RulesetProblem.inFile(file.path(), "not a rule file: expected .drl, .csv, .xlsx, .xls or .dmn"));
            return List.of();
        }
        List<DecisionTableSheet> sheets;
        try {
            sheets = DecisionTableReader.read(file);
        } catch (UnreadableTableException e) {
            problems.add(new RulesetProblem(file.path(), e.sheet(), e.cell(), null, null, e.getMessage()));
            return List.of();
        } catch (IOException | RuntimeException e) {
            problems.add(RulesetProblem.inFile(file.path(), "cannot read the spreadsheet: " + e.getMessage()));
            return List.of();
        }
        List<RuleUnit> units = new ArrayList<>();
        for (DecisionTableSheet sheet : sheets) {
            if (!sheet.hasRuleTable()) {
                continue;
            }
            List<RulesetProblem> cells = new ArrayList<>();
            TableCells.check(file, sheet, cells, warnings);
            if (!cells.isEmpty()) {
                problems.addAll(cells);
                continue;
            }
            try {
                units.add(new RuleUnit(file, sheet, DecisionTableDrl.generate(sheet)));
            } catch (RuntimeException e) {
                // A structurally broken table throws rather than reporting messages.
                problems.add(new RulesetProblem(file.path(), sheet.name(), null, null, null,
                        "the decision table cannot be read: " + rootMessage(e)));
            }
        }
        if (units.isEmpty() && problems.stream().noneMatch(p -> file.path().equals(p.file()))) {
            problems.add(RulesetProblem.inFile(file.path(), "no RuleTable found: a decision table needs a 'RuleSet' row and a 'RuleTable' header"));
        }
        return units;
    }

    /**
     * Builds the checked trees, not the text they were read from, under the class filter that keeps
     * rule code from everything but the engine, the facts and plain values.
     */
    private KieBase build(Map<RuleUnit, DrlSafety.Checked> units, List<RulesetProblem> problems) {
        Map<String, RuleUnit> byRule = new LinkedHashMap<>();
        units.forEach((unit, checked) -> checked.rules().forEach(rule -> byRule.put(rule.rule(), unit)));
        List<KnowledgeBuilderError> errors = new ArrayList<>();
        KieBase kieBase = buildFiltered(units.values().stream().map(DrlSafety.Checked::tree).toList(), errors);
        for (KnowledgeBuilderError error : errors) {
            String rule = error instanceof DroolsError droolsError ? ruleOf(droolsError) : null;
            RuleUnit unit = rule == null ? units.size() == 1 ? units.keySet().iterator().next() : null : byRule.get(rule);
            int[] lines = error.getLines();
            problems.add(locate(unit, lines != null && lines.length > 0 ? lines[0] : -1, error.getMessage()));
        }
        return kieBase;
    }

    /**
     * Builds parsed rules, not text, under the class filter that keeps rule code from everything but
     * the engine, the facts and plain values; null with the errors added when they do not build.
     */
    static KieBase buildFiltered(List<PackageDescr> trees, List<KnowledgeBuilderError> errors) {
        ClassLoader rulesClassLoader = new RuleClassFilter(Customer.class.getClassLoader());
        KnowledgeBuilderImpl builder = (KnowledgeBuilderImpl) KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, rulesClassLoader));
        trees.forEach(tree -> builder.add(ResourceFactory.newDescrResource(tree), ResourceType.DESCR));
        errors.addAll(builder.getErrors());
        return errors.isEmpty() ? builder.newKnowledgeBase(KieServices.Factory.get().newKieBaseConfiguration(null, rulesClassLoader)) : null;
    }

    /** The rule a build error belongs to, from the error itself or its message. */
    private static String ruleOf(DroolsError error) {
        if (error instanceof RuleBuildError ruleError && ruleError.getRule() != null) {
            return ruleError.getRule().getName();
        }
        Matcher named = RULE_IN_MESSAGE.matcher(error.getMessage() == null ? "" : error.getMessage());
        return named.find() ? named.group(1).trim() : null;
    }

    /** Maps a Drools message back to what the analyst wrote: DRL line, or table row and cell. */
    static RulesetProblem locate(RuleUnit unit, int line, String text) {
        String message = UnknownFieldHint.of(text).orElse(text.replaceAll("\\s+", " ").trim());
        if (unit == null) {
            return RulesetProblem.inFile(null, message);
        }
        if (!unit.isTable()) {
            return new RulesetProblem(unit.file().path(), null, null, null, line > 0 ? line : null, message);
        }
        String rule = line > 0 ? unit.ruleAt(line) : null;
        // A misspelt field was typed once, in a snippet or a cell: that is the cell to fix.
        String typed = UnknownFieldHint.field(text).map(field -> unit.sheet().cellContaining(field)).orElse(null);
        if (rule == null) {
            Matcher named = RULE_IN_MESSAGE.matcher(message);
            rule = named.find() ? named.group(1).trim() : null;
        }
        Integer row = rule == null ? null : RuleUnit.tableRow(rule);
        String cell = typed != null || row == null || line <= 0 ? typed
                : cellOf(unit.sheet(), row, unit.lines().get(Math.min(line, unit.lines().size()) - 1));
        if (cell == null && row != null) {
            // Errors in generated Java name the offending value but not a DRL line.
            cell = cellOf(unit.sheet(), row, message);
        }
        return new RulesetProblem(unit.file().path(), unit.sheetName(), cell, row, null, message);
    }

    /** The cell of the row whose text appears in the generated text; the longest match wins. */
    private static String cellOf(DecisionTableSheet sheet, int row, String generatedLine) {
        int best = 0;
        int bestLength = 0;
        for (int column = 1; column <= sheet.width(row); column++) {
            String value = sheet.cell(row, column).trim();
            if (!value.isEmpty() && value.length() > bestLength && generatedLine.contains(value)) {
                best = column;
                bestLength = value.length();
            }
        }
        return best == 0 ? null : DecisionTableSheet.columnName(best) + row;
    }

    /** Copy may only use placeholders the renderer fills; a typo would reach customers as a gap. */
    private static void checkPlaceholders(RuleUnit unit, RuleSource rule, List<RulesetProblem> problems) {
        if (rule.then() == null) {
            return;
        }
        Matcher copy = COPY_TEXT.matcher(rule.then());
        while (copy.find()) {
            for (String name : MessageTemplate.unknownPlaceholders(copy.group(1))) {
                String cell = unit.isTable() ? cellContaining(unit.sheet(), rule.row(), "{" + name) : null;
                problems.add(new RulesetProblem(rule.file(), rule.sheet(), cell, rule.row(), rule.line(),
                        "unknown placeholder {" + name + "}; copy may use " + MessageTemplate.NAMES));
            }
        }
    }

    private static String cellContaining(DecisionTableSheet sheet, int row, String text) {
        for (int column = 1; column <= sheet.width(row); column++) {
            if (sheet.cell(row, column).contains(text)) {
                return DecisionTableSheet.columnName(column) + row;
            }
        }
        return null;
    }

    private static RulesetProblem problem(RuleSource rule, String message) {
        return new RulesetProblem(rule.file(), rule.sheet(), null, rule.row(), rule.line(), message);
    }

    /** Every rule must run in one of the pipeline's stages, or it would never fire. */
    private static void checkStages(KieBase kieBase, Map<String, RuleSource> sources, List<RulesetProblem> problems) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String group = ((RuleImpl) rule).getAgendaGroup();
                if (!Stage.AGENDA_GROUPS.contains(group)) {
                    problems.add(problem(sources.get(rule.getName()), "rule '" + rule.getName() + "' belongs to no stage (agenda group '" + group
                                    + "'); set AGENDA-GROUP (tables) or agenda-group (DRL) to one of " + Stage.AGENDA_GROUPS));
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
