package io.omnidecide.publishing.sandbox;

import io.omnidecide.ruleset.RulesetFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * One build process, used for one job: started in a fresh scratch directory (its working
 * directory, temporary directory and home) with an environment of its own, given the draft's
 * files and the job, waited for up to the time limit, then killed with whatever it started, and
 * its directory deleted.
 */
final class SandboxProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SandboxProcess.class);
    private static final String STDOUT = "stdout.txt";
    private static final String STDERR = "stderr.txt";
    /** What the JVM prints (on standard output) when -XX:+ExitOnOutOfMemoryError ends it, on any kind of OutOfMemoryError. */
    private static final String OUT_OF_MEMORY = "Terminating due to java.lang.OutOfMemoryError";
    /** The exit code of -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    /** Variables the child keeps: the locale (file names and text are UTF-8) and the time zone; no secrets. */
    private static final List<String> KEPT_VARIABLES = List.of("LANG", "LC_ALL", "LC_CTYPE", "TZ");
    /** Most of an output file read back: the child could write without end, the service's heap cannot take it. */
    private static final int MAX_VERDICT_BYTES = 32 << 20;
    private static final int MAX_ERROR_BYTES = 64 << 10;

    /** How a job ended: with a verdict, killed at the time limit, or the process gone without one. */
    record Outcome(Optional<SandboxVerdict> verdict, boolean timedOut, boolean outOfMemory, int exitCode) {
    }

    private final Process process;
    private final Path scratch;

    private SandboxProcess(Process process, Path scratch) {
        this.process = process;
        this.scratch = scratch;
    }

    /** Starts the command in a new scratch directory; {@code command} gets that directory's path. */
    static SandboxProcess start(Function<Path, List<String>> command) throws IOException {
        Path scratch = Files.createTempDirectory("omnidecide-build-").toRealPath();
        try {
            ProcessBuilder builder = new ProcessBuilder(command.apply(scratch)).directory(scratch.toFile())
                    .redirectOutput(scratch.resolve(STDOUT).toFile()).redirectError(scratch.resolve(STDERR).toFile());
            Map<String, String> environment = builder.environment();
            Map<String, String> inherited = Map.copyOf(environment);
            // The service's environment may hold database passwords; the build sees none of it.
            environment.clear();
            KEPT_VARIABLES.stream().filter(inherited::containsKey).forEach(name -> environment.put(name, inherited.get(name)));
            return new SandboxProcess(builder.start(), scratch);
        } catch (IOException | RuntimeException e) {
            delete(scratch);
            throw e;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stores the files, hands over the job and waits for the verdict, killing the process at the time limit. */
    Outcome run(List<RulesetFile> files, SandboxJob job, Duration timeLimit) throws InterruptedException {
        try {
            Files.createDirectories(scratch.resolve(SandboxJob.stored(0)).getParent());
            for (int i = 0; i < files.size(); i++) {
                Files.write(scratch.resolve(SandboxJob.stored(i)), files.get(i).content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the draft in " + scratch, e);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write((SandboxProtocol.jobLine(job) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A process that is already gone (a spare that died) cannot take its job; waitFor tells how it ended.
        }
        boolean exited = process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            kill();
            return new Outcome(Optional.empty(), true, false, -1);
        }
        String output = tail(STDOUT, MAX_VERDICT_BYTES);
        boolean outOfMemory = process.exitValue() == OUT_OF_MEMORY_EXIT && output.contains(OUT_OF_MEMORY);
        Optional<SandboxVerdict> verdict = SandboxProtocol.findVerdict(job.token(), output);
        return new Outcome(verdict, false, outOfMemory, process.exitValue());
    }

    /** The last lines the process wrote to standard error, for the service log. */
    List<String> lastErrorLines(int lines) {
        List<String> all = tail(STDERR, MAX_ERROR_BYTES).lines().toList();
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    /** Kills the process and everything it started, waits for it, and deletes its directory. */
    @Override
    public void close() {
        kill();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delete(scratch);
    }

    private void kill() {
        // Descendants first, while they are still known as this process's.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** The end of an output file, at most {@code maxBytes}; bytes that are not UTF-8 become replacement characters. */
    private String tail(String file, int maxBytes) {
        Path path = scratch.resolve(file);
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            long size = channel.size();
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(size, maxBytes));
            channel.position(size - bytes.capacity());
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // Reads until the buffer is full.
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // Left for the system's temporary-file cleaning; the build's verdict stands.
            LOG.warnf("Cannot delete the build directory %s: %s", dir, e.getMessage());
        }
    }
}
