package io.omnidecide.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged jar (target/quarkus-app) started as an operator starts it, on a data folder of its own and a free port. */
final class PackagedService implements AutoCloseable {

    /** The embedded default, as `./mvnw package` builds it. */
    static final Path H2_JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    /** The PostgreSQL build (`-Dquarkus.profile=postgres`), where the performance suite builds it too. */
    static final Path POSTGRES_JAR = Path.of("target/bench-postgres/quarkus-run.jar").toAbsolutePath();

    private final Process process;
    private final int port;
    private final Path folder;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PackagedService(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    /** Starts the jar in {@code folder} (its data/ and log there) with these -D options, and waits until it is ready. */
    static PackagedService start(Path jar, Path folder, List<String> options) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xms64m", "-XX:+UseSerialGC", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Domnidecide.ruleset.rules-dir=" + Path.of("rules").toAbsolutePath(),
                "-Domnidecide.ruleset.tables-dir=" + Path.of("decision-tables").toAbsolutePath()));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("service.log").toFile())).start();
        PackagedService service = new PackagedService(process, port, folder);
        service.awaitReady();
        return service;
    }

    /** Builds the PostgreSQL jar when it is missing or older than the sources (as bench/lib.sh does). */
    static Path postgresJar() throws IOException, InterruptedException {
        long built = Files.exists(POSTGRES_JAR) ? Files.getLastModifiedTime(POSTGRES_JAR).toMillis() : 0;
        boolean stale;
        try (var sources = Files.walk(Path.of("src/main"))) {
            stale = Files.getLastModifiedTime(Path.of("pom.xml")).toMillis() > built
                    || sources.anyMatch(f -> f.toFile().lastModified() > built);
        }
        if (stale) {
            Process build = new ProcessBuilder("./mvnw", "-B", "-q", "-o", "-DskipTests", "package", "-Dquarkus.profile=postgres",
                    "-Dquarkus.package.output-directory=bench-postgres").inheritIO().start();
            if (build.waitFor() != 0) {
                throw new IllegalStateException("the PostgreSQL build failed");
            }
        }
        return POSTGRES_JAR;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited: " + log());
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service was not ready in 120 s: " + log());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String adminKey() throws IOException {
        return Files.readString(folder.resolve("data/admin-key")).trim();
    }

    String log() throws IOException {
        String log = Files.readString(folder.resolve("service.log"));
        return log.substring(Math.max(0, log.length() - 4000));
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
