package io.omnidecide.publishing.sandbox;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The harness of a build process: waits for its job on standard input, locks the process down,
 * runs the work and answers with the job's token on standard output. A main class hands it the
 * work ({@link SandboxBuildMain}); a spare process prepares while it waits.
 */
public final class SandboxChild {

    /** The argument a spare process is started with. */
    static final String SPARE = "spare";
    /** Exit code of a process that ran past its job's time limit with no parent left to kill it. */
    static final int OVERTIME = 124;
    private static final int MAX_THREADS = 64;
    /** Beyond the service's own limit: it kills first; this only stops a process the service left behind. */
    private static final long WATCHDOG_GRACE_MILLIS = 10_000;

    private SandboxChild() {
    }

    public static void serve(String[] args, Runnable prepare, Function<SandboxJob, SandboxVerdict> work) {
        PrintStream verdicts = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // What libraries or the draft print goes with the diagnostics, never where the verdict goes.
        System.setOut(System.err);
        try {
            if (List.of(args).contains(SPARE)) {
                prepare(prepare);
            }
            SandboxJob job = readJob();
            if (job == null) {
                // The service stopped, or let its spare go, before there was a job.
                System.exit(0);
            }
            startWatchdog(job.timeLimitMillis());
            verdicts.println(SandboxProtocol.verdictLine(job.token(), run(job, work)));
            System.exit(0);
        } catch (IOException | RuntimeException | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Preparing only saves time: a spare that could not prepare still builds its draft. */
    private static void prepare(Runnable prepare) {
        try {
            prepare.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    private static SandboxVerdict run(SandboxJob job, Function<SandboxJob, SandboxVerdict> work) {
        try {
            lockDown();
        } catch (SecurityException | UnsupportedOperationException e) {
            return SandboxVerdict.invalid("the build sandbox cannot lock the build process down on this Java runtime ("
                    + e.getMessage() + "); builds need Java 17 to 23");
        }
        try {
            return work.apply(job);
        } catch (RuntimeException | StackOverflowError e) {
            return SandboxVerdict.invalid("the ruleset cannot be built: " + e);
        }
    }

    private static SandboxJob readJob() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : SandboxProtocol.readJob(line);
    }

    private static void startWatchdog(long timeLimitMillis) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeLimitMillis + WATCHDOG_GRACE_MILLIS);
                Runtime.getRuntime().halt(OVERTIME);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sandbox-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    @SuppressWarnings("removal") // The security manager is how Java 17 confines a process from within; see docs/rulesets.md.
    private static void lockDown() {
        Path scratch = Path.of("").toAbsolutePath();
        List<Path> readable = new ArrayList<>();
        readable.add(Path.of(System.getProperty("java.home")));
        Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                .forEach(entry -> {
                    readable.add(entry);
                    // A jar's manifest may name jars beside it (the fast-jar's do, some of them missing); the JDK looks for them.
                    if (Files.isRegularFile(entry) && entry.toAbsolutePath().getParent() != null) {
                        readable.add(entry.toAbsolutePath().getParent());
                    }
                });
        // SecureRandom (rule names get a random release id) reads these.
        readable.add(Path.of("/dev/random"));
        readable.add(Path.of("/dev/urandom"));
        System.setSecurityManager(new SandboxSecurityManager(scratch, readable, MAX_THREADS));
    }
}
