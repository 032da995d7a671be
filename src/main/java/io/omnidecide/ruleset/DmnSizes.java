package io.omnidecide.ruleset;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.kie.dmn.feel.lang.ast.ASTNode;
import org.kie.dmn.feel.lang.ast.BaseNode;
import org.kie.dmn.feel.lang.ast.ContextEntryNode;
import org.kie.dmn.feel.lang.ast.ContextNode;
import org.kie.dmn.feel.lang.ast.FilterExpressionNode;
import org.kie.dmn.feel.lang.ast.ForExpressionNode;
import org.kie.dmn.feel.lang.ast.FunctionDefNode;
import org.kie.dmn.feel.lang.ast.FunctionInvocationNode;
import org.kie.dmn.feel.lang.ast.IfExpressionNode;
import org.kie.dmn.feel.lang.ast.InfixOpNode;
import org.kie.dmn.feel.lang.ast.InfixOperator;
import org.kie.dmn.feel.lang.ast.IterationContextNode;
import org.kie.dmn.feel.lang.ast.ListNode;
import org.kie.dmn.feel.lang.ast.NameRefNode;
import org.kie.dmn.feel.lang.ast.NamedParameterNode;
import org.kie.dmn.feel.lang.ast.PathExpressionNode;
import org.kie.dmn.feel.lang.ast.QualifiedNameNode;
import org.kie.dmn.feel.lang.ast.QuantifiedExpressionNode;
import org.kie.dmn.feel.lang.ast.RangeNode;
import org.kie.dmn.feel.lang.ast.StringNode;
import org.w3c.dom.Element;

/**
 * The {@link DmnSize} of each decision's value and each function's result, for a model that passed
 * {@link DmnModelCheck} (no recursion, loops of known size). Run after that check, on the same
 * syntax trees, because a name's size is that of what it names, wherever in the model that is:
 * a decision read through {@code requiredDecision}, a business knowledge model called with
 * arguments. An input counts as a literal at its largest whatever the customer sends: the bound is
 * on growth, so a value that is small in the build's warm-up (null inputs) cannot grow from a real
 * customer's text.
 */
final class DmnSizes {

    /** Built-ins whose result is a number, a boolean, a date, a time, a duration or a range (day and month names apart). */
    private static final Set<String> CONSTANT = Set.of("abs", "after", "all", "any", "before", "ceiling", "coincides", "contains",
            "count", "date", "date and time", "day of year", "decimal", "duration", "during", "ends with", "even", "exp",
            "finished by", "finishes", "floor", "includes", "is", "list contains", "log", "mean", "median", "meets", "met by", "modulo",
            "not", "now", "number", "odd", "overlaps", "overlaps after", "overlaps before", "product", "range",
            "round down", "round half down", "round half up", "round up", "sqrt", "started by", "starts", "starts with", "stddev",
            "string length", "sum", "time", "today", "week of year", "years and months duration");
    /** Built-ins whose result is part of an argument: no larger than the largest. */
    private static final Set<String> PART = Set.of("distinct values", "get value", "index of", "max", "min", "mode", "remove",
            "reverse", "sort", "sublist", "substring", "substring after", "substring before");
    // Every other allowed built-in (append, concatenate, union, flatten, insert before, context, context put, context merge,
    // get entries, string) joins its arguments: their sizes add up. A built-in added to the allow-list later counts so too.

    /** A function's size, from its body's with every parameter empty and with every parameter an input ({@link DmnSize#called}). */
    private record Gain(DmnSize empty, DmnSize perInput) {
    }

    private final Map<Element, FeelText> texts;
    private final Map<String, String> namesById;
    /** Decisions, business knowledge models and decision services, by name. */
    private final Map<String, Element> drg = new HashMap<>();
    private final Map<String, DmnSize> decisions = new HashMap<>();
    /** Business knowledge models and decision services; a context's functions are added as their contexts are walked. */
    private final Map<String, Gain> functions = new HashMap<>();
    private final Set<String> walking = new HashSet<>();
    /** The {@code partial} of each for loop being walked (by identity) that its body read. */
    private final Set<DmnSize> partialsRead = Collections.newSetFromMap(new IdentityHashMap<>());

