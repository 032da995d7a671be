package io.omnidecide.decision;

import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Interactions;
import io.omnidecide.facts.Stage;
import io.omnidecide.profile.Profile;
import io.omnidecide.ruleset.Ruleset;
import java.time.Instant;

/**
 * The segment and eligibility stages alone, through the rules, for comparing them with a
 * hand-written version (io.omnidecide.bench.EligibilityBenchmark).
 */
public final class EligibilityStages {

    private EligibilityStages() {
    }

    /** The customer fact a decide on channel "any" would build from this profile and recent activity. */
    public static Customer customer(Profile profile, RecentActivity activity, Instant now) {
        return CustomerFacts.of(profile, activity, Interactions.NONE, new RequestContext("any", null, null), now, "en");
    }

    /** Runs the segment and eligibility stages on the customer; the rules write stage, segments and proposals onto it. */
    public static Customer byRules(Ruleset ruleset, Customer customer) {
        // As a decide does: the DMN models' results (the value tier) are facts the segment stage reads.
        long deadline = System.nanoTime() + DecisionPipeline.DEFAULT_RULE_TIME_LIMIT.toNanos();
        ruleset.dmn().evaluate(customer, deadline);
        try (RuleSession session = new RuleSession(ruleset, deadline, DecisionPipeline.DEFAULT_RULE_TIME_LIMIT)) {
            session.insert(customer);
            session.run(Stage.SEGMENT);
            session.run(Stage.ELIGIBILITY);
        }
        return customer;
    }
}
