package io.omnidecide.ruleset;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rule text read by a real Java parser (JavaParser, as Drools itself uses), and the literal values
 * rules may hold, written back in one canonical form: what is built is what was checked.
 */
final class JavaSyntax {

    /** A text value in a rule: long enough for a message's copy, bounded all the same. */
    static final int MAX_TEXT = 2_000;
    private static final Pattern WHOLE = Pattern.compile("0|[1-9]\\d{0,9}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}\\.\\d{1,12}");

    private JavaSyntax() {
    }

    /** One expression, or the parser's first complaint. */
    static ParseResult<Expression> expression(String text) {
        return parser().parseExpression(text);
    }

    /** Statements as they stand in a consequence; line 1 of the text is line 1 of the block. */
    static ParseResult<BlockStmt> block(String text) {
        return parser().parseBlock("{" + text + "\n}");
    }

    static String firstProblem(ParseResult<?> result) {
        return result.getProblems().stream().findFirst().map(Problem::getMessage)
                .map(message -> message.lines().findFirst().orElse(message))
                .orElse("cannot be read");
    }

    /** A literal in canonical form: text in double quotes, a whole or decimal number, true, false or null; else empty. */
    static Optional<String> literal(Expression expression) {
        if (expression instanceof StringLiteralExpr text) {
            return quote(text.asString());
        }
        if (expression instanceof BooleanLiteralExpr || expression instanceof NullLiteralExpr) {
            return Optional.of(expression.toString());
        }
        if (expression instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.MINUS) {
            return number(unary.getExpression()).map(n -> "-" + n);
        }
        return number(expression);
    }

    static Optional<String> number(Expression expression) {
        if (expression instanceof IntegerLiteralExpr whole && WHOLE.matcher(whole.getValue()).matches()) {
            return Optional.of(whole.getValue());
        }
        if (expression instanceof DoubleLiteralExpr decimal && DECIMAL.matcher(decimal.getValue()).matches()) {
            return Optional.of(decimal.getValue());
        }
        return Optional.empty();
    }

    /** The value in double quotes with only \" \\ \n \r \t escaped; empty for control characters or text past the bound. */
    static Optional<String> quote(String value) {
        if (value.length() > MAX_TEXT) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
                        return Optional.empty();
                    }
                    out.append(ch);
                }
            }
        }
        return Optional.of(out.append('"').toString());
    }

    private static JavaParser parser() {
        // Escapes are decoded before the check (UnicodeEscapes); none remain for the parser to see.
        return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setAttributeComments(false));
    }
}
