package io.omnidecide.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.facts.Customer;
import io.omnidecide.facts.ResponseCounts;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A decide on "any" makes candidates only on the channels the actions table allows each action; a
 * full explanation still makes one on every channel, to say why not. Both must decide alike.
 */
class AnyChannelTest {

    private final DecisionPipeline pipeline = new DecisionPipeline("en");

    @Test
    void leavingOutTheChannelsTheActionsTableRulesOutChangesNoDecision() {
        List<Supplier<Customer>> customers = List.of(
                () -> StarterPack.customer("any"),
                () -> StarterPack.consenting(StarterPack.withCart(StarterPack.customer("any"), "S-1", "Sneaker", 120), "email", "push"),
                () -> StarterPack.consenting(StarterPack.buyer("any", 3, 400, 200), "sms"),
                () -> StarterPack.buyer("any", 12, 700, 3));
        for (Supplier<Customer> customer : customers) {
            DecisionOutcome lean = pipeline.decide(StarterPack.RULESET, customer.get(), 10, ResponseCounts.NONE, false);
            DecisionOutcome full = pipeline.decide(StarterPack.RULESET, customer.get(), 10, ResponseCounts.NONE, true);
            assertFalse(lean.actions().isEmpty() && lean.suppressed().isEmpty(), "the customer gets or is refused something");
            assertEquals(full.actions(), lean.actions());
            assertEquals(full.suppressed(), lean.suppressed());
            assertTrue(full.candidates().stream().anyMatch(c -> c.status().equals("not sent on this channel")),
                    "the full explanation lists the channels left out");
        }
    }
}
