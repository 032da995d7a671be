package io.omnidecide.ruleset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.dmn.feel.lang.ast.NameRefNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The expressions of one DMN model, checked before the engine sees them. The XML is walked with an
 * allow-list of DMN elements (an unknown element is refused, so no expression can hide in one);
 * every FEEL text (literal expressions, decision table cells, input expressions, allowed values,
 * context entries, invocation bindings, list and relation cells, function bodies) is parsed as the
 * engine parses it and checked by {@link FeelAllowList}; boxed loops ({@code <for>}, {@code <some>},
 * {@code <every>}) go over literal lists and ranges only. The decisions and functions and what each
 * calls or requires form a {@link DmnCallGraph}: a cycle (recursion) is refused, naming the element,
 * and so is a model whose one evaluation would run loop bodies or expressions more often than
 * {@link DmnBounds} allows, or build a value larger than it allows ({@link DmnSizes}).
 */
final class DmnModelCheck {

    private static final Set<String> UNARY_TESTS = Set.of("inputEntry", "inputValues", "outputValues", "allowedValues", "typeConstraint");
    /** Prose, not FEEL: a rule's annotation, a text annotation, the diagram. */
    private static final Set<String> PROSE = Set.of("annotationEntry", "textAnnotation", "DMNDI");
    /** Elements with nothing the engine evaluates. */
    private static final Set<String> NOT_EVALUATED = Set.of("variable", "informationRequirement", "knowledgeRequirement",
            "authorityRequirement", "requiredDecision", "requiredInput", "requiredKnowledge", "requiredAuthority", "supportedObjective",
            "impactedPerformanceIndicator", "decisionMaker", "decisionOwner", "usingProcess", "usingTask", "formalParameter",
            "outputDecision", "encapsulatedDecision", "inputDecision", "inputData", "functionItem", "parameters", "annotation",
            "parameter", "column");
    /** Text for people, not read as FEEL: nothing inside is walked. */
    private static final Set<String> TEXT_FOR_PEOPLE = Set.of("description", "question", "allowedAnswers", "typeRef", "annotationEntry",
            "DMNDI");
    private static final Set<String> EXPRESSIONS = Set.of("literalExpression", "decisionTable", "context", "invocation", "list", "relation",
            "conditional", "for", "some", "every", "filter", "functionDefinition");
    private static final Set<String> TOP_LEVEL_NOT_EVALUATED = Set.of("description", "import", "knowledgeSource", "textAnnotation",
            "association", "group", "elementCollection", "performanceIndicator", "organizationUnit", "DMNDI");
    /** FEEL in any DMN version's namespace; B-FEEL and other languages evaluate differently from what is checked here. */
    private static final Pattern FEEL = Pattern.compile("https?://www\\.omg\\.org/spec/(DMN/\\d{8}/FEEL|FEEL/\\d{8})/?");

    private final RulesetFile file;
    private final Element root;
    private final List<RulesetProblem> problems = new ArrayList<>();
    private final Map<Element, FeelText> texts = new LinkedHashMap<>();
    private final Set<Element> checked = new HashSet<>();
    private final Map<String, String> namesById = new HashMap<>();
    private final DmnCallGraph graph = new DmnCallGraph();
    private FeelAllowList.Vocabulary vocabulary;
    /** Two functions share a name, or a function's name with something else: calls cannot be told apart, so neither can cycles. */
    private boolean functionNamesClash;

    private DmnModelCheck(RulesetFile file, Document document) {
        this.file = file;
        this.root = document.getDocumentElement();
    }

    static List<RulesetProblem> check(RulesetFile file, Document document) {
        DmnModelCheck check = new DmnModelCheck(file, document);
        check.vocabulary = check.names();
        check.definitions();
        check.uncheckedTexts();
        check.bounds();
        return check.problems;
    }

