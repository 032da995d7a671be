package io.omnidecide.publishing.sandbox;

import io.omnidecide.ruleset.RulesetFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Validates, builds and warms up drafts in a separate JVM per draft, which may be killed: its own
 * heap, a wall-clock limit, a scratch directory, no network, and a security manager (see
 * {@link SandboxSecurityManager}). A draft that runs away, loops in a consequence or exhausts
 * the heap costs its own process, never the service: the next build starts a new one. Builds
 * run one at a time. A spare process may be started ahead ({@link #startSpare}), so a draft does
 * not wait for a JVM to start; every process serves one draft only.
 */
public final class BuildSandbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BuildSandbox.class);
    private static final int LOGGED_ERROR_LINES = 10;
    private static final long MIN_METASPACE_BYTES = 128L << 20;
    private static final String STOPPED = "the service stopped while the ruleset was being built";

    /** The limits of a build process. */
    public record Limits(Duration timeLimit, long heapBytes, NetworkIsolation network, boolean spare) {
    }

    private final Limits limits;
    private final String defaultLanguage;
    private final int maxLimit;
    private final Path java;
    private final List<Path> classpath;
    private final String mainClass;
    private final NetworkNamespace.Probe namespace;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private SandboxProcess spare;
    private SandboxProcess running;
    private boolean closed;

    /** Builds drafts with {@link SandboxBuildMain} on this service's own Java and classpath. */
    public BuildSandbox(Limits limits, String defaultLanguage, int maxLimit) {
        this(limits, defaultLanguage, maxLimit, Path.of(System.getProperty("java.home"), "bin", "java"), SandboxBuildMain.class);
    }

    /** Any main class that serves jobs through {@link SandboxChild}, on a given Java. */
    BuildSandbox(Limits limits, String defaultLanguage, int maxLimit, Path java, Class<?> mainClass) {
        this.limits = limits;
        this.defaultLanguage = defaultLanguage;
        this.maxLimit = maxLimit;
        this.java = java;
        this.classpath = SandboxClasspath.of(mainClass);
        this.mainClass = mainClass.getName();
        this.namespace = limits.network() == NetworkIsolation.OFF
                ? new NetworkNamespace.Probe(null, "omnidecide.ruleset.sandbox.network-namespace=off")
                : NetworkNamespace.probe(java);
        String process = "Drafts build in a separate JVM (" + (limits.heapBytes() >> 20) + " MB heap, " + limits.timeLimit().toSeconds() + " s)";
        if (namespace.available()) {
            LOG.infof("%s in a network namespace of its own, under a security manager", process);
        } else if (limits.network() == NetworkIsolation.REQUIRED) {
            LOG.errorf("Drafts cannot be built: omnidecide.ruleset.sandbox.network-namespace=required, but %s", namespace.unavailable());
        } else if (limits.network() == NetworkIsolation.OFF) {
            LOG.infof("%s under a security manager that refuses the network (%s)", process, namespace.unavailable());
        } else {
            LOG.warnf("%s under a security manager that refuses the network, without a network namespace: %s", process, namespace.unavailable());
        }
    }

    /** Whether build processes are in a network namespace of their own. */
    public boolean networkNamespace() {
        return namespace.available();
    }

    /** The verdict on a draft: valid, its problems, or the limit it ran into. */
    public SandboxVerdict build(List<RulesetFile> files) {
        if (!namespace.available() && limits.network() == NetworkIsolation.REQUIRED) {
            return SandboxVerdict.invalid("drafts cannot be built here: the build sandbox needs a network namespace "
                    + "(omnidecide.ruleset.sandbox.network-namespace=required) and this host does not allow one; the service log says why");
        }
        oneAtATime.lock();
        try {
            return isClosed() ? SandboxVerdict.invalid(STOPPED) : buildInOwnProcess(files);
        } finally {
            oneAtATime.unlock();
        }
    }

    private SandboxVerdict buildInOwnProcess(List<RulesetFile> files) {
        SandboxProcess process = takeSpare();
        if (process == null) {
            try {
                process = start(false);
            } catch (IOException e) {
                LOG.errorf("Cannot start a build process with %s: %s", java, e.getMessage());
                return SandboxVerdict.invalid("the build sandbox could not start a build process; the service log says why");
            }
        }
        try {
            return judge(process, process.run(files, job(files), limits.timeLimit()));
        } catch (UncheckedIOException e) {
            LOG.errorf("Cannot hand a draft to a build process: %s", e.getMessage());
            return SandboxVerdict.invalid("the build sandbox could not store the draft for its build process; the service log says why");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SandboxVerdict.invalid(STOPPED);
        } finally {
            release(process);
            startSpare();
        }
    }

    private SandboxJob job(List<RulesetFile> files) {
        return new SandboxJob(SandboxProtocol.newToken(), files.stream().map(RulesetFile::path).toList(), defaultLanguage, maxLimit,
                limits.timeLimit().toMillis());
    }

    private SandboxVerdict judge(SandboxProcess process, SandboxProcess.Outcome outcome) {
        if (outcome.verdict().isPresent()) {
            return outcome.verdict().get();
        }
        if (outcome.timedOut()) {
            return SandboxVerdict.invalid("the ruleset took longer than " + limits.timeLimit().toSeconds()
                    + " s to build (omnidecide.ruleset.build-time-limit); split very large tables");
        }
        if (outcome.outOfMemory()) {
            return SandboxVerdict.invalid("the ruleset needed more than " + (limits.heapBytes() >> 20)
                    + " MB of memory to build (omnidecide.ruleset.sandbox.heap); split very large tables");
        }
        if (isClosed()) {
            return SandboxVerdict.invalid(STOPPED);
        }
        LOG.warnf("A build process exited with code %d without a verdict; the end of its error output:%n%s", outcome.exitCode(),
                String.join("\n", process.lastErrorLines(LOGGED_ERROR_LINES).stream().map(BuildSandbox::escaped).toList()));
        return SandboxVerdict.invalid("the build process exited with code " + outcome.exitCode() + " before it gave a verdict");
    }

    /** Starts a build process: this JVM's Java with the sandbox's limits, in a new scratch directory. */
    private SandboxProcess start(boolean asSpare) throws IOException {
        SandboxProcess process = SandboxProcess.start(scratch -> command(scratch, asSpare));
        synchronized (this) {
            if (!asSpare) {
                running = process;
            }
        }
        return process;
    }

    private List<String> command(Path scratch, boolean asSpare) {
        List<String> command = new ArrayList<>();
        if (namespace.available()) {
            command.addAll(namespace.prefix());
        }
        command.addAll(List.of(java.toString(),
                "-Xmx" + (limits.heapBytes() >> 10) + "k",
                // An exhausted heap (or metaspace) ends the process at once, with a message the service recognises.
                "-XX:+ExitOnOutOfMemoryError",
                // Class metadata grows with the rules (about 130 MB for 10,000 rows): as much as the heap, at least 128 MB.
                "-XX:MaxMetaspaceSize=" + (Math.max(limits.heapBytes(), MIN_METASPACE_BYTES) >> 10) + "k",
                "-XX:MaxDirectMemorySize=32m",
                // One core's worth of JVM: serial GC, one compiler thread, the quick C1 compiler for a short life.
                "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                // No file in the shared temporary directory, and nothing may attach to it.
                "-XX:-UsePerfData", "-XX:+DisableAttachMechanism",
                "-Djava.security.manager=allow",
                "-Djava.io.tmpdir=" + scratch, "-Duser.home=" + scratch,
                "-Djava.awt.headless=true",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()),
                mainClass));
        if (asSpare) {
            command.add(SandboxChild.SPARE);
        }
        return command;
    }

    private synchronized SandboxProcess takeSpare() {
        SandboxProcess taken = spare;
        spare = null;
        if (taken != null && !taken.isAlive()) {
            taken.close();
            return null;
        }
        if (taken != null) {
            running = taken;
        }
        return taken;
    }

    private synchronized void release(SandboxProcess process) {
        running = null;
        process.close();
    }

    /** Starts the spare process, when there is to be one and there is none; after each build there is a new one. */
    public synchronized void startSpare() {
        if (!limits.spare() || closed || spare != null) {
            return;
        }
        try {
            spare = start(true);
        } catch (IOException e) {
            LOG.warnf("Cannot start a spare build process with %s (the next draft starts its own): %s", java, e.getMessage());
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Stops the spare and any build under way. */
    @Override
    public synchronized void close() {
        closed = true;
        for (SandboxProcess process : new SandboxProcess[] {spare, running}) {
            if (process != null) {
                process.close();
            }
        }
        spare = null;
    }

    /** A line of a child's output for the log: it may hold text from the draft, so nothing in it can pass for a log line. */
    private static String escaped(String line) {
        StringBuilder out = new StringBuilder("  | ");
        line.codePoints().limit(500).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
