package io.omnidecide.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.facts.Customer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * What FEEL a DMN model may say (docs/rulesets.md): the hostile corpus under
 * src/test/resources/hostile/dmn/, one file per trick, each refused by the safety check before the
 * engine builds anything, with a problem naming the element; every construct the allow-list lets
 * through, built and evaluated by the engine; and each bound, at its limit and one past it.
 */
class DmnFeelTest {

    private static final Path HOSTILE = Path.of("src/test/resources/hostile/dmn");
    private static final String MODEL = "https://www.omg.org/spec/DMN/20230324/MODEL/";

    /** File, the element its problem names, and what the problem says. */
    static Stream<Arguments> hostileModels() {
        return Stream.of(
                Arguments.of("external-plain.dmn", "decision 'quit'", "an external function"),
                Arguments.of("external-block-comment.dmn", "decision 'quit'", "an external function"),
                Arguments.of("external-line-comment.dmn", "decision 'quit'", "an external function"),
                Arguments.of("external-xml-comment-split.dmn", "decision 'quit'", "an external function"),
                Arguments.of("external-character-references.dmn", "decision 'quit'", "an external function"),
                Arguments.of("external-unicode-escape.dmn", "decision 'quit'", "an external function"),
                Arguments.of("external-odd-whitespace.dmn", "decision 'quit'", "an external function"),
                Arguments.of("external-feel-comment-split.dmn", "decision 'quit'", "FEEL syntax error near '{'"),
                Arguments.of("external-unicode-spaces.dmn", "decision 'quit'", "FEEL syntax error"),
                Arguments.of("java-kind-function.dmn", "businessKnowledgeModel 'exit'", "a function of kind 'Java' is not allowed"),
                Arguments.of("pmml-kind-function.dmn", "decision 'score'", "a function of kind 'PMML' is not allowed"),
                Arguments.of("class-path.dmn", "decision 'leak'", "'.class' is not allowed"),
                Arguments.of("nested-path.dmn", "decision 'leak'", "'.class' is not allowed"),
                Arguments.of("bytes-path.dmn", "decision 'leak'", "'.bytes' is not allowed"),
                Arguments.of("filter-java-name.dmn", "decision 'leak'", "inside a filter the engine would call the Java method"),
                Arguments.of("context-key-java-name.dmn", "decision 'leak'", "'class' is also a method of the Java objects behind FEEL values"),
                Arguments.of("for-huge-range.dmn", "decision 'busy'", "'for' over 20000000 items"),
                Arguments.of("for-nested.dmn", "decision 'busy'", "would run loop bodies 10100 times"),
                Arguments.of("for-in-function-called-often.dmn", "decision 'busy'", "would run loop bodies 2000 times"),
                Arguments.of("some-huge-range.dmn", "decision 'busy'", "'some' over 100000000 items"),
                Arguments.of("every-huge-range.dmn", "decision 'busy'", "'every' over 100000000 items"),
                Arguments.of("range-arithmetic.dmn", "decision 'busy'", "'for' goes over 'i in 1..100000*1000': a loop may only go over a literal"),
                Arguments.of("list-from-function.dmn", "decision 'busy'", "'for' goes over 'x in numbers(1000000)'"),
                Arguments.of("some-over-input.dmn", "decision 'busy'", "'some' goes over 'c in purchasedCategories'"),
                Arguments.of("boxed-for-huge-range.dmn", "decision 'busy'", "'for' over 100000000 items"),
                Arguments.of("boxed-loop-over-input.dmn", "decision 'd'", "'every' goes over what an expression computes"),
                Arguments.of("loop-in-filter.dmn", "decision 'd'", "a 'some' inside a filter's condition"),
                Arguments.of("filter-in-filter.dmn", "decision 'd'", "a filter inside a filter's condition"),
                Arguments.of("filter-calls-function.dmn", "decision 'd'", "it may not call 'heavy'"),
                Arguments.of("output-values-loop.dmn", "decision 'tier'", "'for' over 20000000 items"),
                Arguments.of("allowed-values-loop.dmn", "itemDefinition 'tHuge'", "'for' over 20000000 items"),
                Arguments.of("too-many-steps.dmn", "decision 'd'", "would evaluate 27333330 expressions"),
                Arguments.of("bkm-self-recursive.dmn", "businessKnowledgeModel 'fact'", "recursion: businessKnowledgeModel 'fact' calls itself"),
                Arguments.of("bkm-mutual-recursion.dmn", "businessKnowledgeModel 'isEven'", "recursion: businessKnowledgeModel 'isEven' calls "
                        + "businessKnowledgeModel 'isOdd', which calls businessKnowledgeModel 'isEven'"),
                Arguments.of("recursion-through-decision-service.dmn", "decision 'a'",
                        "recursion: decision 'a' calls decisionService 'loop', which calls decision 'a'"),
                Arguments.of("recursion-context-function.dmn", "decision 'countdown'", "recursion: function 'f' calls itself"),
                Arguments.of("recursion-boxed-invocation.dmn", "businessKnowledgeModel 'again'", "recursion: businessKnowledgeModel 'again' calls itself"),
                Arguments.of("recursion-through-local-function.dmn", "businessKnowledgeModel 'b'",
                        "recursion: businessKnowledgeModel 'b' calls function 'g', which calls businessKnowledgeModel 'b'"),
                Arguments.of("decision-requires-itself.dmn", "decision 'd'", "recursion: decision 'd' requires itself"),
                Arguments.of("function-value-passed.dmn", "decision 'apply'", "'inc' is a function: call it"),
                Arguments.of("self-application.dmn", "decision 'omega'", "'g' is not a function of this model"),
                Arguments.of("function-leaves-context.dmn", "decision 'd'", "calls what an expression computes"),
                Arguments.of("path-to-function.dmn", "decision 'd'", "'.f' reads a function"),
                Arguments.of("built-in-as-value.dmn", "decision 'd'", "'count' is a built-in function: call it"),
                Arguments.of("sort-with-function.dmn", "decision 'sorted'", "a function is defined only as a context entry"),
                Arguments.of("boxed-function-definition.dmn", "decision 'd'", "a function is defined only as a business knowledge model"),
                Arguments.of("boxed-context-function-without-result.dmn", "decision 'd'", "ends with a result entry"),
                Arguments.of("boxed-invocation-of-expression.dmn", "decision 'd'", "an invocation names the business knowledge model"),
                Arguments.of("invoke-builtin.dmn", "decision 'again'", "the built-in 'invoke' is not allowed"),
                Arguments.of("regex-builtin.dmn", "decision 'slow'", "the built-in 'matches' is not allowed"),
                Arguments.of("function-named-like-built-in.dmn", "decision 'd'", "the function 'date' has the name of a FEEL built-in"),
                Arguments.of("two-functions-one-name.dmn", "decision 'b'", "2 functions are named 'f'"),
                Arguments.of("function-clashes-with-value.dmn", "inputData 'orders'", "'orders' is also the name of a function"),
                Arguments.of("keyword-in-name.dmn", "decision 'gold for everyone'", "contains the FEEL keyword 'for'"),
                Arguments.of("dotted-name.dmn", "decision 'x.class'", "'x.class' is not a name this service accepts"),
                Arguments.of("huge-string.dmn", "decision 'blob'", "a string literal of 5000 characters: at most 1000"),
                Arguments.of("huge-list.dmn", "decision 'blob'", "the list has 1001 items: at most 1000"),
                Arguments.of("context-too-big.dmn", "decision 'd'", "the context has 1001 entries: at most 1000"),
                Arguments.of("long-text.dmn", "decision 'blob'", "the FEEL text is 12000 characters long: at most 10000"),
                Arguments.of("deep-brackets.dmn", "decision 'deep'", "nests brackets more than 64 deep"),
                Arguments.of("deep-tree.dmn", "decision 'deep'", "the expression nests more than 64 levels deep"),
                Arguments.of("unparseable.dmn", "decision 'tier'", "FEEL syntax error near '<EOF>'"),
                Arguments.of("descendant-expression.dmn", "decision 'd'", "(DescendantExpressionNode) is not FEEL a model may use here"),
                Arguments.of("extension-elements.dmn", "decision 'd'", "extension elements are not allowed"),
                Arguments.of("unknown-element.dmn", "decision 'd'", "<script> is not an element this service accepts"),
                Arguments.of("expression-language.dmn", "decision 'd'", "expression language 'https://example.com/javascript' is not allowed"),
                Arguments.of("imported-values.dmn", "decision 'd'", "imported values are not allowed"),
                Arguments.of("size-context-doubling.dmn", "decision 'blob'", "the values decision 'blob' builds can grow to 1099511628 times"),
                Arguments.of("size-decision-chain.dmn", "decision 'd10'", "the values decision 'd10' builds can grow to 103 times"),
                Arguments.of("size-list-concatenate.dmn", "decision 'items'", "the values decision 'items' builds can grow to 20972 times"),
                Arguments.of("size-bkm-chain.dmn", "decision 'greeting'", "the values decision 'greeting' builds can grow to 1024 times"),
                Arguments.of("size-input-doubling.dmn", "decision 'greeting'", "the values decision 'greeting' builds can grow to 1073741823 times"),
                Arguments.of("size-for-body.dmn", "decision 'greeting'", "the values decision 'greeting' builds can grow to 3000 times"),
                Arguments.of("size-for-partial.dmn", "decision 'items'", "the values decision 'items' builds can grow without bound"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileModels")
    void aHostileModelIsRefusedWithItsElementBeforeTheEngineBuildsIt(String name, String element, String fragment) throws IOException {
        RulesetFile file = new RulesetFile("decision-tables/" + name, Files.readAllBytes(HOSTILE.resolve(name)));
        List<RulesetProblem> unsafe = safetyProblems(file);
        assertTrue(unsafe.stream().anyMatch(p -> element.equals(p.element()) && p.message().contains(fragment)),
                () -> "expected " + element + ": ..." + fragment + "... in " + describe(unsafe));
        assertTrue(unsafe.stream().allMatch(p -> p.file().equals(file.path()) && p.element() != null && p.line() != null), () -> describe(unsafe).toString());
        // Through the compiler: refused with exactly these problems, so the engine never read the model.
        List<RulesetProblem> problems = new ArrayList<>();
        assertEquals(0, DmnCompiler.compile(List.of(file), new HashMap<>(), problems).size());
        assertEquals(unsafe, problems);
    }

    @Test
    void everyFileOfTheHostileCorpusIsACase() throws IOException {
        Set<String> cases = hostileModels().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(HOSTILE)) {
            assertEquals(files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)), cases);
        }
        assertTrue(cases.size() >= 20);
    }

