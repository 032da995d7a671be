package io.omnidecide.publishing.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.omnidecide.ruleset.RulesetProblem;
import java.util.List;

/** What a build process found: no problems (the draft is valid) or each problem located. */
public record SandboxVerdict(List<RulesetProblem> problems) {

    public SandboxVerdict {
        problems = List.copyOf(problems);
    }

    public static SandboxVerdict valid() {
        return new SandboxVerdict(List.of());
    }

    /** A verdict of one problem about the whole ruleset (a limit it ran into, a process that failed). */
    public static SandboxVerdict invalid(String message) {
        return new SandboxVerdict(List.of(RulesetProblem.inFile(null, message)));
    }

    @JsonIgnore
    public boolean isValid() {
        return problems.isEmpty();
    }
}
