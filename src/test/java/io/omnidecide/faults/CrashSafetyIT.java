package io.omnidecide.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged service under load, on the embedded default and on PostgreSQL: every event
 * acknowledged (202) and every decision answered (200) before the kill is in the database after it,
 * once; and the service starts again on what the kill left. Then a PostgreSQL outage under load:
 * 503 with Retry-After, fast, while it is down, and back without a restart.
 */
class CrashSafetyIT {

    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theEmbeddedDefaultKeepsWhatItAcknowledgedThroughKill9() throws Exception {
        Path folder = Files.createTempDirectory("omnidecide-crash-h2-");
        String url = "jdbc:h2:file:" + folder.resolve("data/omnidecide") + H2_OPTIONS;
        killUnderLoadAndCount(PackagedService.H2_JAR, folder, List.of(), () -> DriverManager.getConnection(url, "sa", ""));
    }

    @Test
    void postgresKeepsWhatItAcknowledgedThroughKill9() throws Exception {
        assumeTrue(OwnPostgres.available(), "no PostgreSQL binaries (initdb, pg_ctl) on the PATH");
        try (OwnPostgres pg = OwnPostgres.start()) {
            killUnderLoadAndCount(PackagedService.postgresJar(), Files.createTempDirectory("omnidecide-crash-pg-"), postgres(pg), () -> pg.connect("omnidecide"));
        }
    }

    @Test
    void aPostgresOutageIsA503WithRetryAfterAndTheServiceComesBackWithoutARestart() throws Exception {
        assumeTrue(OwnPostgres.available(), "no PostgreSQL binaries (initdb, pg_ctl) on the PATH");
        try (OwnPostgres pg = OwnPostgres.start();
                PackagedService service = PackagedService.start(PackagedService.postgresJar(), Files.createTempDirectory("omnidecide-outage-"),
                        postgres(pg))) {
            String key = channelKey(service);
            Set<String> acknowledged;
            try (Traffic traffic = new Traffic(service, key, 4)) {
                Thread.sleep(2_000);
                pg.stopImmediately();
                Thread.sleep(1_000);
                // While it is down: an answer at once, that says to come back.
                for (int i = 0; i < 5; i++) {
                    long started = System.nanoTime();
                    HttpResponse<String> answer = decide(service, key);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertEquals(503, answer.statusCode(), answer.body());
                    assertEquals("1", answer.headers().firstValue("Retry-After").orElse(null));
                    assertTrue(answer.body().contains("database-unavailable"), answer.body());
                    assertTrue(millis < 1_000, "answered in " + millis + " ms");
                }
                pg.startServer();
                long deadline = System.nanoTime() + 30_000_000_000L;
                int status = 0;
                while (System.nanoTime() < deadline && (status = decide(service, key).statusCode()) != 200) {
                    Thread.sleep(200);
                }
                assertEquals(200, status, "decides again once the database is back");
                Thread.sleep(1_000);
                acknowledged = Set.copyOf(traffic.acknowledgedEvents);
                assertTrue(traffic.statusCounts().getOrDefault(500, 0L) == 0, "no 500 in " + traffic.statusCounts());
            }
            try (Connection c = pg.connect("omnidecide")) {
                Map<String, Integer> stored = counts(c, "select event_id from customer_event");
                assertTrue(stored.keySet().containsAll(acknowledged), missing(acknowledged, stored) + " acknowledged events are missing");
            }
        }
    }

    private interface Database {
        Connection connect() throws SQLException;
    }

    private void killUnderLoadAndCount(Path jar, Path folder, List<String> options, Database database) throws Exception {
        Set<String> events;
        Set<String> decisions;
        try (PackagedService service = PackagedService.start(jar, folder, options)) {
            String key = channelKey(service);
            try (Traffic traffic = new Traffic(service, key, 6)) {
                Thread.sleep(4_000);
                service.kill();
                events = Set.copyOf(traffic.acknowledgedEvents);
                decisions = Set.copyOf(traffic.answeredDecisions);
            }
        }
        assertTrue(events.size() > 50 && decisions.size() > 10, "too little load to tell: " + events.size() + " events, "
                + decisions.size() + " decisions");
        try (Connection c = database.connect()) {
            Map<String, Integer> storedEvents = counts(c, "select event_id from customer_event");
            Map<String, Integer> storedDecisions = counts(c, "select decision_id from decision_record");
            assertEquals(0, missing(events, storedEvents), "acknowledged events lost, of " + events.size());
            assertEquals(0, missing(decisions, storedDecisions), "answered decisions lost, of " + decisions.size());
            assertTrue(storedEvents.values().stream().allMatch(n -> n == 1), "an event stored twice");
        }
        // The service starts again on what the kill left, and serves.
        try (PackagedService again = PackagedService.start(jar, folder, options)) {
            assertEquals(200, decide(again, channelKey(again)).statusCode());
        }
    }

    private static List<String> postgres(OwnPostgres pg) {
        return List.of("-Dquarkus.profile=postgres", "-DOMNIDECIDE_DB_URL=" + pg.url(), "-DOMNIDECIDE_DB_USER=postgres");
    }

    private static Map<String, Integer> counts(Connection c, String query) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (ResultSet rows = c.createStatement().executeQuery(query)) {
            while (rows.next()) {
                counts.merge(rows.getString(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static long missing(Set<String> acknowledged, Map<String, Integer> stored) {
        Set<String> gone = new HashSet<>(acknowledged);
        gone.removeAll(stored.keySet());
        return gone.size();
    }

    private String channelKey(PackagedService service) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(service.uri("/v1/keys"))
                .header("Authorization", "Bearer " + service.adminKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"faults-" + System.nanoTime() + "\", \"roles\": [\"channel\"], "
                        + "\"rateLimitPerSecond\": 100000}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher key = KEY.matcher(answer.body());
        assertTrue(key.find(), answer.body());
        return key.group(1);
    }

    private HttpResponse<String> decide(PackagedService service, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(service.uri("/v1/decide")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\": \"outage-1\", \"channel\": \"web\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
