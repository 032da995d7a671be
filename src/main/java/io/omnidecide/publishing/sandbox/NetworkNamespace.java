package io.omnidecide.publishing.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A new user and network namespace for a build process, through util-linux {@code unshare}: the
 * process sees only a loopback interface that is down, so it can reach nothing, not even this
 * host. A user namespace makes it work without root (and takes root's capabilities away from a
 * service that runs as root); {@code unshare} replaces itself with the program, so the process the
 * service starts is the JVM itself and killing it kills the build. Whether the host allows it
 * (kernels and containers may forbid user namespaces) is tried once, with the JVM builds run on.
 */
final class NetworkNamespace {

    private static final List<String> OPTIONS = List.of("--user", "--net");

    /** The command prefix, or why there is none. */
    record Probe(List<String> prefix, String unavailable) {
        boolean available() {
            return prefix != null;
        }
    }

    private NetworkNamespace() {
    }

    static Probe probe(Path java) {
        Optional<Path> unshare = find("unshare");
        if (unshare.isEmpty()) {
            return new Probe(null, "util-linux unshare is not installed");
        }
        List<String> prefix = Stream.concat(Stream.of(unshare.get().toString()), OPTIONS.stream()).toList();
        try {
            Path output = Files.createTempFile("omnidecide-unshare", ".txt");
            try {
                Process process = new ProcessBuilder(Stream.concat(prefix.stream(), Stream.of(java.toString(), "-XX:-UsePerfData", "-version"))
                        .toList()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Probe(null, String.join(" ", prefix) + " did not start Java within 30 s");
                }
                if (process.exitValue() != 0) {
                    String said = Files.readString(output, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
                    return new Probe(null, String.join(" ", prefix) + " fails here (exit code " + process.exitValue() + ": " + said + ")");
                }
                return new Probe(prefix, null);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return new Probe(null, "cannot run " + unshare.get() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(null, "interrupted while trying " + unshare.get());
        }
    }

    private static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/bin"))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }
}
