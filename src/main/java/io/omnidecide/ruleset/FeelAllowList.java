package io.omnidecide.ruleset;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.kie.dmn.feel.lang.ast.ASTNode;
import org.kie.dmn.feel.lang.ast.AtLiteralNode;
import org.kie.dmn.feel.lang.ast.BaseNode;
import org.kie.dmn.feel.lang.ast.BetweenNode;
import org.kie.dmn.feel.lang.ast.BooleanNode;
import org.kie.dmn.feel.lang.ast.ContextEntryNode;
import org.kie.dmn.feel.lang.ast.ContextNode;
import org.kie.dmn.feel.lang.ast.DashNode;
import org.kie.dmn.feel.lang.ast.FilterExpressionNode;
import org.kie.dmn.feel.lang.ast.ForExpressionNode;
import org.kie.dmn.feel.lang.ast.FormalParameterNode;
import org.kie.dmn.feel.lang.ast.FunctionDefNode;
import org.kie.dmn.feel.lang.ast.FunctionInvocationNode;
import org.kie.dmn.feel.lang.ast.IfExpressionNode;
import org.kie.dmn.feel.lang.ast.InNode;
import org.kie.dmn.feel.lang.ast.InfixOpNode;
import org.kie.dmn.feel.lang.ast.InstanceOfNode;
import org.kie.dmn.feel.lang.ast.IterationContextNode;
import org.kie.dmn.feel.lang.ast.ListNode;
import org.kie.dmn.feel.lang.ast.NameRefNode;
import org.kie.dmn.feel.lang.ast.NamedParameterNode;
import org.kie.dmn.feel.lang.ast.NullNode;
import org.kie.dmn.feel.lang.ast.NumberNode;
import org.kie.dmn.feel.lang.ast.PathExpressionNode;
import org.kie.dmn.feel.lang.ast.QualifiedNameNode;
import org.kie.dmn.feel.lang.ast.QuantifiedExpressionNode;
import org.kie.dmn.feel.lang.ast.RangeNode;
import org.kie.dmn.feel.lang.ast.SignedUnaryNode;
import org.kie.dmn.feel.lang.ast.StringNode;
import org.kie.dmn.feel.lang.ast.UnaryTestListNode;
import org.kie.dmn.feel.lang.ast.UnaryTestNode;
import org.kie.dmn.feel.lang.ast.UndefinedValueNode;

/**
 * Walks a FEEL syntax tree as the engine built it, with an allow-list of node kinds: anything not
 * named here is refused. On the way it bounds what the tree can cost: loops only over literal lists
 * and ranges of whole numbers, literals of bounded size, calls only of functions by their names
 * (whose work the call graph adds), no function values. The rules, and why:
 * <ul>
 * <li>no {@code external} function definitions (they call Java);</li>
 * <li>a function is defined only as a context entry and called by its name: a function value that
 * could be passed, stored or returned could call itself without its name ever appearing, and the
 * call graph could not see the recursion;</li>
 * <li>nothing after a dot, nor a bare name in a filter, may be a method of the Java object behind a
 * value ({@code .class}, {@code .bytes}...): the engine reads those by reflection;</li>
 * <li>a filter's condition runs once per item of a list whose size the model does not know: it may
 * use operators and built-ins only, no loops, filters or calls of the model's functions.</li>
 * </ul>
 */
final class FeelAllowList {

    /** Something refused, at a line of the FEEL text (1 for its first). */
    record Offence(int line, String message) {
    }

    /** What a model defines: the names of its functions (called only) and every other name (read only). */
    record Vocabulary(Set<String> functions, Set<String> values) {
    }

    /**
     * The node kinds a model may use, by exact class (a subclass the engine adds later is not one of
     * them). Type nodes ({@code instance of number}, typed parameters) are never walked: they evaluate nothing.
     */
    private static final Set<Class<? extends ASTNode>> KINDS = Set.of(NumberNode.class, BooleanNode.class, NullNode.class, DashNode.class,
            UndefinedValueNode.class, StringNode.class, AtLiteralNode.class, NameRefNode.class, QualifiedNameNode.class,
            PathExpressionNode.class, ListNode.class, ContextNode.class, FunctionInvocationNode.class, FunctionDefNode.class,
            ForExpressionNode.class, QuantifiedExpressionNode.class, FilterExpressionNode.class, InfixOpNode.class, SignedUnaryNode.class,
            IfExpressionNode.class, BetweenNode.class, InNode.class, InstanceOfNode.class, UnaryTestNode.class, UnaryTestListNode.class,
            RangeNode.class);

    private final Vocabulary vocabulary;
    /** Receives each function a context defines, with the work of one call of it. */
    private final BiConsumer<String, DmnWork> localFunctions;
    /** The same offence twice in one text (two calls of one unknown name) is one problem. */
    private final Set<Offence> offences = new LinkedHashSet<>();
    private boolean tooDeep;

