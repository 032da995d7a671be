package io.omnidecide.ruleset;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.feel.lang.Type;
import org.kie.dmn.feel.lang.ast.BaseNode;
import org.kie.dmn.feel.lang.impl.FEELEventListenersManager;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.parser.feel11.ASTBuilderVisitor;
import org.kie.dmn.feel.parser.feel11.FEELParser;
import org.kie.dmn.feel.parser.feel11.FEEL_1_1Lexer;
import org.kie.dmn.feel.parser.feel11.FEEL_1_1Parser;
import org.kie.dmn.feel.runtime.FEELFunction;
import org.kie.dmn.feel.runtime.events.UnknownVariableErrorEvent;
import org.kie.dmn.feel.runtime.functions.extended.KieExtendedDMNFunctions;

/**
 * One FEEL text of a model parsed as the KIE engine parses it (its own lexer, parser and AST
 * builder, entry rule and extension functions): the check walks exactly the tree the engine will
 * compile, so FEEL comments, unicode escapes and line breaks change nothing. The text is measured
 * before it is parsed, so that the parser itself cannot be made to run out of stack.
 *
 * @param tree  the syntax tree, or null when the text was refused
 * @param error why it was refused: too long, too deeply nested or not FEEL
 */
record FeelText(BaseNode tree, String error, int line) {

    /** The functions the engine's default (extended) profile adds to FEEL's scope, so that their multi-word names parse alike. */
    private static final Collection<FEELFunction> EXTENSIONS = List.of(KieExtendedDMNFunctions.getFunctions());

    /**
     * @param unaryTests a decision table input entry or a list of allowed values ({@code >= 10, "web", -}) rather than an expression
     * @param names      the model's names, defined for the parser as the engine defines them, so that multi-word names parse alike
     */
    static FeelText parse(String text, boolean unaryTests, Collection<String> names) {
        if (text.length() > DmnBounds.MAX_TEXT_LENGTH) {
            return refused("the FEEL text is " + text.length() + " characters long: at most " + DmnBounds.MAX_TEXT_LENGTH, 1);
        }
        Token deepest = deepestBracket(text);
        if (deepest != null) {
            return refused("the FEEL text nests brackets more than " + DmnBounds.MAX_NESTING + " deep", deepest.getLine());
        }
        FEELEventListenersManager events = new FEELEventListenersManager();
        FEELEvent[] syntaxError = new FEELEvent[1];
        events.addListener(event -> {
            // The parser reports names it does not know; which names a text may read is the allow-list's business.
            if (syntaxError[0] == null && event.getSeverity() == FEELEvent.Severity.ERROR && !(event instanceof UnknownVariableErrorEvent)) {
                syntaxError[0] = event;
            }
        });
        Map<String, Type> variables = names.stream().distinct().collect(Collectors.toMap(Function.identity(), n -> BuiltInType.UNKNOWN));
        BaseNode tree;
        try {
            FEEL_1_1Parser parser = FEELParser.parse(events, text, variables, Map.of(), EXTENSIONS, List.of(), null);
            ParseTree parsed = unaryTests ? parser.unaryTestsRoot() : parser.compilation_unit();
            tree = parsed.accept(new ASTBuilderVisitor(variables, null));
        } catch (StackOverflowError e) {
            // Nesting without brackets (if ... then if ..., - - - 1); the stack unwinds and nothing else holds a lock here.
            return refused("the FEEL text nests too deeply to parse: at most " + DmnBounds.MAX_NESTING + " levels", 1);
        }
        if (syntaxError[0] != null) {
            FEELEvent error = syntaxError[0];
            Object symbol = error.getOffendingSymbol();
            String near = symbol instanceof CommonToken token ? token.getText() : symbol == null ? null : symbol.toString();
            return refused(near == null ? "FEEL syntax error: " + error.getMessage() : "FEEL syntax error near '" + near + "'",
                    Math.max(1, error.getLine()));
        }
        if (tree == null) {
            return refused("the text is not FEEL", 1);
        }
        return new FeelText(tree, null, 1);
    }

    private static FeelText refused(String error, int line) {
        return new FeelText(null, error, line);
    }

    /** The first bracket opened deeper than the bound, found by the engine's lexer (which knows strings and comments), or null. */
    private static Token deepestBracket(String text) {
        FEEL_1_1Lexer lexer = new FEEL_1_1Lexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        int depth = 0;
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            switch (token.getType()) {
                case FEEL_1_1Lexer.LPAREN, FEEL_1_1Lexer.LBRACK, FEEL_1_1Lexer.LBRACE -> {
                    if (++depth > DmnBounds.MAX_NESTING) {
                        return token;
                    }
                }
                case FEEL_1_1Lexer.RPAREN, FEEL_1_1Lexer.RBRACK, FEEL_1_1Lexer.RBRACE -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
        }
        return null;
    }
}
