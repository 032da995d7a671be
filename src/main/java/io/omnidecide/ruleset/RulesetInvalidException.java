package io.omnidecide.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that does not build or validate; it never replaces the one serving. */
public class RulesetInvalidException extends RuntimeException {

    private final transient List<RulesetProblem> problems;

    public RulesetInvalidException(List<RulesetProblem> problems) {
        super("The ruleset is invalid:\n  " + problems.stream().map(RulesetProblem::describe)
                .collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RulesetProblem> problems() {
        return problems;
    }
}