    /**
     * Every name the model defines, each checked ({@link FeelNames#problem}); functions are named
     * once, by a name no other element, parameter, entry or built-in has, so a call resolves to that
     * one function however the engine scopes names. Parses every FEEL text on the way, since FEEL
     * defines names too (context keys, parameters, loop variables).
     */
    private FeelAllowList.Vocabulary names() {
        Map<String, List<Element>> functions = new LinkedHashMap<>();
        Map<String, Element> values = new LinkedHashMap<>();
        drgNames(functions, values);
        xmlBinders(functions, values);
        // The parser groups the words of multi-word names it knows; names refused below are left out.
        Set<String> declared = new LinkedHashSet<>();
        Stream.concat(values.keySet().stream(), functions.keySet().stream()).filter(n -> FeelNames.problem(n) == null).forEach(declared::add);
        for (Element text : elements("text")) {
            if (!isProse(text) && !isInJavaOrPmml(text)) {
                FeelText feel = FeelText.parse(text.getTextContent(), UNARY_TESTS.contains(text.getParentNode().getLocalName()), declared);
                texts.put(text, feel);
                FeelAllowList.definedNames(feel.tree(), name -> values.putIfAbsent(name, text),
                        name -> functions.computeIfAbsent(name, n -> new ArrayList<>()).add(text));
            }
        }
        values.forEach(this::nameProblem);
        functions.forEach((name, where) -> functionName(name, where, values));
        expressionLanguages();
        return new FeelAllowList.Vocabulary(Set.copyOf(functions.keySet()), Set.copyOf(values.keySet()));
    }

    /** Decisions and inputs are values; business knowledge models and decision services functions. Each is a node of the graph. */
    private void drgNames(Map<String, List<Element>> functions, Map<String, Element> values) {
        for (Element drg : children(root)) {
            String name = FeelNames.normalize(drg.getAttribute("name"));
            switch (drg.getLocalName()) {
                case "businessKnowledgeModel", "decisionService" -> functions.computeIfAbsent(name, n -> new ArrayList<>()).add(drg);
                case "decision", "inputData" -> values.putIfAbsent(name, drg);
                default -> {
                    continue;
                }
            }
            namesById.put(drg.getAttribute("id"), name);
            graph.add(name, drg.getLocalName() + " '" + name + "'", drg);
        }
    }

    /** Names the boxed expressions define: context entries (a function definition's entry names a function), parameters, columns, loop variables. */
    private void xmlBinders(Map<String, List<Element>> functions, Map<String, Element> values) {
        for (Element entry : elements("contextEntry")) {
            Element variable = child(entry, "variable");
            if (variable == null || isInJavaOrPmml(entry)) {
                continue;
            }
            Element value = expressionChild(entry);
            String name = FeelNames.normalize(variable.getAttribute("name"));
            if (value != null && value.getLocalName().equals("functionDefinition")) {
                functions.computeIfAbsent(name, n -> new ArrayList<>()).add(variable);
            } else {
                values.putIfAbsent(name, variable);
            }
        }
        for (String binder : List.of("formalParameter", "column", "itemComponent")) {
            elements(binder).stream().filter(e -> !isInJavaOrPmml(e))
                    .forEach(e -> values.putIfAbsent(FeelNames.normalize(e.getAttribute("name")), e));
        }
        for (String loop : List.of("for", "some", "every")) {
            elements(loop).forEach(e -> values.putIfAbsent(FeelNames.normalize(e.getAttribute("iteratorVariable")), e));
        }
    }

    private void functionName(String name, List<Element> where, Map<String, Element> values) {
        nameProblem(name, where.get(0));
        functionNamesClash |= where.size() > 1 || values.containsKey(name);
        if (where.size() > 1) {
            problems.add(DmnSafety.at(file, where.get(1), where.size() + " functions are named '" + name
                    + "': each function of a model has a name of its own, so that every call names one function"));
        } else if (values.containsKey(name)) {
            problems.add(DmnSafety.at(file, values.get(name), "'" + name + "' is also the name of a function: each function "
                    + "of a model has a name of its own, so that every call names one function"));
        } else if (FeelNames.BUILT_INS.contains(name)) {
            problems.add(DmnSafety.at(file, where.get(0), "the function '" + name + "' has the name of a FEEL built-in: rename it"));
        }
    }

