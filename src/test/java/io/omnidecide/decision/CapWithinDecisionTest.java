package io.omnidecide.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Interactions;
import io.omnidecide.facts.ResponseCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contact policy's daily cap (decision-tables/contact-policy.drl.csv: at most 3 marketing
 * messages a day across channels) holds within one decision too: each send a decision picks counts
 * for the picks after it, as it would across decisions.
 */
class CapWithinDecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    /** A buyer with a cart, consenting to e-mail, with this many marketing e-mails today. */
    private static Customer sentToday(String channel, int marketingToday) {
        Customer c = StarterPack.consenting(StarterPack.withCart(StarterPack.buyer(channel, 3, 200, 40), "SNEAKER-42", "Trail sneaker", 90),
                "email");
        List<Interactions.Interaction> history = new ArrayList<>();
        for (int i = 0; i < marketingToday; i++) {
            history.add(new Interactions.Interaction("vip_early_access", "email", "marketing", "impression", NOW.minus(Duration.ofHours(i + 1))));
        }
        c.setInteractions(new Interactions(history, NOW));
        return c;
    }

    private static long marketing(DecisionOutcome outcome) {
        return outcome.actions().stream().filter(a -> a.category().equals("marketing")).count();
    }

    @Test
    void oneDecisionSendsNoMoreThanTheCapLeaves() {
        DecisionPipeline pipeline = new DecisionPipeline("en");
        DecisionOutcome oneSent = pipeline.decide(StarterPack.RULESET, sentToday("email", 1), 5, ResponseCounts.NONE, false);
        assertEquals(2, marketing(oneSent), "one sent today leaves two, both in one decision: " + StarterPack.actionIds(oneSent));

        DecisionOutcome twoSent = pipeline.decide(StarterPack.RULESET, sentToday("email", 2), 5, ResponseCounts.NONE, false);
        assertEquals(1, marketing(twoSent), "two sent today leave one: " + StarterPack.actionIds(twoSent));
        assertTrue(twoSent.suppressed().stream().anyMatch(s -> s.reason().contains("daily limit")),
                "the next pick is held back by the cap, and says so: " + twoSent.suppressed());
    }

    @Test
    void whatAnInSessionChannelShowsIsNotASendAndDoesNotCount() {
        DecisionOutcome web = new DecisionPipeline("en").decide(StarterPack.RULESET, sentToday("web", 2), 5, ResponseCounts.NONE, false);
        assertTrue(marketing(web) > 1, "web reports its own impressions; its picks are not sends: " + StarterPack.actionIds(web));
    }
}
