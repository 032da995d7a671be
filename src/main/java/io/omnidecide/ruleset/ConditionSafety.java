package io.omnidecide.ruleset;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * One constraint of a pattern, {@code orders >= 3 || segments contains "vip"}, read by Drools'
 * own constraint parser, each operand by a Java parser, and written back canonically. A condition
 * may compare fields of its fact, bound variables, literals, a DMN result ({@code dmn["name"]})
 * and the candidate's history counts ({@code impressions(7)}); nothing else.
 */
final class ConditionSafety {

    /** Comparisons a condition may make; {@code in} and {@code not in} arrive as == and !=. */
    static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=", "contains", "memberOf", "matches");
    private static final Set<String> NEGATABLE = Set.of("contains", "memberOf", "matches");

    private final FactVocabulary fact;
    private final RuleScope scope;
    private final List<RuleOffence> offences;
    private final int line;
    /** Whether the operand being read stands where a value is expected (right of an operator). */
    private boolean valueSide;
    /** Levels of brackets around the part being read. */
    private int depth;

    private ConditionSafety(FactVocabulary fact, RuleScope scope, List<RuleOffence> offences, int line) {
        this.fact = fact;
        this.scope = scope;
        this.offences = offences;
        this.line = line;
    }

    /** The constraint in canonical form, or null with the offences added. */
    static String check(String constraint, FactVocabulary fact, RuleScope scope, List<RuleOffence> offences) {
        int before = offences.size();
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        ConstraintConnectiveDescr tree = parser.parse(constraint);
        if (parser.hasErrors() || tree == null) {
            String reason = parser.getErrors().isEmpty() ? "cannot be read" : parser.getErrors().get(0).getMessage();
            offences.add(new RuleOffence(constraint, 1, "the condition '" + constraint + "' cannot be read: " + reason));
            return null;
        }
        String canonical = new ConditionSafety(fact, scope, offences, 1).connective(tree, false);
        return offences.size() == before ? canonical : null;
    }

    private String connective(ConstraintConnectiveDescr descr, boolean nested) {
        if (++depth > DrlSafety.MAX_NESTING) {
            return refuse(String.valueOf(descr), "the condition nests more than " + DrlSafety.MAX_NESTING + " levels of brackets");
        }
        String joint;
        if (descr.getConnective() == ConnectiveType.AND) {
            joint = " && ";
        } else if (descr.getConnective() == ConnectiveType.OR) {
            joint = " || ";
        } else {
            return refuse(descr.getConnective().toString(), "'" + descr.getConnective() + "' is not allowed in a condition: join with && and ||");
        }
        List<String> parts = new ArrayList<>();
        for (BaseDescr child : descr.getDescrs()) {
            parts.add(part(child));
        }
        depth--;
        String joined = String.join(joint, parts);
        boolean wrap = nested && parts.size() > 1 || descr.isNegated();
        return (descr.isNegated() ? "!" : "") + (wrap ? "(" + joined + ")" : joined);
    }

    private String part(BaseDescr descr) {
        if (descr instanceof ConstraintConnectiveDescr inner) {
            return connective(inner, true);
        }
        if (descr instanceof RelationalExprDescr relation) {
            return relation(relation);
        }
        if (descr instanceof BindingDescr binding) {
            return binding(binding);
        }
        if (descr instanceof AtomicExprDescr atom) {
            // A bare operand must be a yes/no field: "heldOut" reads as "heldOut == true".
            String operand = operand(atom);
            if (operand == null) {
                return null;
            }
            if (fact.property(operand) != boolean.class) {
                return refuse(atom.getExpression(), "'" + atom.getExpression() + "' is not a condition: compare it, as in "
                        + atom.getExpression() + " == \"...\"");
            }
            return operand + " == true";
        }
        return refuse(descr.getText(), "this condition is not allowed: " + descr);
    }

    private String relation(RelationalExprDescr relation) {
        String operator = relation.getOperator();
        if (!OPERATORS.contains(operator) || relation.getParameters() != null && !relation.getParameters().isEmpty()) {
            return refuse(operator, "the operator '" + operator + "' is not allowed: conditions compare with " + OPERATORS);
        }
        String left = relation.getLeft() instanceof BindingDescr binding ? binding(binding) : operandOf(relation.getLeft());
        valueSide = true;
        String right = operandOf(relation.getRight());
        valueSide = false;
        if (operator.equals("matches") && !(relation.getRight() instanceof AtomicExprDescr atom && isSafePattern(atom))) {
            return null;
        }
        if (left == null || right == null) {
            return null;
        }
        if (relation.isNegated()) {
            return NEGATABLE.contains(operator) ? left + " not " + operator + " " + right : "!(" + left + " " + operator + " " + right + ")";
        }
        return left + " " + operator + " " + right;
    }

