package io.omnidecide.ruleset;

import io.omnidecide.bench.GeneratedTables;
import io.omnidecide.decision.DecideRequest;
import io.omnidecide.decision.Decider;
import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Interactions;
import io.omnidecide.facts.ResponseCounts;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Build and swap costs of a ruleset, and the Drools build path they choose: the classic (MVEL)
 * path the service uses against the executable model, on the starter pack and with a generated
 * 1,000- and 10,000-row table. For each: build time, heap the built ruleset retains, the first
 * decide on it, warm decides per second; then decide latency on one thread while rulesets are
 * built and swapped beside it. Run with bench/build-swap.sh; figures in docs/performance.md.
 */
public final class BuildPathBenchmark {

    private static final int BUILDS = 3;
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    /** No time limit to speak of: the first decide on a cold ruleset is one of the figures. */
    private static final Decider DECIDER = new Decider("en", 10, Duration.ofMinutes(5));

    private BuildPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%-7s %-17s %10s %12s %14s %16s%n", "rows", "build path", "build ms", "retained MB",
                "first decide ms", "warm decides/s");
        for (int rows : new int[] {0, 1_000, 10_000}) {
            List<RulesetFile> files = files(rows);
            Ruleset reference = new RulesetCompiler(Clock.systemUTC()).compile(files);
            for (String path : List.of("mvel", "executable-model")) {
                measure(rows, path, files, reference);
            }
        }
        decideLatencyDuringSwaps();
    }

    private static void measure(int rows, String path, List<RulesetFile> files, Ruleset reference) {
        long[] millis = new long[BUILDS];
        Ruleset ruleset = null;
        long retained = 0;
        for (int i = 0; i < BUILDS; i++) {
            ruleset = null;
            long before = usedHeapAfterGc();
            long start = System.nanoTime();
            ruleset = new Ruleset(reference.version(), NOW, reference.files(), build(files, path), reference.sources());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            retained = usedHeapAfterGc() - before;
        }
        Arrays.sort(millis);
        long start = System.nanoTime();
        decide(ruleset, 0);
        double firstDecide = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "%-7d %-17s %10d %12.1f %14.1f %16.0f%n", rows, path, millis[BUILDS / 2], retained / 1048576.0,
                firstDecide, decidesPerSecond(ruleset));
    }

    /** One thread decides back to back; beside it the 10,000-row ruleset is built and swapped in, five times. */
    private static void decideLatencyDuringSwaps() throws InterruptedException {
        List<RulesetFile> big = files(10_000);
        RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC());
        AtomicReference<Ruleset> serving = new AtomicReference<>(compiler.compile(big));
        decidesPerSecond(serving.get());
        AtomicBoolean swapping = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> quiet = new ArrayList<>();
        List<Long> duringSwaps = new ArrayList<>();
        Thread channel = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                boolean swap = swapping.get();
                long start = System.nanoTime();
                decide(serving.get(), i);
                (swap ? duringSwaps : quiet).add(System.nanoTime() - start);
            }
        });
        channel.start();
        Thread.sleep(5_000);
        for (int i = 0; i < 5; i++) {
            swapping.set(true);
            Ruleset next = compiler.compile(big);
            DECIDER.warmUp(next);
            serving.set(next);
            swapping.set(false);
            Thread.sleep(2_000);
        }
        running.set(false);
        channel.join();
        System.out.printf(Locale.ROOT, "%ndecide latency, 10,000-row ruleset, one thread: quiet %s; while building and swapping %s%n",
                percentiles(quiet), percentiles(duringSwaps));
    }

    private static String percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "n=%d p50 %.2f ms, p99 %.2f ms, max %.2f ms", sorted.length, at(sorted, 0.50), at(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }

    private static List<RulesetFile> files(int rows) {
        List<RulesetFile> files = new ArrayList<>(RulesetFolders.read(Path.of("rules"), Path.of("decision-tables")));
        if (rows > 0) {
            files.add(new RulesetFile("decision-tables/generated.drl.csv",
                    GeneratedTables.eligibility(rows).getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    /** The same DRL the service builds, from files and tables, through either build path. */
    private static KieBase build(List<RulesetFile> files, String path) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.omnidecide.bench", "ruleset-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        int unit = 0;
        for (RulesetFile file : files) {
            List<String> drls = new ArrayList<>();
            if (file.isDrl()) {
                drls.add(file.text());
            } else {
                try {
                    DecisionTableReader.read(file).stream().filter(DecisionTableSheet::hasRuleTable).map(DecisionTableDrl::generate)
                            .forEach(drls::add);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            for (String drl : drls) {
                kfs.write("src/main/resources/omnidecide/unit" + unit++ + ".drl", drl);
            }
        }
        ClassLoader loader = Customer.class.getClassLoader();
        KieBuilder builder = ks.newKieBuilder(kfs, loader);
        if (path.equals("mvel")) {
            builder.buildAll();
        } else {
            builder.buildAll(ExecutableModelProject.class);
        }
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException(builder.getResults().toString());
        }
        try {
            return ks.newKieContainer(releaseId, loader).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /** Two seconds to warm up, then three measured. */
    private static double decidesPerSecond(Ruleset ruleset) {
        long warm = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; System.nanoTime() < warm; i++) {
            decide(ruleset, i);
        }
        long end = System.nanoTime() + 3_000_000_000L;
        int n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            decide(ruleset, n++);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static void decide(Ruleset ruleset, int i) {
        String channel = List.of("web", "app", "email", "any").get(i & 3);
        DECIDER.decide(ruleset, new DecideRequest("bench-" + (i % 100), null, channel, null, null, 3, null), null, RecentActivity.NONE,
                Interactions.NONE, ResponseCounts.NONE, NOW);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
