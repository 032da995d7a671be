package io.omnidecide.publishing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnidecide.ruleset.RulesetProblem;
import java.time.Instant;
import java.util.List;

/**
 * A ruleset version as the API shows it; problems and warnings only when asked for one version.
 * {@code baseId}: the version a draft's files were laid over.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesetView(long id, String version, String status, boolean valid, String source, String author, String comment,
        Long baseId, Instant createdAt, Instant publishedAt, Instant retiredAt, List<RulesetProblem> problems,
        List<RulesetProblem> warnings, List<String> files) {

    static RulesetView summary(RulesetVersion v) {
        return new RulesetView(v.id, v.version, v.status, v.valid, v.source, v.author, v.comment, v.baseId, v.createdAt, v.publishedAt,
                v.retiredAt, null, null, null);
    }

    static RulesetView detail(RulesetVersion v, List<String> files) {
        return new RulesetView(v.id, v.version, v.status, v.valid, v.source, v.author, v.comment, v.baseId, v.createdAt, v.publishedAt,
                v.retiredAt, RulesetStore.problems(v), RulesetStore.warnings(v), files);
    }
}
