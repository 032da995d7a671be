package io.omnidecide.publishing;

import io.omnidecide.OmnidecideConfig;
import io.omnidecide.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a valid draft needs before a person publishes it: a comment; a simulation of that very
 * draft against the version serving now, with the scenario suite; no failing scenario in it unless
 * the publisher writes why; and, with four-eyes on, a publisher other than its author. Each way
 * around it is refused with what to do instead.
 */
@ApplicationScoped
public class ApprovalGate {

    /** The simulation a publish rests on, and the publisher's reason to go ahead despite failing scenarios. */
    public record Approval(RulesetSimulation simulation, String overrideReason) {
    }

    private final RulesetStore store;
    private final boolean fourEyes;

    public ApprovalGate(RulesetStore store, OmnidecideConfig config) {
        this.store = store;
        this.fourEyes = config.ruleset().fourEyes();
    }

    Approval approve(RulesetVersion draft, long servingId, String publisher, String comment, String overrideReason) {
        if (isBlank(comment)) {
            throw new InvalidRequestException("comment", "a publish needs a comment: say what changes and why (it goes in the audit)");
        }
        if (fourEyes && draft.author.equals(publisher)) {
            throw new PublishRefusedException(draft, "four-eyes", "ruleset " + draft.id + " was uploaded by " + draft.author
                    + "; with four-eyes on (omnidecide.ruleset.four-eyes) another publisher must publish it");
        }
        RulesetSimulation simulation = store.latestSimulation(draft.id).orElseThrow(() -> new PublishRefusedException(draft, "simulation",
                "ruleset " + draft.id + " has not been simulated: POST /v1/rulesets/" + draft.id + "/simulate and read the report first"));
        if (simulation.baseId != servingId) {
            throw new PublishRefusedException(draft, "simulation", "ruleset " + draft.id + " was last simulated against version "
                    + simulation.baseId + ", but version " + servingId + " serves now: simulate it again");
        }
        if (!simulation.scenariosRun) {
            throw new PublishRefusedException(draft, "simulation", "the last simulation of ruleset " + draft.id
                    + " did not run the scenario suite (\"scenarios\": false): simulate it again with the scenarios");
        }
        if (simulation.scenariosFailing > 0 && isBlank(overrideReason)) {
            throw new PublishRefusedException(draft, "scenarios", simulation.scenariosFailing + " scenarios fail in the last simulation of ruleset "
                    + draft.id + " (" + simulation.summary + "): fix the draft, or publish with an overrideReason saying why they may fail");
        }
        return new Approval(simulation, isBlank(overrideReason) ? null : overrideReason.trim());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