    private void expressionLanguages() {
        for (Element any : elements("*")) {
            String language = any.getAttribute("expressionLanguage");
            if (!language.isEmpty() && !FEEL.matcher(language).matches()) {
                problems.add(DmnSafety.at(file, any, "expression language '" + language + "' is not allowed: expressions are FEEL"));
            }
        }
    }

    private void nameProblem(String name, Element where) {
        String problem = FeelNames.problem(name);
        if (problem != null) {
            problems.add(DmnSafety.at(file, where, problem));
        }
    }

    private void definitions() {
        for (Element child : children(root)) {
            switch (child.getLocalName()) {
                case "decision" -> decision(child);
                case "businessKnowledgeModel" -> businessKnowledgeModel(child);
                case "decisionService" -> decisionService(child);
                case "inputData" -> notEvaluated(child);
                case "itemDefinition" -> itemDefinition(child);
                case "extensionElements" -> extensions(child);
                default -> {
                    if (!TOP_LEVEL_NOT_EVALUATED.contains(child.getLocalName())) {
                        unknown(child);
                    }
                }
            }
        }
    }

    private void decision(Element decision) {
        String name = nameOf(decision);
        requirements(decision, name);
        for (Element child : children(decision)) {
            if (isExpression(child)) {
                graph.addWork(name, expression(child, false));
            } else {
                notEvaluated(child);
            }
        }
    }

    private void businessKnowledgeModel(Element bkm) {
        String name = nameOf(bkm);
        requirements(bkm, name);
        for (Element child : children(bkm)) {
            if (child.getLocalName().equals("encapsulatedLogic")) {
                graph.addWork(name, function(child));
            } else {
                notEvaluated(child);
            }
        }
    }

    /** A decision service evaluates its output and encapsulated decisions each time it is called. */
    private void decisionService(Element service) {
        String name = nameOf(service);
        for (Element child : children(service)) {
            String target = namesById.get(child.getAttribute("href").replaceFirst("^#", ""));
            if (target != null && Set.of("outputDecision", "encapsulatedDecision").contains(child.getLocalName())) {
                graph.addWork(name, DmnWork.call(target));
            } else if (target != null && child.getLocalName().equals("inputDecision")) {
                graph.link(name, target, "requires");
            }
            notEvaluated(child);
        }
    }

    private void requirements(Element element, String name) {
        for (String link : List.of("requiredDecision", "requiredKnowledge")) {
            for (Element required : descendants(element, link)) {
                String target = namesById.get(required.getAttribute("href").replaceFirst("^#", ""));
                if (target != null) {
                    graph.link(name, target, "requires");
                }
            }
        }
    }

    private void itemDefinition(Element item) {
        for (Element child : children(item)) {
            switch (child.getLocalName()) {
                case "allowedValues", "typeConstraint" -> feel(child, false);
                case "itemComponent" -> itemDefinition(child);
                default -> notEvaluated(child);
            }
        }
    }

    /** A function's body: a business knowledge model's encapsulated logic, or a function defined in a boxed context. */
    private DmnWork function(Element definition) {
        DmnWork work = DmnWork.NONE;
        if (isInJavaOrPmml(definition)) {
            return work;
        }
        for (Element child : children(definition)) {
            if (isExpression(child)) {
                work = work.plus(expression(child, false));
            } else {
                notEvaluated(child);
            }
        }
        return work;
    }