    DmnSizes(Element root, Map<Element, FeelText> texts, Map<String, String> namesById) {
        this.texts = texts;
        this.namesById = namesById;
        for (Element element : DmnModelCheck.children(root)) {
            if (Set.of("decision", "businessKnowledgeModel", "decisionService").contains(element.getLocalName())) {
                drg.put(FeelNames.normalize(element.getAttribute("name")), element);
            }
        }
    }

    /**
     * The size of what a decision, business knowledge model or decision service builds (of a
     * function, with its parameters inputs). Asked in the call graph's order, what each one names
     * is known already, so this recurses one level deep.
     */
    DmnSize of(String name) {
        Element element = drg.get(name);
        return element != null && element.getLocalName().equals("decision") ? value(name) : gain(name).perInput();
    }

    /** A decision's value; any other name not in scope is an input. */
    private DmnSize value(String name) {
        Element element = drg.get(name);
        if (decisions.containsKey(name) || element == null || !element.getLocalName().equals("decision")) {
            return decisions.getOrDefault(name, DmnSize.INPUT);
        }
        if (!walking.add(name)) {
            return DmnSize.UNBOUNDED; // a cycle, which the call graph refuses already
        }
        DmnSize size = sum(expressions(element), Map.of());
        walking.remove(name);
        decisions.put(name, size);
        return size;
    }

    private Gain gain(String name) {
        Element element = drg.get(name);
        if (functions.containsKey(name) || element == null) {
            return functions.getOrDefault(name, new Gain(DmnSize.UNBOUNDED, DmnSize.UNBOUNDED));
        }
        if (!walking.add(name)) {
            return new Gain(DmnSize.UNBOUNDED, DmnSize.UNBOUNDED);
        }
        Gain gain = element.getLocalName().equals("decisionService") ? service(element)
                : DmnModelCheck.children(element).stream().filter(e -> e.getLocalName().equals("encapsulatedLogic"))
                        .map(e -> function(e, Map.of())).findFirst().orElse(new Gain(DmnSize.NONE, DmnSize.NONE));
        walking.remove(name);
        functions.put(name, gain);
        return gain;
    }

    /** A decision service returns its output decisions, whose inputs (decisions or data) its arguments stand for: inputs in their sizes. */
    private Gain service(Element service) {
        DmnSize size = DmnSize.NONE;
        for (Element output : DmnModelCheck.children(service)) {
            String decision = namesById.get(output.getAttribute("href").replaceFirst("^#", ""));
            if (output.getLocalName().equals("outputDecision") && decision != null) {
                size = size.plus(value(decision));
            }
        }
        return new Gain(size, size);
    }

    private Gain function(Element definition, Map<String, DmnSize> scope) {
        List<String> parameters = DmnModelCheck.children(definition).stream().filter(p -> p.getLocalName().equals("formalParameter"))
                .map(p -> FeelNames.normalize(p.getAttribute("name"))).toList();
        return gain(parameters, scope, inner -> sum(expressions(definition), inner));
    }

    private static Gain gain(List<String> parameters, Map<String, DmnSize> scope, Function<Map<String, DmnSize>, DmnSize> body) {
        Map<String, DmnSize> empty = new HashMap<>(scope);
        Map<String, DmnSize> inputs = new HashMap<>(scope);
        parameters.forEach(p -> {
            empty.put(p, DmnSize.NONE);
            inputs.put(p, DmnSize.INPUT);
        });
        return new Gain(body.apply(empty), body.apply(inputs));
    }

