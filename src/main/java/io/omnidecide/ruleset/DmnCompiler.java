package io.omnidecide.ruleset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.compiler.RuntimeTypeCheckOption;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.feel.util.Either;
import org.kie.dmn.model.api.BusinessKnowledgeModel;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.DRGElement;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.InputData;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.UnaryTests;
import org.kie.internal.io.ResourceFactory;
import org.w3c.dom.Document;

/**
 * Builds the {@code .dmn} files of a ruleset with the KIE DMN engine, at run time from their bytes,
 * after {@link DmnSafety} has parsed and checked each one. Every problem names the file, the DMN
 * element (decision, inputData...) and, inside a decision table, the rule (its row in the editor).
 * Also knows each decision table rule as a {@link RuleSource}, so decisions can cite it.
 */
final class DmnCompiler {

    private static final Set<String> RESULT_TYPES = Set.of("string", "number", "boolean");
    private static final String LITERAL = "\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?|true|false";
    private static final Pattern LITERALS = Pattern.compile("\\s*(?:" + LITERAL + ")(?:\\s*,\\s*(?:" + LITERAL + "))*\\s*");
    private static final Pattern ONE_LITERAL = Pattern.compile(LITERAL);

    private DmnCompiler() {
    }

    /** The compiled models; problems and the rule sources of their decisions are added to the lists given. */
    static DmnModels compile(List<RulesetFile> files, Map<String, RuleSource> sources, List<RulesetProblem> problems) {
        List<DmnModels.Model> models = new ArrayList<>();
        Map<String, String> decisionFiles = new LinkedHashMap<>();
        for (RulesetFile file : files) {
            Document document = DmnSafety.parse(file, problems);
            if (document == null) {
                continue;
            }
            List<RulesetProblem> unsafe = DmnSafety.check(file, document);
            if (!unsafe.isEmpty()) {
                // Never hand an unsafe model to the engine.
                problems.addAll(unsafe);
                continue;
            }
            DmnModels.Model model = build(file, problems);
            if (model == null) {
                continue;
            }
            int before = problems.size();
            checkDecisions(file, model.model(), problems);
            for (DecisionNode decision : model.model().getDecisions()) {
                String other = decisionFiles.putIfAbsent(decision.getName(), file.path());
                if (other != null) {
                    problems.add(RulesetProblem.inDmn(file.path(), "decision '" + decision.getName() + "'", null, line(decision.getDecision()),
                            "decision '" + decision.getName() + "' is also decided in " + other + "; rules read results by decision name, so give it another"));
                }
            }
            if (problems.size() == before) {
                addSources(file, model.model(), sources);
                models.add(model);
            }
        }
        return new DmnModels(models);
    }

    private static DmnModels.Model build(RulesetFile file, List<RulesetProblem> problems) {
        Resource resource = ResourceFactory.newByteArrayResource(file.content());
        resource.setSourcePath(file.path());
        Either<Exception, DMNRuntime> built;
        try {
            // No class loader: FEEL in a model cannot reach Java classes even if a check above missed a way.
            built = DMNRuntimeBuilder.fromDefaults().setRootClassLoader(null).setOption(new RuntimeTypeCheckOption(true))
                    .buildConfiguration().fromResources(List.of(resource));
        } catch (RuntimeException e) {
            problems.add(RulesetProblem.inFile(file.path(), "the KIE DMN engine cannot read the model: " + e.getMessage()));
            return null;
        }
        DMNRuntime runtime = built.cata(e -> {
            problems.add(RulesetProblem.inFile(file.path(), "the KIE DMN engine cannot read the model: " + e.getMessage()));
            return null;
        }, r -> r);
        if (runtime == null) {
            return null;
        }
        DMNModel model = runtime.getModels().get(0);
        List<DMNMessage> errors = model.getMessages(DMNMessage.Severity.ERROR);
        errors.forEach(error -> problems.add(locate(file, error)));
        if (!errors.isEmpty()) {
            return null;
        }
        runtime.addListener(DmnModels.SELECTED_RULES);
        List<String> inputs = model.getInputs().stream().map(InputDataNode::getName).sorted().toList();
        return new DmnModels.Model(file.path(), runtime, model, inputs);
    }

    /** An engine message, located to the element it names and, inside a decision table, the rule. */
    private static RulesetProblem locate(RulesetFile file, DMNMessage message) {
        Object reference = message.getSourceReference();
        if (!(reference instanceof DMNModelInstrumentedBase node)) {
            return RulesetProblem.inDmn(file.path(), null, null, null, message.getMessage());
        }
        Integer rule = null;
        String element = null;
        for (DMNModelInstrumentedBase n = node; n != null; n = n.getParent()) {
            if (rule == null && n instanceof DecisionRule r && r.getParent() instanceof DecisionTable table) {
                rule = table.getRule().indexOf(r) + 1;
            }
            if (n instanceof DRGElement drg) {
                element = kind(drg) + " '" + drg.getName() + "'";
                break;
            }
        }
        return RulesetProblem.inDmn(file.path(), element, rule, line(node), message.getMessage());
    }

    private static String kind(DRGElement element) {
        return element instanceof Decision ? "decision"
                : element instanceof InputData ? "inputData"
                : element instanceof BusinessKnowledgeModel ? "businessKnowledgeModel"
                : element.getClass().getSimpleName().replaceFirst("^T", "");
    }