    /** @param inFilter the expression is (inside) a boxed filter's match, evaluated once per item */
    private DmnWork expression(Element expression, boolean inFilter) {
        return switch (expression.getLocalName()) {
            case "literalExpression" -> feel(expression, inFilter);
            case "decisionTable" -> decisionTable(expression, inFilter);
            case "context" -> context(expression, inFilter);
            case "invocation" -> invocation(expression, inFilter);
            case "list" -> list(expression, inFilter);
            case "relation" -> relation(expression, inFilter);
            case "conditional" -> {
                DmnWork work = DmnWork.step();
                for (Element branch : children(expression)) {
                    work = work.plus(List.of("if", "then", "else").contains(branch.getLocalName()) ? only(branch, inFilter) : notEvaluated(branch));
                }
                yield work;
            }
            case "for", "some", "every" -> loop(expression, inFilter);
            case "filter" -> filter(expression, inFilter);
            case "functionDefinition" -> refused(expression, "a function is defined only as a business knowledge model or as a named "
                    + "context entry, and called by that name: a function value could call itself unseen");
            default -> unknown(expression);
        };
    }

    private DmnWork decisionTable(Element table, boolean inFilter) {
        // Counted as if every cell ran: an upper bound whatever the hit policy.
        DmnWork work = DmnWork.step();
        for (Element part : children(table)) {
            for (Element cell : List.of("input", "output", "rule").contains(part.getLocalName()) ? children(part) : List.of(part)) {
                work = work.plus(switch (cell.getLocalName()) {
                    case "inputExpression", "inputValues", "outputValues", "defaultOutputEntry", "inputEntry", "outputEntry" -> feel(cell, inFilter);
                    default -> notEvaluated(cell);
                });
            }
        }
        return work;
    }

    /** Entries in order; one that is a function definition defines a function of the model, whose work counts where it is called. */
    private DmnWork context(Element context, boolean inFilter) {
        List<Element> entries = children(context).stream().filter(e -> e.getLocalName().equals("contextEntry")).toList();
        if (entries.size() > DmnBounds.MAX_LIST_LITERAL) {
            problems.add(DmnSafety.at(file, context, "the context has " + entries.size() + " entries: at most " + DmnBounds.MAX_LIST_LITERAL));
        }
        DmnWork work = DmnWork.step();
        boolean definesFunctions = false;
        Element result = null;
        for (Element child : children(context)) {
            if (!child.getLocalName().equals("contextEntry")) {
                notEvaluated(child);
                continue;
            }
            Element variable = child(child, "variable");
            result = variable == null ? child : null;
            for (Element part : children(child)) {
                if (part.getLocalName().equals("functionDefinition") && variable != null) {
                    definesFunctions = true;
                    String name = FeelNames.normalize(variable.getAttribute("name"));
                    graph.add(name, "function '" + name + "'", drgElement(child));
                    graph.addWork(name, function(part));
                } else if (isExpression(part)) {
                    work = work.plus(expression(part, inFilter));
                } else {
                    notEvaluated(part);
                }
            }
        }
        if (definesFunctions && result == null) {
            problems.add(DmnSafety.at(file, context, "a context that defines a function ends with a result entry (one without a name), "
                    + "so that the function does not leave it as a value"));
        }
        return work;
    }

    /** A boxed invocation: the function named, once, with each binding. */
    private DmnWork invocation(Element invocation, boolean inFilter) {
        DmnWork work = DmnWork.step();
        boolean callee = true;
        for (Element child : children(invocation)) {
            if (callee && isExpression(child)) {
                callee = false;
                work = work.plus(callee(child, inFilter));
            } else if (child.getLocalName().equals("binding")) {
                for (Element part : children(child)) {
                    work = work.plus(isExpression(part) ? expression(part, inFilter) : notEvaluated(part));
                }
            } else {
                notEvaluated(child);
            }
        }
        return work;
    }

