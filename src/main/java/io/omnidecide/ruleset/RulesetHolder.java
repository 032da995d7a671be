package io.omnidecide.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The serving ruleset. Swapping is one atomic reference write: a decide reads the reference once
 * and finishes on that ruleset even if a new one is swapped in meanwhile.
 */
@ApplicationScoped
public class RulesetHolder {

    private final AtomicReference<Ruleset> serving = new AtomicReference<>();

    /** The serving ruleset; the service is not ready until there is one. */
    public Ruleset current() {
        Ruleset ruleset = serving.get();
        if (ruleset == null) {
            throw new IllegalStateException("no ruleset is loaded yet");
        }
        return ruleset;
    }

    public Optional<Ruleset> serving() {
        return Optional.ofNullable(serving.get());
    }

    public void swap(Ruleset ruleset) {
        serving.set(ruleset);
    }
}