    FeelAllowList(Vocabulary vocabulary, BiConsumer<String, DmnWork> localFunctions) {
        this.vocabulary = vocabulary;
        this.localFunctions = localFunctions;
    }

    List<Offence> offences() {
        return List.copyOf(offences);
    }

    /**
     * The work of evaluating the tree once.
     *
     * @param inFilter the tree is a filter's condition, evaluated once per item
     */
    DmnWork walk(BaseNode tree, boolean inFilter) {
        return walk(tree, 0, inFilter);
    }

    /** Every name a FEEL text defines: context keys (functions apart), function parameters, loop variables. */
    static void definedNames(ASTNode node, Consumer<String> value, Consumer<String> function) {
        definedNames(node, value, function, 0);
    }

    private static void definedNames(ASTNode node, Consumer<String> value, Consumer<String> function, int depth) {
        if (node == null || depth > DmnBounds.MAX_NESTING) {
            return; // the walk refuses the text
        }
        if (node instanceof ContextEntryNode entry) {
            (entry.getValue() instanceof FunctionDefNode ? function : value).accept(entryName(entry));
        } else if (node instanceof FormalParameterNode parameter) {
            value.accept(FeelNames.normalize(parameter.getName().getText()));
        } else if (node instanceof IterationContextNode iteration) {
            value.accept(FeelNames.normalize(iteration.getName().getText()));
        }
        if (node instanceof FunctionDefNode external && external.isExternal()) {
            return; // its body describes a Java method, and is refused with the function
        }
        for (ASTNode child : node.getChildrenNode()) {
            definedNames(child, value, function, depth + 1);
        }
    }

    /**
     * The number of items of a loop's domain when it is a literal list or a range between two
     * whole-number literals ({@code [1, 2, 3]}, {@code [1..10]}, {@code 1..10}), else null.
     */
    static BigDecimal domainSize(BaseNode expression, BaseNode rangeEnd) {
        if (rangeEnd != null) {
            BigDecimal from = wholeNumber(expression);
            BigDecimal to = wholeNumber(rangeEnd);
            return from == null || to == null ? null : to.subtract(from).abs().add(BigDecimal.ONE);
        }
        if (expression instanceof ListNode list) {
            return BigDecimal.valueOf(list.getElements().size());
        }
        if (expression instanceof RangeNode range) {
            BigDecimal from = wholeNumber(range.getStart());
            BigDecimal to = wholeNumber(range.getEnd());
            if (from == null || to == null) {
                return null;
            }
            // Counted whichever way the range runs: more than the engine iterates is safe, fewer would not be.
            BigDecimal size = to.subtract(from).abs().add(BigDecimal.ONE);
            size = range.getLowerBound() == RangeNode.IntervalBoundary.OPEN ? size.subtract(BigDecimal.ONE) : size;
            size = range.getUpperBound() == RangeNode.IntervalBoundary.OPEN ? size.subtract(BigDecimal.ONE) : size;
            return size.max(BigDecimal.ZERO);
        }
        return null;
    }

    private static BigDecimal wholeNumber(BaseNode node) {
        BigDecimal value = node instanceof NumberNode number ? number.getValue()
                : node instanceof SignedUnaryNode signed && signed.getExpression() instanceof NumberNode number
                        ? signed.getSign() == SignedUnaryNode.Sign.NEGATIVE ? number.getValue().negate() : number.getValue()
                        : null;
        return value != null && value.stripTrailingZeros().scale() <= 0 ? value : null;
    }