    @Test
    void everyAllowedConstructBuildsAndEvaluates() {
        Customer customer = new Customer();
        customer.setOrders(3);
        customer.setLifetimeValue(2400);
        customer.setCountry("FR");
        customer.setFirstName("Ada");
        customer.setEngagement30d(Map.of("web", 4));
        built(model(Path.of("src/test/resources/dmn/allowed-constructs.dmn"))).evaluate(customer, System.nanoTime() + 10_000_000_000L);
        Map<String, Object> results = customer.getDmn();
        assertEquals(12.0, results.get("forList"), "for over a literal list");
        assertEquals(20.0, results.get("forRanges"), "for over ranges: 1..10, [1..3] with a second list, (0..5) with partial");
        assertEquals(true, results.get("someList"));
        assertEquals(true, results.get("everyRange"), "every over a range of negative literals");
        assertEquals(4.0, results.get("filtered"), "filters by condition, by index, and on context items' keys");
        assertEquals(9.0, results.get("localFunction"), "a context function calling another");
        assertEquals(11.0, results.get("bkmChain"), "a business knowledge model calling another, twice");
        assertEquals(0.1, results.get("boxedInvocation"));
        assertEquals(7.0, results.get("viaService"), "a decision service called from a decision");
        assertEquals(true, results.get("operators"), "between, in, instance of, null, signed numbers, booleans");
        assertEquals(2038.0, results.get("paths"), "date properties, an @ literal, a context entry, an input map's key, a range's end");
        assertEquals("MARKET2", results.get("strings"), "named parameters and string built-ins");
        assertEquals(22.3, (Double) results.get("boxedContext"), 1e-9, "boxed context, function, list, relation, for, some, every, filter, conditional");
        assertEquals("some", results.get("table"), "decision table unary tests: ranges, lists, not, !=, ? and -");
    }