    private DmnWork callee(Element expression, boolean inFilter) {
        Element text = expression.getLocalName().equals("literalExpression") ? child(expression, "text") : null;
        FeelText feel = text == null ? null : texts.get(text);
        if (text != null) {
            checked.add(text);
        }
        String name = feel != null && feel.tree() instanceof NameRefNode ref ? FeelNames.normalize(ref.getText()) : null;
        if (name == null || !vocabulary.functions().contains(name)) {
            problems.add(DmnSafety.at(file, expression, "an invocation names the business knowledge model or decision service it calls"));
            return DmnWork.NONE;
        }
        if (inFilter) {
            problems.add(DmnSafety.at(file, expression, "a filter's condition runs once per item of a list of any size: it may not call '"
                    + name + "'"));
        }
        return DmnWork.call(name);
    }

    private DmnWork list(Element list, boolean inFilter) {
        List<Element> items = children(list).stream().filter(DmnModelCheck::isExpression).toList();
        if (items.size() > DmnBounds.MAX_LIST_LITERAL) {
            problems.add(DmnSafety.at(file, list, "the list has " + items.size() + " items: at most " + DmnBounds.MAX_LIST_LITERAL));
        }
        DmnWork work = DmnWork.step();
        for (Element child : children(list)) {
            work = work.plus(isExpression(child) ? expression(child, inFilter) : notEvaluated(child));
        }
        return work;
    }

    private DmnWork relation(Element relation, boolean inFilter) {
        List<Element> rows = children(relation).stream().filter(e -> e.getLocalName().equals("row")).toList();
        if (rows.size() > DmnBounds.MAX_LIST_LITERAL) {
            problems.add(DmnSafety.at(file, relation, "the relation has " + rows.size() + " rows: at most " + DmnBounds.MAX_LIST_LITERAL));
        }
        DmnWork work = DmnWork.step();
        for (Element child : children(relation)) {
            work = work.plus(child.getLocalName().equals("row") ? list(child, inFilter) : notEvaluated(child));
        }
        return work;
    }

    /** A boxed for, some or every: its domain ({@code <in>}) is a literal list or range, its body runs once per item. */
    private DmnWork loop(Element loop, boolean inFilter) {
        String keyword = loop.getLocalName();
        if (inFilter) {
            problems.add(DmnSafety.at(file, loop, "a '" + keyword + "' inside a filter's condition runs once per item of a list of any size"));
        }
        DmnWork domain = DmnWork.NONE;
        DmnWork body = DmnWork.NONE;
        BigDecimal items = null;
        for (Element child : children(loop)) {
            switch (child.getLocalName()) {
                case "in" -> {
                    domain = only(child, inFilter);
                    items = domainSize(child);
                    if (items == null) {
                        problems.add(DmnSafety.at(file, child, "'" + keyword + "' goes over what an expression computes: a loop may only go "
                                + "over a literal list or a range between two whole-number literals ([1, 2, 3], [1..10])"));
                    } else if (items.compareTo(BigDecimal.valueOf(DmnBounds.MAX_ITERATIONS)) > 0) {
                        problems.add(DmnSafety.at(file, child, "'" + keyword + "' over " + items.toPlainString()
                                + " items: a loop may run at most " + DmnBounds.MAX_ITERATIONS + " times in one evaluation of the model"));
                        items = null;
                    }
                }
                case "return", "satisfies" -> body = only(child, inFilter);
                default -> notEvaluated(child);
            }
        }
        return items == null ? DmnWork.NONE : DmnWork.step().plus(domain).plus(body.looped(items.longValue()));
    }

    private BigDecimal domainSize(Element in) {
        Element expression = children(in).stream().filter(DmnModelCheck::isExpression).findFirst().orElse(null);
        Element text = expression != null && expression.getLocalName().equals("literalExpression") ? child(expression, "text") : null;
        FeelText feel = text == null ? null : texts.get(text);
        return feel == null || feel.tree() == null ? null : FeelAllowList.domainSize(feel.tree(), null);
    }

