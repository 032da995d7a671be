package io.omnidecide.publishing;

import io.omnidecide.ruleset.RulesetHolder;
import io.omnidecide.ruleset.RulesetProblem;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a ruleset serves: a decide before that could not answer. Also tells of an edited file
 * that live reload rejected: still up (the previous ruleset serves), with the problems.
 */
@Readiness
@ApplicationScoped
public class RulesetHealth implements HealthCheck {

    private final RulesetHolder holder;
    private final RulesetVersions versions;
    private final RulesetFileWatch watch;

    public RulesetHealth(RulesetHolder holder, RulesetVersions versions, RulesetFileWatch watch) {
        this.holder = holder;
        this.versions = versions;
        this.watch = watch;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("ruleset");
        if (holder.serving().isEmpty()) {
            return health.down().withData("reason", "no ruleset loaded yet").build();
        }
        holder.serving().ifPresent(r -> health.up().withData("id", versions.servingId()).withData("version", r.version())
                .withData("rules", r.sources().size()).withData("builtAt", r.builtAt().toString()));
        watch.rejected().ifPresent(rejected -> {
            health.withData("rejectedEdit", "draft " + rejected.rulesetId() + " at " + rejected.at() + " has "
                    + rejected.problems().size() + " problems; the serving ruleset stays");
            for (int i = 0; i < Math.min(5, rejected.problems().size()); i++) {
                health.withData("problem" + (i + 1), rejected.problems().get(i).describe());
            }
        });
        return health.build();
    }
}