    @Test
    void aLoopMayRunExactlyTheBoundAndNotOnceMore() {
        assertSafe(decision("count(for i in 1..1000 return i)"));
        assertSafe(decision("count(for i in [1..10], j in [1..100] return i * j)"));
        assertSafe(decision("count(for i in 1..10 return count(for j in 1..99 return j))"), "10 + 10 x 99 = 1000 body evaluations");
        assertSafe(decision("count(for i in [1..1001) return i)"), "an open end leaves 1000 items");
        assertRefused(decision("count(for i in (0..1001] return i)"), m -> m.startsWith("'for' over 1001 items"), "an open start");
        assertRefused(decision("count(for i in 1..1001 return i)"), m -> m.startsWith("'for' over 1001 items"), "");
        assertRefused(decision("count(for i in 1..10 return count(for j in 1..100 return j))"),
                m -> m.contains("would run loop bodies 1010 times"), "10 + 10 x 100");
        assertRefused(decision("count(for i in 1..600 return i) + count(for i in 1..401 return i)"),
                m -> m.contains("would run loop bodies 1001 times"), "sibling loops add up");
        assertRefused(decision("count(for i in 1.5..3 return i)"), m -> m.contains("a loop may only go over a literal list"), "decimal bounds");
    }

    @Test
    void literalsTextsAndNestingStopAtTheirBounds() {
        assertSafe(decision("string length(\"" + "x".repeat(1000) + "\")"));
        assertRefused(decision("string length(\"" + "x".repeat(1001) + "\")"), m -> m.startsWith("a string literal of 1001 characters"), "");
        assertSafe(decision("count([" + "1,".repeat(999) + "1])"));
        assertRefused(decision("count([" + "1,".repeat(1000) + "1])"), m -> m.startsWith("the list has 1001 items"), "");
        String longest = "count([" + "123456789,".repeat(999) + "1])";
        assertEquals(10_000, longest.length());
        assertSafe(decision(longest));
        assertRefused(decision(longest + " "), m -> m.startsWith("the FEEL text is 10001 characters long"), "");
        assertSafe(decision("(".repeat(64) + "1" + ")".repeat(64)));
        assertRefused(decision("(".repeat(65) + "1" + ")".repeat(65)), m -> m.contains("nests brackets more than 64 deep"), "");
        assertSafe(decision(String.join(" + ", Collections.nCopies(64, "1"))));
        assertRefused(decision(String.join(" + ", Collections.nCopies(66, "1"))), m -> m.contains("nests more than 64 levels"), "");
    }