    private DmnSize expression(Element expression, Map<String, DmnSize> scope) {
        return switch (expression.getLocalName()) {
            case "literalExpression" -> feel(expression, scope);
            case "decisionTable" -> decisionTable(expression, scope);
            case "context" -> context(expression, scope);
            case "invocation" -> invocation(expression, scope);
            case "list" -> sum(expressions(expression), scope);
            case "relation" -> DmnModelCheck.children(expression).stream().filter(e -> e.getLocalName().equals("row"))
                    .map(row -> sum(expressions(row), scope)).reduce(DmnSize.NONE, DmnSize::plus);
            case "conditional" -> {
                DmnSize condition = only(expression, "if", scope);
                yield only(expression, "then", scope).either(only(expression, "else", scope)).alongside(condition);
            }
            case "for", "some", "every" -> {
                Element in = DmnModelCheck.child(expression, "in");
                DmnSize domain = only(expression, "in", scope);
                BaseNode tree = in == null ? null : tree(firstExpression(in));
                Map<String, DmnSize> inner = new HashMap<>(scope);
                inner.put(FeelNames.normalize(expression.getAttribute("iteratorVariable")),
                        tree instanceof RangeNode ? DmnSize.SCALAR : domain.read());
                String body = expression.getLocalName().equals("for") ? "return" : "satisfies";
                DmnSize loop = loop(items(tree), inner, inLoop -> only(expression, body, inLoop)).alongside(domain);
                yield expression.getLocalName().equals("for") ? loop : DmnSize.scalar(loop);
            }
            case "filter" -> {
                DmnSize list = only(expression, "in", scope);
                Map<String, DmnSize> inner = new HashMap<>(scope);
                inner.put("item", list.read());
                yield list.alongside(only(expression, "match", inner));
            }
            default -> DmnSize.NONE; // a function definition in place of a value, refused by the check
        };
    }

    /** A decision table's result can be every rule's output (a collect hit policy): their sizes add up. */
    private DmnSize decisionTable(Element table, Map<String, DmnSize> scope) {
        DmnSize outputs = DmnSize.NONE;
        DmnSize tests = DmnSize.NONE;
        for (Element text : DmnModelCheck.descendants(table, "text")) {
            DmnSize size = walk(texts.containsKey(text) ? texts.get(text).tree() : null, scope);
            String cell = ((Element) text.getParentNode()).getLocalName();
            if (cell.equals("outputEntry") || cell.equals("defaultOutputEntry")) {
                outputs = outputs.plus(size);
            } else {
                tests = tests.either(size);
            }
        }
        return outputs.alongside(tests);
    }

    /** Entries in order, each seeing those before it; the result entry's value, else the whole context's. */
    private DmnSize context(Element context, Map<String, DmnSize> scope) {
        Map<String, DmnSize> inner = new HashMap<>(scope);
        DmnSize entries = DmnSize.NONE;
        DmnSize result = null;
        for (Element entry : DmnModelCheck.children(context)) {
            Element variable = DmnModelCheck.child(entry, "variable");
            Element value = firstExpression(entry);
            if (!entry.getLocalName().equals("contextEntry") || value == null) {
                continue;
            }
            if (value.getLocalName().equals("functionDefinition") && variable != null) {
                functions.put(FeelNames.normalize(variable.getAttribute("name")), function(value, inner));
                continue;
            }
            DmnSize size = expression(value, inner);
            if (variable == null) {
                result = size;
            } else {
                inner.put(FeelNames.normalize(variable.getAttribute("name")), size);
                entries = entries.plus(size);
            }
        }
        return result == null ? entries : result.alongside(entries);
    }

    private DmnSize invocation(Element invocation, Map<String, DmnSize> scope) {
        Element callee = firstExpression(invocation);
        DmnSize arguments = DmnSize.NONE;
        for (Element binding : DmnModelCheck.children(invocation)) {
            if (binding.getLocalName().equals("binding")) {
                arguments = arguments.either(sum(expressions(binding), scope));
            }
        }
        return tree(callee) instanceof NameRefNode name ? call(FeelNames.normalize(name.getText()), arguments) : DmnSize.UNBOUNDED;
    }

    private DmnSize call(String function, DmnSize arguments) {
        Gain gain = gain(function);
        return gain.empty().called(gain.perInput(), arguments);
    }

    private DmnSize feel(Element holder, Map<String, DmnSize> scope) {
        return walk(tree(holder), scope);
    }

