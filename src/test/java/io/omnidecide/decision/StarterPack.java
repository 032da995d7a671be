package io.omnidecide.decision;

import io.omnidecide.facts.Customer;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shipped rules/ and decision-tables/, compiled once for the plain JUnit tests. */
final class StarterPack {

    static final Ruleset RULESET = new RulesetCompiler(Clock.systemUTC())
            .compile(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables")));

    private StarterPack() {
    }

    /** A known customer who has done nothing yet, asking on a channel in English. */
    static Customer customer(String channel) {
        Customer c = new Customer();
        c.setCustomerId("c-test");
        c.setKnown(true);
        c.setChannel(channel);
        c.setLanguage("en");
        c.setFirstName("Ada");
        c.setLocalHour(12);
        return c;
    }

    /** A customer who bought: first and last purchase so many days ago. */
    static Customer buyer(String channel, int orders, int firstDaysAgo, int lastDaysAgo) {
        Customer c = customer(channel);
        c.setOrders(orders);
        c.setLifetimeValue(orders * 60.0);
        c.setDaysSinceFirstPurchase(firstDaysAgo);
        c.setDaysSinceLastPurchase(lastDaysAgo);
        c.setPurchasedCategories(Set.of("coffee"));
        c.setPurchasedSkus(Set.of("ESPRESSO-MACHINE"));
        return c;
    }

    static Customer withCart(Customer c, String sku, String name, long minutesSinceAdd) {
        c.setCartItemCount(1);
        c.setCartValue(89);
        c.setCartItemSku(sku);
        c.setCartItemName(name);
        c.setMinutesSinceLastCartAdd(minutesSinceAdd);
        return c;
    }

    static Customer consenting(Customer c, String... channels) {
        Map<String, String> consent = new java.util.HashMap<>();
        for (String channel : channels) {
            consent.put(channel, "granted");
        }
        c.setConsent(consent);
        return c;
    }

    static DecisionOutcome decide(Customer c, int limit) {
        return new DecisionPipeline("en").decide(RULESET, c, limit);
    }

    static List<String> actionIds(DecisionOutcome outcome) {
        return outcome.actions().stream().map(ActionResult::actionId).toList();
    }

    static Customer segmented(Customer c) {
        new DecisionPipeline("en").segment(RULESET, c);
        return c;
    }
}