    @Test
    void aTextThatExhaustsTheParsersStackIsRefusedNotThrown() throws InterruptedException {
        // On a small stack, as on a busy build thread: unary minus nests without brackets.
        FeelText[] parsed = new FeelText[1];
        Thread small = new Thread(null, () -> parsed[0] = FeelText.parse("-".repeat(4000) + "1", false, List.of()), "small stack", 128 * 1024);
        small.start();
        small.join();
        assertNotNull(parsed[0]);
        assertEquals("the FEEL text nests too deeply to parse: at most 64 levels", parsed[0].error());
    }

    @Test
    void theWorkOfOneEvaluationIsCountedThroughCallsAndStopsAtTheBound() {
        // f's body is 19 expressions, its call counts 20 and its argument 1: 40 an iteration.
        String body = String.join(" + ", Collections.nCopies(10, "x"));
        assertSafe(withFunction(body, "sum(for i in 1..450 return f(i))"), "450 x 40 = 18,000 expressions");
        assertRefused(withFunction(body, "sum(for i in 1..500 return f(i))"), m -> m.contains("would evaluate 20004 expressions"),
                "500 x 40, and the decision's own 4");
    }

    @Test
    void aValueMayGrowToAHundredTimesItsLargestInputOrLiteralAndNoMore() {
        assertSafe(decision("string length(string join(for i in 1..100 return firstName))"), "100 times an input");
        assertRefused(decision("string length(string join(for i in 1..101 return firstName))"),
                m -> m.startsWith("the values decision 'd' builds can grow to 101 times its largest input or literal: at most 100"), "");
        assertSafe(decision("string length(string join(for i in 1..1000 return i))"), "1000 numbers are as large as a literal list");
        assertSafe(decision("string length({a: firstName, b: a + country + a, c: b + \"!\" + b, r: upper case(substring(c, 2))}.r)"),
                "a few joins, and built-ins that take part of a value");
        assertSafe(model(Path.of("decision-tables/value-tier.dmn")));
        StringBuilder boxed = new StringBuilder("<decision id=\"d\" name=\"d\"><variable name=\"d\"/><context>");
        for (int i = 0; i < 8; i++) {
            boxed.append("<contextEntry><variable name=\"e").append(i).append("\"/><literalExpression><text>")
                    .append(i == 0 ? "firstName" : "e" + (i - 1) + " + e" + (i - 1)).append("</text></literalExpression></contextEntry>");
        }
        boxed.append("<contextEntry><literalExpression><text>string length(e7)</text></literalExpression></contextEntry></context></decision>");
        assertRefused(file(definitions(boxed.toString())), m -> m.startsWith("the values decision 'd' builds can grow to 255 times"),
                "a boxed context's entries are all built: 1 + 2 + ... + 128 inputs");
    }