    private DmnSize walk(ASTNode node, Map<String, DmnSize> scope) {
        if (node == null) {
            return DmnSize.NONE;
        }
        if (node instanceof NameRefNode name) {
            return name(name, scope);
        }
        if (node instanceof QualifiedNameNode qualified) {
            return name(qualified.getParts().get(0), scope);
        }
        if (node instanceof PathExpressionNode path) {
            // A part of the value read through the dot; of a context literal, the entry read.
            return path.getExpression() instanceof ContextNode context && path.getName() instanceof NameRefNode entry
                    ? context(context, FeelNames.normalize(entry.getText()), scope)
                    : walk(path.getExpression(), scope);
        }
        if (node instanceof ListNode list) {
            return list.getElements().stream().map(e -> walk(e, scope)).reduce(DmnSize.NONE, DmnSize::plus);
        }
        if (node instanceof ContextNode context) {
            return context(context, null, scope);
        }
        if (node instanceof FunctionInvocationNode invocation) {
            return invocation(invocation, scope);
        }
        if (node instanceof ForExpressionNode loop) {
            return loop(loop.getIterationContexts(), loop.getExpression(), scope);
        }
        if (node instanceof QuantifiedExpressionNode quantified) {
            return DmnSize.scalar(loop(quantified.getIterationContexts(), quantified.getExpression(), scope));
        }
        if (node instanceof FilterExpressionNode filter) {
            DmnSize list = walk(filter.getExpression(), scope);
            Map<String, DmnSize> inner = new HashMap<>(scope);
            inner.put("item", list.read());
            return list.alongside(walk(filter.getFilter(), inner));
        }
        if (node instanceof IfExpressionNode choice) {
            return walk(choice.getThenExpression(), scope).either(walk(choice.getElseExpression(), scope))
                    .alongside(walk(choice.getCondition(), scope));
        }
        if (node instanceof InfixOpNode operator && operator.getOperator() == InfixOperator.ADD) {
            // Strings and lists (in some dialects) concatenate: every + joins its operands.
            return walk(operator.getLeft(), scope).plus(walk(operator.getRight(), scope));
        }
        if (node instanceof StringNode string) {
            return DmnSize.string(string.getValue().length());
        }
        // Other literals, and what yields a number, a boolean or a test.
        DmnSize children = DmnSize.SCALAR;
        for (ASTNode child : node.getChildrenNode()) {
            children = children.either(walk(child, scope));
        }
        return DmnSize.scalar(children);
    }

    private DmnSize name(NameRefNode node, Map<String, DmnSize> scope) {
        String name = FeelNames.normalize(node.getText());
        DmnSize local = scope.get(name);
        if (local != null && name.equals("partial")) {
            partialsRead.add(local);
        }
        return (local != null ? local : value(name)).read();
    }

    private DmnSize context(ContextNode context, String readThrough, Map<String, DmnSize> scope) {
        Map<String, DmnSize> inner = new HashMap<>(scope);
        DmnSize entries = DmnSize.NONE;
        for (ContextEntryNode entry : context.getEntries()) {
            String name = FeelAllowList.entryName(entry);
            if (entry.getValue() instanceof FunctionDefNode function) {
                List<String> parameters = function.getFormalParameters().stream().map(p -> FeelNames.normalize(p.getName().getText())).toList();
                functions.put(name, gain(parameters, inner, body -> walk(function.getBody(), body)));
            } else {
                DmnSize size = walk(entry.getValue(), inner);
                inner.put(name, size);
                entries = entries.plus(size);
            }
        }
        DmnSize read = readThrough == null ? null : inner.get(readThrough);
        return read == null ? entries : read.read().alongside(entries);
    }

    private DmnSize invocation(FunctionInvocationNode invocation, Map<String, DmnSize> scope) {
        List<DmnSize> arguments = invocation.getParams().getElements().stream()
                .map(a -> walk(a instanceof NamedParameterNode named ? named.getExpression() : a, scope)).toList();
        DmnSize largest = arguments.stream().reduce(DmnSize.NONE, DmnSize::either);
        String name = invocation.getName() instanceof NameRefNode callee ? FeelNames.normalize(callee.getText()) : "";
        if (!FeelNames.BUILT_INS.contains(name)) {
            return call(name, largest);
        }
        if (name.equals("day of week") || name.equals("month of year")) {
            return DmnSize.string("September".length()).alongside(largest); // the longest day or month name
        }
        if (name.equals("upper case") || name.equals("lower case")) {
            return largest.times(3); // a character can change case into three (the ligature U+FB03 into FFI)
        }
        if (CONSTANT.contains(name)) {
            return DmnSize.scalar(largest);
        }
        if (PART.contains(name)) {
            return largest;
        }
        if (name.equals("string join") && arguments.size() == 2) {
            // The delimiter comes between items, and every item counts at least 1 in the list's size: once per thousandth of it.
            DmnSize list = arguments.get(0);
            return list.plus(list.read().times(arguments.get(1).value())).alongside(arguments.get(1));
        }
        return arguments.stream().reduce(DmnSize.NONE, DmnSize::plus);
    }