    private boolean isSafePattern(AtomicExprDescr atom) {
        ParseResult<Expression> parsed = JavaSyntax.expression(atom.getExpression());
        if (parsed.getResult().orElse(null) instanceof StringLiteralExpr pattern) {
            Optional<String> refusal = SafeRegex.refusal(pattern.asString());
            refusal.ifPresent(reason -> refuse(atom.getExpression(), "the pattern " + atom.getExpression() + " is not allowed: " + reason));
            return refusal.isEmpty();
        }
        refuse(atom.getExpression(), "'matches' takes a pattern in double quotes, not '" + atom.getExpression() + "'");
        return false;
    }

    private String binding(BindingDescr binding) {
        if (binding.isUnification() || !RuleScope.isVariableName(binding.getVariable())) {
            return refuse(binding.getVariable(), "a binding names a variable $name and a field: '" + binding.getVariable() + " : "
                    + binding.getExpression() + "'");
        }
        String field = binding.getExpression();
        if (fact.property(field) == null) {
            return unknownField(field);
        }
        scope.bindValue(binding.getVariable());
        return binding.getVariable() + " : " + field;
    }

    private String operandOf(BaseDescr descr) {
        if (descr instanceof AtomicExprDescr atom) {
            return operand(atom);
        }
        return refuse(String.valueOf(descr), "this operand is not allowed: " + descr);
    }

    private String operand(AtomicExprDescr atom) {
        String text = atom.getExpression();
        ParseResult<Expression> parsed = JavaSyntax.expression(text);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return refuse(text, "'" + text + "' cannot be read: " + JavaSyntax.firstProblem(parsed));
        }
        return operand(parsed.getResult().get(), text);
    }

    private String operand(Expression expression, String text) {
        Optional<String> literal = JavaSyntax.literal(expression);
        if (literal.isPresent()) {
            return literal.get();
        }
        if (expression instanceof StringLiteralExpr) {
            return refuse(text, "the text is longer than " + JavaSyntax.MAX_TEXT + " characters or holds control characters");
        }
        if (expression instanceof EnclosedExpr) {
            Expression inner = expression;
            int levels = 0;
            while (inner instanceof EnclosedExpr enclosed) {
                inner = enclosed.getInner();
                levels++;
            }
            return levels > DrlSafety.MAX_NESTING ? refuse(text, "'" + text + "' nests more than " + DrlSafety.MAX_NESTING
                    + " levels of brackets") : operand(inner, text);
        }
        if (expression instanceof NameExpr name) {
            String id = name.getNameAsString();
            if (scope.isBound(id) || fact.property(id) != null) {
                return id;
            }
            return valueSide ? refuse(id, UnknownFieldHint.suggest("'" + id + "' is not a value: write a number (30), text in double quotes "
                    + "(\"" + id + "\"), true or false, or a field of " + fact.simpleName(), id, fact.propertyNames())) : unknownField(id);
        }
        if (expression instanceof FieldAccessExpr field && field.getScope() instanceof NameExpr variable) {
            Optional<FactVocabulary> bound = scope.fact(variable.getNameAsString());
            if (bound.isPresent() && bound.get().property(field.getNameAsString()) != null) {
                return variable.getNameAsString() + "." + field.getNameAsString();
            }
        }
        if (expression instanceof ArrayAccessExpr access && access.getName() instanceof NameExpr map
                && fact.property(map.getNameAsString()) == Map.class && access.getIndex() instanceof StringLiteralExpr key) {
            Optional<String> quoted = JavaSyntax.quote(key.asString());
            if (quoted.isPresent()) {
                return map.getNameAsString() + "[" + quoted.get() + "]";
            }
        }
        if (expression instanceof MethodCallExpr call) {
            return call(call, text);
        }
        return refuse(text, "'" + text + "' is not allowed in a condition: conditions compare fields of " + fact.simpleName()
                + ", bound variables, literals and dmn[\"decision\"]" + (fact.conditionCallNames().isEmpty() ? "" : ", and call "
                + fact.conditionCallNames()));
    }

    private String call(MethodCallExpr call, String text) {
        Method method = call.getScope().isEmpty() ? fact.conditionCall(call.getNameAsString()) : null;
        String name = call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString();
        if (method == null || method.getParameterCount() != call.getArguments().size()) {
            return refuse(name, "call of '" + name + "(...)' is not on the allow-list: conditions on " + fact.simpleName()
                    + " may call " + (fact.conditionCallNames().isEmpty() ? "nothing" : fact.conditionCallNames() + " with a number of days"));
        }
        List<String> arguments = new ArrayList<>();
        for (Expression argument : call.getArguments()) {
            Optional<String> value = JavaSyntax.number(argument);
            if (value.isEmpty() && !(argument instanceof NameExpr bound && scope.isBound(bound.getNameAsString()))) {
                return refuse(text, "'" + argument + "' in " + text + " must be a whole number or a bound variable");
            }
            arguments.add(value.orElse(argument.toString()));
        }
        return call.getNameAsString() + "(" + String.join(", ", arguments) + ")";
    }

    private String unknownField(String name) {
        return refuse(name, UnknownFieldHint.suggest("unknown field '" + name + "' on " + fact.simpleName(), name, fact.propertyNames()));
    }

    private String refuse(String token, String message) {
        offences.add(new RuleOffence(token, line, message));
        return null;
    }
}