    @Test
    void everyBuiltInThatJoinsItsArgumentsAddsTheirSizes() {
        for (String join : List.of("concatenate(@, @)", "append(@, @)", "union(@, @)", "flatten([@, @])", "insert before(@, 1, @)",
                "string join([@, @])", "context put(@, \"k\", @)", "@ + @")) {
            // The whole context is built: 1 + 2 + ... + 32 = 63 inputs, and with two more doublings 255 (256 with insert before's positions).
            assertSafe(decision("count([" + doubled(join, 5) + "])"), join);
            assertRefused(decision("count([" + doubled(join, 7) + "])"), m -> m.matches("the values decision 'd' builds can grow to 25[56] times .*"), join);
        }
        assertRefused(decision("count([" + doubled("@ + @", 60) + "])"), m -> m.contains("builds can grow without bound"), "saturated, not overflowed");
    }

    @Test
    void aFunctionsValuesScaleWithItsArguments() {
        assertRefused(withFunction("x + x", "string length(f(f(f(f(f(f(f(firstName))))))))"),
                m -> m.startsWith("the values decision 'd' builds can grow to 128 times"), "2 x 2 x ... x 2");
        assertSafe(withFunction("x + x", "string length(f(f(f(f(f(f(firstName)))))))"), "64 times");
        assertRefused(withFunction("string join(for i in 1..200 return x)", "string length(f(\"a\"))"),
                m -> m.startsWith("the values businessKnowledgeModel 'f' builds can grow to 200 times its largest argument or literal"), "");
        assertSafe(withFunction("x + \"" + "y".repeat(1000) + "\"", "string length(f(1))"), "a constant in the body counts once");
    }

    /** A context of entries l0 = [firstName], l1, l2..., each {@code join} with @ for the entry before. */
    private static String doubled(String join, int times) {
        StringBuilder context = new StringBuilder("{l0: [firstName]");
        for (int i = 1; i <= times; i++) {
            context.append(", l").append(i).append(": ").append(join.replace("@", "l" + (i - 1)));
        }
        return context.append("}.l").append(times).toString();
    }

    /**
     * The two costliest shapes at the bounds are allowed and evaluate: calls of a business knowledge
     * model in a loop, and a loop body of many expressions (about 40 and 15 ms on a quiet 2-core
     * machine, docs/rulesets.md; timing is for benchmarks, not for this test).
     */
    @Test
    void aModelAtTheBoundsIsAllowedAndEvaluates() {
        assertEvaluates(withFunction("x", "sum(for i in 1..800 return f(i))"), 320_400.0);
        assertEvaluates(withFunction("x", "sum(for i in 1..1000 return i * 2 + i * 3 + i * 4 + i * 5 + 1)"), 7_008_000.0);
    }

    private static void assertEvaluates(RulesetFile file, double result) {
        assertSafe(file);
        Customer customer = new Customer();
        built(file).evaluate(customer, System.nanoTime() + 10_000_000_000L);
        assertEquals(result, (Double) customer.getDmn().get("d"), 1e-6);
    }