    /** Each loop variable an item of its domain (a number for a range); the body once per item. */
    private DmnSize loop(List<IterationContextNode> domains, BaseNode body, Map<String, DmnSize> scope) {
        Map<String, DmnSize> inner = new HashMap<>(scope);
        DmnSize built = DmnSize.NONE;
        BigDecimal items = BigDecimal.ONE;
        for (IterationContextNode domain : domains) {
            DmnSize values = walk(domain.getExpression(), inner).either(walk(domain.getRangeEndExpr(), inner));
            built = built.either(values);
            boolean range = domain.getRangeEndExpr() != null || domain.getExpression() instanceof RangeNode;
            inner.put(FeelNames.normalize(domain.getName().getText()), range ? DmnSize.SCALAR : values.read());
            BigDecimal size = FeelAllowList.domainSize(domain.getExpression(), domain.getRangeEndExpr());
            items = items.multiply(size == null ? BigDecimal.valueOf(DmnSize.CAP) : size);
        }
        return loop(items.min(BigDecimal.valueOf(DmnSize.CAP)).longValue(), inner, in -> walk(body, in)).alongside(built);
    }

    /**
     * A for loop's results, {@code items} of its body's. The body may read {@code partial}, the
     * results so far: walked first with them empty; if it read them, walked again with them at
     * their largest, and unless that leaves its size as it was, each result can outgrow the last.
     */
    private DmnSize loop(long items, Map<String, DmnSize> scope, Function<Map<String, DmnSize>, DmnSize> body) {
        Map<String, DmnSize> inner = new HashMap<>(scope);
        DmnSize empty = new DmnSize(0, 0); // its own instance, to know whether this loop's body read it
        inner.put("partial", empty);
        DmnSize once = body.apply(inner);
        if (partialsRead.remove(empty)) {
            DmnSize full = once.read().times(items);
            inner.put("partial", full);
            DmnSize again = body.apply(inner);
            partialsRead.remove(full);
            once = again.value() > once.value() ? DmnSize.UNBOUNDED : again;
        }
        return once.times(items);
    }

    /** A boxed loop's items, known for a model that passed the check (at most {@link DmnBounds#MAX_ITERATIONS}). */
    private static long items(BaseNode domain) {
        BigDecimal items = domain == null ? null : FeelAllowList.domainSize(domain, null);
        return items == null ? DmnSize.CAP : items.min(BigDecimal.valueOf(DmnSize.CAP)).longValue();
    }

    private DmnSize sum(List<Element> expressions, Map<String, DmnSize> scope) {
        return expressions.stream().map(e -> expression(e, scope)).reduce(DmnSize.NONE, DmnSize::plus);
    }

    /** The expression in a wrapper element ({@code <if>}, {@code <in>}, {@code <return>}...). */
    private DmnSize only(Element parent, String wrapper, Map<String, DmnSize> scope) {
        Element element = DmnModelCheck.child(parent, wrapper);
        return element == null ? DmnSize.NONE : sum(expressions(element), scope);
    }

    private BaseNode tree(Element literalExpression) {
        Element text = literalExpression == null ? null : DmnModelCheck.child(literalExpression, "text");
        FeelText feel = text == null ? null : texts.get(text);
        return feel == null ? null : feel.tree();
    }

    private static List<Element> expressions(Element parent) {
        return DmnModelCheck.children(parent).stream().filter(DmnModelCheck::isExpression).toList();
    }

    private static Element firstExpression(Element parent) {
        return expressions(parent).stream().findFirst().orElse(null);
    }
}
