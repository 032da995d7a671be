package io.omnidecide.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omnidecide.facts.Customer;
import io.omnidecide.facts.ResponseCounts;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Engine sessions are kept between decides and emptied by deleting the facts: whatever decided on a
 * session before, and however many decide at once, a decide answers exactly as on a new ruleset.
 */
class SessionReuseTest {

    private static final List<Supplier<Customer>> CUSTOMERS = List.of(
            () -> StarterPack.customer("web"),
            () -> StarterPack.consenting(StarterPack.withCart(StarterPack.customer("email"), "S-1", "Sneaker", 90), "email"),
            () -> StarterPack.consenting(StarterPack.buyer("any", 3, 400, 200), "email", "sms"),
            () -> StarterPack.buyer("app", 12, 700, 3),
            () -> StarterPack.withCart(StarterPack.buyer("web", 1, 30, 30), "M-1", "Mug", 5));

    private static DecisionOutcome decide(DecisionPipeline pipeline, Ruleset ruleset, int i) {
        return pipeline.decide(ruleset, CUSTOMERS.get(i % CUSTOMERS.size()).get(), 3, ResponseCounts.NONE, true);
    }

    @Test
    void decidesOnReusedSessionsAnswerAsOnNewOnes() throws Exception {
        DecisionPipeline pipeline = new DecisionPipeline("en");
        List<DecisionOutcome> expected = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS.size(); i++) {
            Ruleset fresh = new RulesetCompiler(Clock.systemUTC()).compile(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables")));
            expected.add(decide(pipeline, fresh, i));
        }
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int customer = i;
            calls.add(() -> {
                assertEquals(expected.get(customer % CUSTOMERS.size()), decide(pipeline, StarterPack.RULESET, customer), "customer " + customer);
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Void> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