    @Test
    void theNamesAFeelPathMayReadAreNotJavaMethods() {
        FeelNames.FEEL_PROPERTIES.forEach(p -> assertFalse(FeelNames.isJavaMethod(p), p));
        for (String reflective : List.of("class", "getClass", "bytes", "empty", "blank", "length", "stream", "iterator", "hashCode", "toString",
                "clear", "intern", "wait", "notify", "scale", "Bytes")) {
            assertTrue(FeelNames.isJavaMethod(reflective), reflective);
        }
        DmnInputs.names().forEach(input -> assertEquals(null, FeelNames.problem(input), "every Customer input can be declared"));
        assertTrue(FeelNames.BUILT_INS.containsAll(FeelNames.ALLOWED_BUILT_INS), "every allowed built-in is one the engine has");
    }

    @Test
    void xmlNestedTooDeeplyIsRefusedBeforeItIsWalked() {
        String nested = "<list>".repeat(70) + "</list>".repeat(70);
        List<RulesetProblem> problems = new ArrayList<>();
        assertEquals(null, DmnSafety.parse(file(definitions("<decision name=\"d\">" + nested + "</decision>")), problems));
        assertEquals("the model's XML elements nest more than 64 deep", problems.get(0).message());
    }

    private static void assertSafe(RulesetFile file) {
        assertSafe(file, "");
    }

    private static void assertSafe(RulesetFile file, String why) {
        assertEquals(List.of(), describe(safetyProblems(file)), why);
    }

    private static void assertRefused(RulesetFile file, Predicate<String> message, String why) {
        List<RulesetProblem> problems = safetyProblems(file);
        assertTrue(problems.stream().anyMatch(p -> message.test(p.message())), why + ": " + describe(problems));
    }

    private static List<RulesetProblem> safetyProblems(RulesetFile file) {
        List<RulesetProblem> problems = new ArrayList<>();
        Document document = DmnSafety.parse(file, problems);
        if (document != null) {
            problems.addAll(DmnSafety.check(file, document));
        }
        return problems;
    }

    private static List<String> describe(List<RulesetProblem> problems) {
        return problems.stream().map(RulesetProblem::describe).toList();
    }

    private static DmnModels built(RulesetFile file) {
        List<RulesetProblem> problems = new ArrayList<>();
        DmnModels models = DmnCompiler.compile(List.of(file), new HashMap<>(), problems);
        assertEquals(List.of(), describe(problems));
        assertEquals(1, models.size());
        return models;
    }

    /** A model of one number decision 'd' with the FEEL text given. */
    private static RulesetFile decision(String feel) {
        return file(definitions("<decision id=\"d\" name=\"d\"><variable name=\"d\" typeRef=\"number\"/><literalExpression><text>"
                + escape(feel) + "</text></literalExpression></decision>"));
    }

    /** A model whose decision 'd' may call the business knowledge model f(x). */
    private static RulesetFile withFunction(String body, String decision) {
        return file(definitions("<businessKnowledgeModel id=\"f\" name=\"f\"><variable name=\"f\"/><encapsulatedLogic>"
                + "<formalParameter name=\"x\" typeRef=\"number\"/><literalExpression><text>" + escape(body) + "</text></literalExpression>"
                + "</encapsulatedLogic></businessKnowledgeModel><decision id=\"d\" name=\"d\"><variable name=\"d\" typeRef=\"number\"/>"
                + "<knowledgeRequirement><requiredKnowledge href=\"#f\"/></knowledgeRequirement><literalExpression><text>" + escape(decision)
                + "</text></literalExpression></decision>"));
    }

    private static String definitions(String body) {
        return "<definitions xmlns=\"" + MODEL + "\" id=\"t\" name=\"t\" namespace=\"https://omnidecide.io/dmn/test\">" + body + "</definitions>";
    }

    private static String escape(String feel) {
        return feel.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static RulesetFile file(String xml) {
        return new RulesetFile("decision-tables/t.dmn", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static RulesetFile model(Path path) {
        try {
            return new RulesetFile("decision-tables/" + path.getFileName(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
