package io.omnidecide.publishing.sandbox;

import io.omnidecide.bench.GeneratedTables;
import io.omnidecide.decision.Decider;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the build sandbox adds to an upload of the starter pack: the verdict from a process started
 * for the draft (cold) and from a spare started ahead, the in-process build that follows a valid
 * verdict, the memory an idle spare holds, and a 10,000-row table at two heap sizes. Run with bench/sandbox-build.sh; figures in
 * docs/performance.md.
 */
public final class SandboxBuildBenchmark {

    private static final int RUNS = 7;
    /** Time for a spare to start and prepare before the next upload arrives. */
    private static final long SPARE_READY_MILLIS = 8_000;
    private static final List<RulesetFile> STARTER_PACK = RulesetFolders.read(Path.of("rules"), Path.of("decision-tables"));

    private SandboxBuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long[] cold = new long[RUNS];
        try (BuildSandbox sandbox = new BuildSandbox(limits(false), "en", 10)) {
            for (int i = 0; i < RUNS; i++) {
                cold[i] = timeVerdict(sandbox);
            }
        }
        long[] spare = new long[RUNS];
        long spareRss = 0;
        try (BuildSandbox sandbox = new BuildSandbox(limits(true), "en", 10)) {
            sandbox.startSpare();
            for (int i = 0; i < RUNS; i++) {
                Thread.sleep(SPARE_READY_MILLIS);
                spareRss = Math.max(spareRss, childRssKilobytes());
                spare[i] = timeVerdict(sandbox);
            }
        }
        RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC());
        Decider decider = new Decider("en", 10, Duration.ofMinutes(1));
        long[] inProcess = new long[RUNS + 1];
        for (int i = 0; i < inProcess.length; i++) {
            long start = System.nanoTime();
            Ruleset ruleset = compiler.compile(STARTER_PACK);
            decider.warmUp(ruleset);
            inProcess[i] = (System.nanoTime() - start) / 1_000_000;
        }
        System.out.printf(Locale.ROOT, "starter pack, %d runs each: median (min-max) ms%n", RUNS);
        System.out.printf(Locale.ROOT, "sandbox verdict, cold process      %s%n", summary(cold));
        System.out.printf(Locale.ROOT, "sandbox verdict, spare ready       %s%n", summary(spare));
        System.out.printf(Locale.ROOT, "in-process build after the verdict %s (first, cold JVM: %d)%n",
                summary(Arrays.copyOfRange(inProcess, 1, inProcess.length)), inProcess[0]);
        System.out.printf(Locale.ROOT, "idle spare resident memory         %d MB%n", spareRss / 1024);
        List<RulesetFile> large = new ArrayList<>(STARTER_PACK);
        large.add(new RulesetFile("decision-tables/generated.drl.csv", GeneratedTables.eligibility(10_000).getBytes(StandardCharsets.UTF_8)));
        for (long heap : new long[] {256L << 20, 512L << 20}) {
            try (BuildSandbox sandbox = new BuildSandbox(new BuildSandbox.Limits(Duration.ofMinutes(5), heap, NetworkIsolation.AUTO, false),
                    "en", 10)) {
                long start = System.nanoTime();
                SandboxVerdict verdict = sandbox.build(large);
                System.out.printf(Locale.ROOT, "+10,000 rows, %d MB heap: %s in %,d ms%n", heap >> 20,
                        verdict.isValid() ? "valid" : verdict.problems().get(0).message(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static BuildSandbox.Limits limits(boolean spare) {
        return new BuildSandbox.Limits(Duration.ofSeconds(60), 256L << 20, NetworkIsolation.AUTO, spare);
    }

    private static long timeVerdict(BuildSandbox sandbox) {
        long start = System.nanoTime();
        SandboxVerdict verdict = sandbox.build(STARTER_PACK);
        if (!verdict.isValid()) {
            throw new IllegalStateException("the starter pack did not build: " + verdict.problems());
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Resident memory of this JVM's child processes (the spare), from /proc. */
    private static long childRssKilobytes() throws IOException {
        long total = 0;
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(child.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    total += Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        return total;
    }

    private static String summary(long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%,6d (%,d-%,d)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }
}
