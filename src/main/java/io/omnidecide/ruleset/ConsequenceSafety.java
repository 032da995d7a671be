package io.omnidecide.ruleset;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule's actions, read by a Java parser: each statement must call an action of the fact
 * vocabulary on a bound fact, {@code $c.addSegment("vip");}, with literals or bound variables as
 * arguments. No other statement, expression or name gets through, and the actions are written
 * back canonically, one per line.
 */
final class ConsequenceSafety {

    private ConsequenceSafety() {
    }

    /** The actions in canonical form, or null with the offences added. */
    static String check(String consequence, RuleScope scope, List<RuleOffence> offences) {
        if (consequence.isBlank()) {
            return "";
        }
        ParseResult<BlockStmt> parsed = JavaSyntax.block(consequence);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            int line = parsed.getProblems().stream().flatMap(p -> p.getLocation().stream())
                    .flatMap(l -> l.getBegin().getRange().stream()).map(r -> r.begin.line).findFirst().orElse(1);
            offences.add(new RuleOffence(consequence.trim(), line, "the actions cannot be read as calls of the fact vocabulary: "
                    + JavaSyntax.firstProblem(parsed)));
            return null;
        }
        int before = offences.size();
        List<String> actions = new ArrayList<>();
        for (Statement statement : parsed.getResult().get().getStatements()) {
            int line = statement.getBegin().map(p -> p.line).orElse(1);
            if (statement instanceof EmptyStmt) {
                continue;
            }
            String action = statement instanceof ExpressionStmt expression && expression.getExpression() instanceof MethodCallExpr call
                    ? action(call, scope, line, offences)
                    : refuse(offences, tokenOf(statement), line, "'" + firstLine(statement) + "' is not allowed: an action calls the fact "
                            + "vocabulary, as in $c.addSegment(\"vip\");");
            actions.add(action);
        }
        return offences.size() == before ? String.join("\n", actions) : null;
    }

    private static String action(MethodCallExpr call, RuleScope scope, int line, List<RuleOffence> offences) {
        String target = call.getScope().map(Expression::toString).orElse("");
        String name = (target.isEmpty() ? "" : target + ".") + call.getNameAsString();
        Optional<FactVocabulary> fact = call.getScope().filter(NameExpr.class::isInstance)
                .flatMap(s -> scope.fact(((NameExpr) s).getNameAsString()));
        Method method = fact.map(f -> f.action(call.getNameAsString())).orElse(null);
        if (method == null) {
            String allowed = fact.map(f -> target + "." + f.actionNames()).orElse("a bound fact ($c) and its actions: Customer "
                    + FactVocabulary.CUSTOMER.actionNames() + ", Candidate " + FactVocabulary.CANDIDATE.actionNames());
            // In a table the text to find is what was typed up to the first call's parenthesis: "Runtime.getRuntime".
            String written = call.toString();
            String token = written.substring(0, written.indexOf('(')).trim();
            return refuse(offences, token, line, "call of '" + name + "(...)' is not on the allow-list: actions may call " + allowed);
        }
        if (method.getParameterCount() != call.getArguments().size()) {
            return refuse(offences, name, line, name + " takes " + method.getParameterCount() + " value(s), not " + call.getArguments().size());
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < call.getArguments().size(); i++) {
            Expression argument = call.getArguments().get(i);
            String value = argument(argument, method.getParameterTypes()[i], scope);
            Pattern id = FactVocabulary.textOf(call.getNameAsString(), i);
            if (value != null && id != null && argument instanceof StringLiteralExpr text && !id.matcher(text.asString()).matches()) {
                return refuse(offences, name, line, "'" + text.asString() + "' is not an id " + name + " takes: ids are letters, digits, "
                        + "'_', '-' and '.', as in cart_abandoner" + (id == FactVocabulary.ID ? "" : ", several separated by commas"));
            }
            if (value == null) {
                return refuse(offences, argument.toString(), line, "'" + argument + "' is not a value " + name + " takes: write "
                        + kind(method.getParameterTypes()[i]));
            }
            arguments.add(value);
        }
        return target + "." + call.getNameAsString() + "(" + String.join(", ", arguments) + ");";
    }

    /** A literal of the parameter's kind or a bound variable, canonically; null otherwise. */
    private static String argument(Expression argument, Class<?> type, RuleScope scope) {
        if (argument instanceof NameExpr variable && scope.isBound(variable.getNameAsString())) {
            return variable.getNameAsString();
        }
        boolean fits = type == String.class ? argument instanceof StringLiteralExpr
                : type == boolean.class ? argument instanceof BooleanLiteralExpr
                : JavaSyntax.literal(argument).filter(v -> !v.startsWith("\"") && !v.equals("null") && !v.equals("true") && !v.equals("false")).isPresent();
        return fits ? JavaSyntax.literal(argument).orElse(null) : null;
    }

    private static String kind(Class<?> type) {
        return type == String.class ? "text in double quotes (at most " + JavaSyntax.MAX_TEXT + " characters)"
                : type == boolean.class ? "true or false" : "a number, such as 20 or 0.05";
    }

    private static String tokenOf(Statement statement) {
        return statement.findFirst(NameExpr.class).map(NameExpr::getNameAsString).orElse(firstLine(statement));
    }

    private static String firstLine(Statement statement) {
        return statement.toString().lines().findFirst().orElse("").trim();
    }

    private static String refuse(List<RuleOffence> offences, String token, int line, String message) {
        offences.add(new RuleOffence(token, line, message));
        return null;
    }
}