    /**
     * What the engine does not check before evaluating: rules read each decision's result, so it is
     * a string, number or boolean from one output column, and each literal output has that type and
     * is one of the column's declared output values.
     */
    private static void checkDecisions(RulesetFile file, DMNModel model, List<RulesetProblem> problems) {
        for (DecisionNode node : model.getDecisions()) {
            Decision decision = node.getDecision();
            String element = "decision '" + decision.getName() + "'";
            String type = typeName(decision.getVariable() == null ? null : decision.getVariable().getTypeRef());
            if (!RESULT_TYPES.contains(type)) {
                problems.add(RulesetProblem.inDmn(file.path(), element, null, line(decision), "the decision's type is '"
                        + (type == null ? "undefined" : type) + "': rules read its result, so it must be string, number or boolean"));
                continue;
            }
            if (!(decision.getExpression() instanceof DecisionTable table)) {
                continue;
            }
            if (table.getOutput().size() != 1) {
                problems.add(RulesetProblem.inDmn(file.path(), element, null, line(table),
                        "the decision table has " + table.getOutput().size() + " output columns; a decision the rules read has exactly one"));
                continue;
            }
            OutputClause output = table.getOutput().get(0);
            String outputType = typeName(output.getTypeRef()) == null ? type : typeName(output.getTypeRef());
            List<String> allowed = literals(output.getOutputValues());
            for (int i = 0; i < table.getRule().size(); i++) {
                DecisionRule rule = table.getRule().get(i);
                for (LiteralExpression entry : rule.getOutputEntry()) {
                    String text = entry.getText() == null ? "" : entry.getText().trim();
                    String literalType = literalType(text);
                    if (literalType == null) {
                        continue;
                    }
                    if (RESULT_TYPES.contains(outputType) && !literalType.equals(outputType)) {
                        problems.add(RulesetProblem.inDmn(file.path(), element, i + 1, line(rule),
                                "the output " + text + " is a " + literalType + ", but " + decision.getName() + " is a " + outputType));
                    } else if (allowed != null && allowed.stream().noneMatch(value -> sameLiteral(value, text))) {
                        problems.add(RulesetProblem.inDmn(file.path(), element, i + 1, line(rule), "the output " + text
                                + " is not one of the output values " + output.getOutputValues().getText().trim()));
                    }
                }
            }
        }
    }

    /** The output values when they are a plain list of literals, else null (any FEEL unary test is left to the engine). */
    private static List<String> literals(UnaryTests values) {
        if (values == null || values.getText() == null || !LITERALS.matcher(values.getText()).matches()) {
            return null;
        }
        List<String> literals = new ArrayList<>();
        Matcher m = ONE_LITERAL.matcher(values.getText());
        while (m.find()) {
            literals.add(m.group());
        }
        return literals;
    }

    private static String literalType(String text) {
        if (!ONE_LITERAL.matcher(text).matches()) {
            return null;
        }
        return text.startsWith("\"") ? "string" : text.equals("true") || text.equals("false") ? "boolean" : "number";
    }

    private static boolean sameLiteral(String a, String b) {
        return "number".equals(literalType(a)) && "number".equals(literalType(b)) ? new BigDecimal(a).compareTo(new BigDecimal(b)) == 0 : a.equals(b);
    }

    private static String typeName(QName typeRef) {
        return typeRef == null || typeRef.getLocalPart().isBlank() ? null : typeRef.getLocalPart();
    }

    /** Each decision, and each rule of a decision table, as the ruleset cites it. */
    private static void addSources(RulesetFile file, DMNModel model, Map<String, RuleSource> sources) {
        for (DecisionNode node : model.getDecisions()) {
            Decision decision = node.getDecision();
            String name = decision.getName();
            String element = "decision " + name;
            String then = decision.getExpression() instanceof LiteralExpression literal ? name + " = " + literal.getText().trim() : null;
            sources.put(name, new RuleSource(name, file.path(), null, null, line(decision), null, then, element));
            if (decision.getExpression() instanceof DecisionTable table) {
                for (int i = 0; i < table.getRule().size(); i++) {
                    DecisionRule rule = table.getRule().get(i);
                    String ruleName = DmnModels.sourceName(name, i + 1);
                    sources.put(ruleName, new RuleSource(ruleName, file.path(), null, i + 1, line(rule), when(table, rule),
                            name + " = " + rule.getOutputEntry().get(0).getText().trim(), element));
                }
            }
        }
    }

    /** The rule's input entries as the editor shows them: "Lifetime value: >= 1000", skipping "-" (any). */
    private static String when(DecisionTable table, DecisionRule rule) {
        List<String> tests = new ArrayList<>();
        for (int i = 0; i < rule.getInputEntry().size() && i < table.getInput().size(); i++) {
            String test = rule.getInputEntry().get(i).getText().trim();
            if (!test.equals("-") && !test.isEmpty()) {
                InputClause input = table.getInput().get(i);
                String label = input.getLabel() != null ? input.getLabel() : input.getInputExpression().getText().trim();
                tests.add(label + ": " + test);
            }
        }
        return tests.isEmpty() ? "always" : String.join(", ", tests);
    }

    private static Integer line(DMNModelInstrumentedBase element) {
        return element.getLocation() == null || element.getLocation().getLineNumber() <= 0 ? null : element.getLocation().getLineNumber();
    }
}
