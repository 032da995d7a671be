package io.omnidecide.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once a ruleset serves: a decide before that could not answer. */
@Readiness
@ApplicationScoped
public class RulesetReadiness implements HealthCheck {

    private final RulesetHolder holder;

    public RulesetReadiness(RulesetHolder holder) {
        this.holder = holder;
    }

    @Override
    public HealthCheckResponse call() {
        return holder.serving()
                .map(r -> HealthCheckResponse.named("ruleset").up().withData("version", r.version())
                        .withData("rules", r.sources().size()).withData("builtAt", r.builtAt().toString()).build())
                .orElseGet(() -> HealthCheckResponse.named("ruleset").down().withData("reason", "no ruleset loaded yet").build());
    }
}
