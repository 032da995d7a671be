package io.omnidecide.decision;

import static io.omnidecide.decision.StarterPack.buyer;
import static io.omnidecide.decision.StarterPack.consenting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.facts.Customer;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetFolders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Control groups: the share in the actions table is held out, by customer, the same on every channel. */
class ControlGroupTest {

    /** The starter pack with a 20% control group on win_back. */
    private static final Ruleset TWENTY_PERCENT = new RulesetCompiler(Clock.systemUTC()).compile(
            RulesetFolders.read(Path.of("rules"), Path.of("decision-tables")).stream()
                    .map(f -> f.path().endsWith("actions.drl.csv") ? new RulesetFile(f.path(),
                            f.text().replace("web, app\",0.05", "web, app\",0.2").getBytes(StandardCharsets.UTF_8)) : f)
                    .toList());

    private static Customer atRisk(String id, String channel) {
        Customer c = consenting(buyer(channel, 3, 400, 120), "email", "sms");
        c.setCustomerId(id);
        return c;
    }

    private static boolean heldOut(DecisionOutcome outcome) {
        return outcome.suppressed().stream().anyMatch(s -> s.actionId().equals("win_back") && s.reason().startsWith("control group"));
    }

    @Test
    void theShareHeldOutMatchesTheTable() {
        int customers = 2000;
        int held = 0;
        for (int i = 0; i < customers; i++) {
            DecisionOutcome outcome = new DecisionPipeline("en").decide(TWENTY_PERCENT, atRisk("cg-" + i, "email"), 3);
            boolean out = heldOut(outcome);
            assertEquals(out, outcome.actions().stream().noneMatch(a -> a.actionId().equals("win_back")), "held out means not sent");
            held += out ? 1 : 0;
        }
        double share = held / (double) customers;
        assertTrue(share > 0.17 && share < 0.23, "held out " + share);
    }

    @Test
    void aCustomerIsInOrOutOnEveryChannel() {
        for (int i = 0; i < 50; i++) {
            String id = "cg-" + i;
            List<Boolean> perChannel = List.of("email", "sms", "web", "app").stream()
                    .map(channel -> heldOut(new DecisionPipeline("en").decide(TWENTY_PERCENT, atRisk(id, channel), 3))).toList();
            assertTrue(perChannel.stream().distinct().count() == 1, id + " " + perChannel);
        }
    }
}