    private DmnWork filter(Element filter, boolean inFilter) {
        DmnWork work = DmnWork.step();
        for (Element child : children(filter)) {
            work = work.plus(switch (child.getLocalName()) {
                case "in" -> only(child, inFilter);
                case "match" -> only(child, true);
                default -> notEvaluated(child);
            });
        }
        return work;
    }

    /** The one expression of a wrapper element ({@code <if>}, {@code <in>}, {@code <return>}...). */
    private DmnWork only(Element wrapper, boolean inFilter) {
        DmnWork work = DmnWork.NONE;
        for (Element child : children(wrapper)) {
            work = work.plus(isExpression(child) ? expression(child, inFilter) : notEvaluated(child));
        }
        return work;
    }

    /** The FEEL text of a literal expression or unary tests, checked; its problems located to the element, rule and line. */
    private DmnWork feel(Element holder, boolean inFilter) {
        DmnWork work = DmnWork.NONE;
        for (Element child : children(holder)) {
            if (!child.getLocalName().equals("text")) {
                if (child.getLocalName().equals("importedValues")) {
                    problems.add(DmnSafety.at(file, child, "imported values are not allowed: a DMN model stands alone"));
                } else {
                    notEvaluated(child);
                }
                continue;
            }
            checked.add(child);
            FeelText text = texts.get(child);
            if (text.tree() == null) {
                problems.add(DmnSafety.at(file, child, text.line() - 1, text.error()));
                continue;
            }
            Element owner = drgElement(child);
            FeelAllowList allowList = new FeelAllowList(vocabulary, (name, body) -> {
                graph.add(name, "function '" + name + "'", owner);
                graph.addWork(name, body);
            });
            work = work.plus(allowList.walk(text.tree(), inFilter));
            allowList.offences().forEach(o -> problems.add(DmnSafety.at(file, child, o.line() - 1, o.message())));
        }
        return work;
    }

    /** Elements that hold nothing evaluated may still not hide an unknown element or extension. */
    private DmnWork notEvaluated(Element element) {
        String name = element.getLocalName();
        if (name.equals("extensionElements")) {
            extensions(element);
        } else if (TEXT_FOR_PEOPLE.contains(name)) {
            return DmnWork.NONE;
        } else if (!NOT_EVALUATED.contains(name)) {
            unknown(element);
        } else {
            children(element).forEach(this::notEvaluated);
        }
        return DmnWork.NONE;
    }

    /** The KIE engine reads some extensions (decision services, for one), which this check could not see. */
    private void extensions(Element extensions) {
        if (!children(extensions).isEmpty()) {
            refused(extensions, "extension elements are not allowed: the engine acts on some of them");
        }
    }

    private DmnWork unknown(Element element) {
        return refused(element, "<" + element.getLocalName() + "> is not an element this service accepts in a DMN model here "
                + "(see docs/rulesets.md, \"DMN models: what FEEL may say\")");
    }

    /** An element refused whole: the FEEL texts inside go with it. */
    private DmnWork refused(Element element, String message) {
        problems.add(DmnSafety.at(file, element, message));
        checked.addAll(descendants(element, "text"));
        return DmnWork.NONE;
    }

    /** A FEEL text found anywhere else than where the walk looks would go unchecked: refused. */
    private void uncheckedTexts() {
        texts.keySet().stream().filter(text -> !checked.contains(text)).forEach(text ->
                problems.add(DmnSafety.at(file, text, "a FEEL text in <" + text.getParentNode().getLocalName()
                        + "> is in a place this service does not check")));
    }

