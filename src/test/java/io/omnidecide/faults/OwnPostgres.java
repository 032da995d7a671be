package io.omnidecide.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL instance of the test's own (initdb into a temporary folder, a free port), so that a
 * test may stop and crash it; the machine's shared instance is never touched. As root, the server
 * runs as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
final class OwnPostgres implements AutoCloseable {

    private final Path folder;
    private final int port;

    private OwnPostgres(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    /** Whether initdb and pg_ctl are on the PATH. */
    static boolean available() {
        try {
            return new ProcessBuilder("pg_ctl", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static OwnPostgres start() throws IOException, InterruptedException, SQLException {
        Path folder = Files.createTempDirectory(Path.of("/tmp"), "omnidecide-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        OwnPostgres pg = new OwnPostgres(folder, PackagedService.freePort());
        pg.run("initdb", "-D", pg.data().toString(), "-U", "postgres", "--auth=trust", "--no-sync");
        pg.startServer();
        try (Connection c = pg.connect("postgres")) {
            c.createStatement().execute("create database omnidecide");
        }
        return pg;
    }

    private Path data() {
        return folder.resolve("data");
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/omnidecide";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    void startServer() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data().toString(), "-l", folder.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1", "start");
    }

    /** Stops at once, as a crash would: no checkpoint; what was committed is in the WAL. */
    void stopImmediately() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // Stopped by the test.
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
