package io.omnidecide.bench;

import io.omnidecide.decision.DecideRequest;
import io.omnidecide.decision.DecideResponse;
import io.omnidecide.decision.Decider;
import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Interactions;
import io.omnidecide.facts.ResponseCounts;
import io.omnidecide.profile.CartItem;
import io.omnidecide.profile.ConsentEntry;
import io.omnidecide.profile.Profile;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetFolders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-process decide (no HTTP, no database): the starter pack, and the starter pack plus a
 * generated eligibility table of 1,000 or 10,000 rows, for a cycle of customer shapes. Run with
 * bench/jmh.sh; figures in docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineBenchmark {

    @Param({"0", "1000", "10000"})
    public int generatedRows;

    private Ruleset ruleset;
    private final Decider decider = new Decider("en", 10);
    private List<Profile> customers;
    private final Instant now = Instant.parse("2026-06-01T12:00:00Z");
    private int next;

    @Setup
    public void setUp() {
        ServiceLogLevels.apply();
        List<RulesetFile> files = new ArrayList<>(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables")));
        if (generatedRows > 0) {
            files.add(new RulesetFile("decision-tables/generated.drl.csv", GeneratedTables.eligibility(generatedRows).getBytes(StandardCharsets.UTF_8)));
        }
        ruleset = new RulesetCompiler(Clock.systemUTC()).compile(files);
        customers = List.of(profile("p1", 0, null, true), profile("p2", 3, 120, false), profile("p3", 12, 20, true),
                profile("p4", 1, 5, false));
    }

    @Benchmark
    public DecideResponse decide() {
        Profile p = customers.get(next++ & 3);
        return decider.decide(ruleset, new DecideRequest(p.customerId, null, "any", null, null, 3, null), p, RecentActivity.NONE,
                Interactions.NONE, ResponseCounts.NONE, now);
    }

    private Profile profile(String id, int orders, Integer lastPurchaseDaysAgo, boolean cart) {
        Profile p = new Profile();
        p.customerId = id;
        p.traits.put("firstName", "Ada");
        p.consent.put("email", new ConsentEntry("granted", "bench", now));
        p.orders = orders;
        p.lifetimeValue = BigDecimal.valueOf(orders * 120L);
        if (lastPurchaseDaysAgo != null) {
            p.firstPurchaseAt = now.minus(Duration.ofDays(lastPurchaseDaysAgo + 60L));
            p.lastPurchaseAt = now.minus(Duration.ofDays(lastPurchaseDaysAgo));
            p.purchasedCategories = new TreeSet<>(List.of("coffee"));
        }
        if (cart) {
            p.cart.add(new CartItem("S-1", "Sneaker", "running", BigDecimal.valueOf(89), 1, "app", now.minus(Duration.ofHours(3))));
            p.lastCartAddAt = now.minus(Duration.ofHours(3));
        }
        p.preferredChannels = new ArrayList<>(List.of("app", "email"));
        return p;
    }
}