    private DmnWork walk(ASTNode node, int depth, boolean inFilter) {
        if (node == null) {
            return DmnWork.NONE;
        }
        if (depth > DmnBounds.MAX_NESTING) {
            if (!tooDeep) {
                tooDeep = true;
                offence(node, "the expression nests more than " + DmnBounds.MAX_NESTING + " levels deep");
            }
            return DmnWork.NONE;
        }
        if (!KINDS.contains(node.getClass())) {
            offence(node, "'" + clip(node.getText()) + "' (" + node.getClass().getSimpleName() + ") is not FEEL a model may use here");
            return DmnWork.NONE;
        }
        if (node instanceof NumberNode || node instanceof BooleanNode || node instanceof NullNode || node instanceof DashNode
                || node instanceof UndefinedValueNode) {
            return DmnWork.step();
        }
        if (node instanceof StringNode string) {
            return literal(string);
        }
        if (node instanceof AtLiteralNode at) {
            return literal(at.getStringLiteral());
        }
        if (node instanceof NameRefNode name) {
            read(name, inFilter);
            return DmnWork.step();
        }
        if (node instanceof QualifiedNameNode qualified) {
            read(qualified.getParts().get(0), inFilter);
            qualified.getParts().stream().skip(1).forEach(this::readThroughDot);
            return DmnWork.step();
        }
        if (node instanceof PathExpressionNode path) {
            return path(path, depth, inFilter);
        }
        if (node instanceof ListNode list) {
            if (list.getElements().size() > DmnBounds.MAX_LIST_LITERAL) {
                offence(list, "the list has " + list.getElements().size() + " items: at most " + DmnBounds.MAX_LIST_LITERAL);
            }
            return children(node, depth, inFilter);
        }
        if (node instanceof ContextNode context) {
            return context(context, null, depth, inFilter);
        }
        if (node instanceof FunctionInvocationNode invocation) {
            return invocation(invocation, depth, inFilter);
        }
        if (node instanceof FunctionDefNode function) {
            offence(function, function.isExternal() ? external()
                    : "a function is defined only as a context entry and called by that name ({f: function(x) x * 2, r: f(3)}.r): "
                            + "a function value could call itself unseen");
            return DmnWork.NONE;
        }
        if (node instanceof ForExpressionNode loop) {
            return loop("for", loop, loop.getIterationContexts(), loop.getExpression(), depth, inFilter);
        }
        if (node instanceof QuantifiedExpressionNode quantified) {
            return loop(quantified.getQuantifier().name().toLowerCase(Locale.ROOT), quantified,
                    quantified.getIterationContexts(), quantified.getExpression(), depth, inFilter);
        }
        if (node instanceof FilterExpressionNode filter) {
            if (inFilter) {
                offence(filter, "a filter inside a filter's condition runs for every pair of items; filter once");
            }
            return DmnWork.step().plus(walk(filter.getExpression(), depth + 1, inFilter)).plus(walk(filter.getFilter(), depth + 1, true));
        }
        // Operators, if, between, in, instance of, unary tests and ranges: each child walked.
        return children(node, depth, inFilter);
    }

    private DmnWork children(ASTNode node, int depth, boolean inFilter) {
        DmnWork work = DmnWork.step();
        for (ASTNode child : node.getChildrenNode()) {
            work = work.plus(walk(child, depth + 1, inFilter));
        }
        return work;
    }

    private DmnWork literal(StringNode string) {
        if (string.getValue().length() > DmnBounds.MAX_STRING_LITERAL) {
            offence(string, "a string literal of " + string.getValue().length() + " characters: at most " + DmnBounds.MAX_STRING_LITERAL);
        }
        return DmnWork.step();
    }

    /** A bare name read as a value; inside a filter the engine first looks it up as a method of the item. */
    private void read(NameRefNode node, boolean inFilter) {
        String name = FeelNames.normalize(node.getText());
        if (vocabulary.functions().contains(name)) {
            offence(node, "'" + name + "' is a function: call it; a function is not a value to pass, store or return");
        } else if (!vocabulary.values().contains(name) && !FeelNames.IMPLICIT.contains(name)) {
            if (FeelNames.BUILT_INS.contains(name)) {
                offence(node, "'" + name + "' is a built-in function: call it; a function is not a value to pass, store or return");
            } else if (inFilter && FeelNames.isJavaMethod(name)) {
                offence(node, "'" + name + "' is not a name this model defines, and inside a filter the engine would call the Java "
                        + "method of that name on each item");
            }
            // Any other unknown name the engine refuses itself when it compiles the model.
        }
    }

    /** A name after a dot. */
    private void readThroughDot(NameRefNode node) {
        String name = FeelNames.normalize(node.getText());
        if (FeelNames.FEEL_PROPERTIES.contains(name)) {
            return;
        }
        if (FeelNames.isJavaMethod(name)) {
            offence(node, "'." + name + "' is not allowed: the engine would call the Java method behind it on the value; "
                    + "FEEL in a DMN model reads values, not the Java objects behind them");
        } else if (vocabulary.functions().contains(name)) {
            offence(node, "'." + name + "' reads a function: call it by its name instead");
        } else if (FeelNames.problem(name) != null) {
            offence(node, FeelNames.problem(name));
        }
    }

    private DmnWork path(PathExpressionNode path, int depth, boolean inFilter) {
        List<NameRefNode> names = path.getName() instanceof QualifiedNameNode qualified ? qualified.getParts()
                : path.getName() instanceof NameRefNode name ? List.of(name) : List.of();
        if (names.isEmpty()) {
            offence(path, "'" + clip(path.getText()) + "': after a dot comes a name");
        }
        names.forEach(this::readThroughDot);
        DmnWork target = path.getExpression() instanceof ContextNode context
                ? context(context, names.isEmpty() ? null : FeelNames.normalize(names.get(0).getText()), depth + 1, inFilter)
                : walk(path.getExpression(), depth + 1, inFilter);
        return DmnWork.step().plus(target);
    }