    /** No recursion; then the work of one evaluation of the model (every decision once) within the bounds. */
    private void bounds() {
        if (functionNamesClash) {
            return;
        }
        List<DmnCallGraph.Cycle> cycles = graph.cycles();
        for (DmnCallGraph.Cycle cycle : cycles) {
            problems.add(DmnSafety.at(file, cycle.nodes().get(0).element(), "recursion: " + cycle.describe()
                    + "; a decision must finish in bounded time, so no function or decision may call itself, directly or through others"));
        }
        if (!problems.isEmpty()) {
            return; // the work of a refused model means nothing
        }
        Map<String, DmnWork> resolved = graph.resolved();
        long iterations = 0;
        long steps = 0;
        for (Element decision : children(root)) {
            if (!decision.getLocalName().equals("decision")) {
                continue;
            }
            DmnWork work = resolved.getOrDefault(nameOf(decision), DmnWork.NONE);
            iterations += work.iterations();
            steps += work.steps();
            if (iterations > DmnBounds.MAX_ITERATIONS) {
                problems.add(DmnSafety.at(file, decision, "one evaluation of the model would run loop bodies " + iterations
                        + " times by this decision (nested loops multiply, a loop in a function counts each call): at most "
                        + DmnBounds.MAX_ITERATIONS));
                return;
            }
            if (steps > DmnBounds.MAX_STEPS) {
                problems.add(DmnSafety.at(file, decision, "one evaluation of the model would evaluate " + steps
                        + " expressions by this decision (a call of a function counts " + DmnBounds.CALL_STEPS
                        + " and its body each time): at most " + DmnBounds.MAX_STEPS));
                return;
            }
        }
        sizes();
    }

    /** Every decision's and business knowledge model's values within {@link DmnBounds#MAX_SIZE_FACTOR}; the first past it refused. */
    private void sizes() {
        DmnSizes sizes = new DmnSizes(root, texts, namesById);
        for (String name : graph.order()) {
            DmnCallGraph.Node node = graph.node(name);
            String kind = node.element().getLocalName();
            if (!Set.of("decision", "businessKnowledgeModel").contains(kind) || !nameOf(node.element()).equals(name)) {
                continue; // a context's function: its values count where it is called
            }
            long factor = sizes.of(name).factor();
            if (factor > DmnBounds.MAX_SIZE_FACTOR) {
                String growth = factor >= DmnSize.CAP ? "without bound"
                        : "to " + factor + " times its largest " + (kind.equals("decision") ? "input" : "argument") + " or literal";
                problems.add(DmnSafety.at(file, node.element(), "the values " + node.label() + " builds can grow " + growth + ": at most "
                        + DmnBounds.MAX_SIZE_FACTOR + " times (every +, concatenate, append... adds its operands' sizes; a for loop "
                        + "multiplies its body's by its items)"));
                return;
            }
        }
    }

    private String nameOf(Element drg) {
        return FeelNames.normalize(drg.getAttribute("name"));
    }

    static boolean isExpression(Element element) {
        return EXPRESSIONS.contains(element.getLocalName());
    }

    /** Inside a function of kind Java or PMML (refused by {@link DmnSafety}): its body describes a method or a model, not FEEL. */
    private static boolean isInJavaOrPmml(Element element) {
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            if (Set.of("functionDefinition", "encapsulatedLogic").contains(e.getLocalName()) && !e.getAttribute("kind").isEmpty()
                    && !e.getAttribute("kind").equals("FEEL")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProse(Element text) {
        return PROSE.stream().anyMatch(prose -> isUnder(text, prose));
    }

    private static boolean isUnder(Element element, String ancestor) {
        for (Node n = element.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            if (ancestor.equals(e.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    /** The DRG element (decision, business knowledge model...) an element belongs to. */
    private Element drgElement(Element element) {
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            if (e.getParentNode() == root) {
                return e;
            }
        }
        return root;
    }

    private List<Element> elements(String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = root.getOwnerDocument().getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    static List<Element> descendants(Element element, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = element.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    static Element child(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst().orElse(null);
    }

    private Element expressionChild(Element parent) {
        return children(parent).stream().filter(DmnModelCheck::isExpression).findFirst().orElse(null);
    }
}
