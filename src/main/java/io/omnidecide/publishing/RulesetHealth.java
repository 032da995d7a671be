package io.omnidecide.publishing;

import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetHolder;
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
        Ruleset serving = holder.serving().orElse(null);
        if (serving == null) {
            return health.down().withData("reason", "no ruleset loaded yet").build();
        }
        health.up().withData("id", versions.servingId()).withData("version", serving.version())
                .withData("rules", serving.sources().size()).withData("builtAt", serving.builtAt().toString());
        watch.rejected().ifPresent(rejected -> {
            health.withData("rejectedEdit", "draft " + rejected.rulesetId() + " at " + rejected.at() + " has "
                    + rejected.problems().size() + " problems; the serving ruleset stays");
            for (int i = 0; i < Math.min(5, rejected.problems().size()); i++) {
                health.withData("problem" + (i + 1), rejected.problems().get(i).describe());
            }
        });
        watch.conflict().ifPresent(conflict -> health.withData("conflict", conflict.describe()));
        return health.build();
    }
}