    /**
     * A context literal. One that defines functions must be read through another of its entries,
     * as {@code {f: function(x) ..., r: f(1)}.r}: whole, it would carry its functions out as values.
     *
     * @param readThrough the entry read right after the context, or null
     */
    private DmnWork context(ContextNode context, String readThrough, int depth, boolean inFilter) {
        if (context.getEntries().size() > DmnBounds.MAX_LIST_LITERAL) {
            offence(context, "the context has " + context.getEntries().size() + " entries: at most " + DmnBounds.MAX_LIST_LITERAL);
        }
        DmnWork work = DmnWork.step();
        boolean definesFunctions = false;
        for (ContextEntryNode entry : context.getEntries()) {
            if (entry.getValue() instanceof FunctionDefNode function) {
                definesFunctions = true;
                if (function.isExternal()) {
                    offence(function, external());
                } else {
                    localFunctions.accept(entryName(entry), walk(function.getBody(), depth + 2, inFilter));
                }
            } else {
                work = work.plus(walk(entry.getValue(), depth + 1, inFilter));
            }
        }
        if (definesFunctions && (readThrough == null || vocabulary.functions().contains(readThrough))) {
            offence(context, "a context that defines a function is read through another of its entries "
                    + "({f: function(x) x * 2, r: f(3)}.r), so that the function does not leave it as a value");
        }
        return work;
    }

    private DmnWork invocation(FunctionInvocationNode invocation, int depth, boolean inFilter) {
        DmnWork work = DmnWork.NONE;
        List<BaseNode> arguments = invocation.getParams().getElements();
        for (BaseNode argument : arguments) {
            work = work.plus(walk(argument instanceof NamedParameterNode named ? named.getExpression() : argument, depth + 1, inFilter));
        }
        if (!(invocation.getName() instanceof NameRefNode callee)) {
            offence(invocation, "'" + clip(invocation.getText()) + "' calls what an expression computes: a function is called by its name");
            return work.plus(walk(invocation.getName(), depth + 1, inFilter));
        }
        String name = FeelNames.normalize(callee.getText());
        if (vocabulary.functions().contains(name)) {
            if (inFilter) {
                offence(invocation, "a filter's condition runs once per item of a list of any size: it may not call '" + name
                        + "' (only operators and built-in functions)");
            }
            return work.plus(DmnWork.call(name));
        }
        if (!FeelNames.BUILT_INS.contains(name)) {
            offence(invocation, "'" + name + "' is not a function of this model (business knowledge model, decision service, "
                    + "function defined in a context) nor a FEEL built-in");
        } else if (FeelNames.refusedBuiltIn(name) != null) {
            offence(invocation, "the built-in '" + name + "' is not allowed: " + FeelNames.refusedBuiltIn(name));
        } else if (name.equals("sort") && arguments.size() != 1) {
            offence(invocation, "'sort' may only sort in natural order (one argument): an ordering function would be a function value");
        }
        return work.plus(DmnWork.step());
    }

    private DmnWork loop(String keyword, BaseNode loop, List<IterationContextNode> domains, BaseNode body, int depth, boolean inFilter) {
        if (inFilter) {
            offence(loop, "a '" + keyword + "' inside a filter's condition runs once per item of a list of any size; loop outside the filter");
        }
        BigDecimal items = BigDecimal.ONE;
        DmnWork work = DmnWork.step();
        for (IterationContextNode domain : domains) {
            BigDecimal size = domainSize(domain.getExpression(), domain.getRangeEndExpr());
            if (size == null) {
                offence(domain, "'" + keyword + "' goes over '" + clip(domain.getText()) + "': a loop may only go over a literal list "
                        + "or a range between two whole-number literals ([1, 2, 3], 1..10, [1..10]), so that its size is known before it runs");
                return DmnWork.NONE;
            }
            items = items.multiply(size);
            work = work.plus(walk(domain.getExpression(), depth + 1, inFilter)).plus(walk(domain.getRangeEndExpr(), depth + 1, inFilter));
        }
        if (items.compareTo(BigDecimal.valueOf(DmnBounds.MAX_ITERATIONS)) > 0) {
            offence(loop, "'" + keyword + "' over " + items.toPlainString() + " items: a loop (nested loops multiply) may run at most "
                    + DmnBounds.MAX_ITERATIONS + " times in one evaluation of the model");
            return DmnWork.NONE;
        }
        return work.plus(walk(body, depth + 1, inFilter).looped(items.longValue()));
    }

    static String entryName(ContextEntryNode entry) {
        BaseNode name = entry.getName();
        return FeelNames.normalize(name instanceof StringNode string ? string.getValue() : name.getText());
    }

    private static String external() {
        return "an external function ('function(...) external {java: ...}') is not allowed: FEEL in a DMN model may not call Java";
    }

    private static String clip(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    private void offence(ASTNode node, String message) {
        offences.add(new Offence(Math.max(1, node.getStartLine()), message));
    }
}
