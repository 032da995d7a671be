package io.omnidecide.faults;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events (one per request and in batches of five) and outbound decides from several threads, noting
 * every event id the service acknowledged (202, accepted) and every decision it answered (200):
 * what a fault test then looks for in the database.
 */
final class Traffic implements AutoCloseable {

    private static final Pattern DECISION_ID = Pattern.compile("\"decisionId\"\\s*:\\s*\"([^\"]+)\"");

    final Set<String> acknowledgedEvents = ConcurrentHashMap.newKeySet();
    final Set<String> answeredDecisions = ConcurrentHashMap.newKeySet();
    /** Answers by status; -1 for no answer (connection refused or reset). */
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

    private final PackagedService service;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sequence = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    Traffic(PackagedService service, String key, int threads) {
        this.service = service;
        this.key = key;
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::sendUntilStopped, "traffic-" + i);
            t.setDaemon(true);
            this.threads.add(t);
            t.start();
        }
    }

    private void sendUntilStopped() {
        while (running.get()) {
            long n = sequence.incrementAndGet();
            String customer = "crash-" + n % 40;
            try {
                if (n % 4 == 0) {
                    HttpResponse<String> answer = post("/v1/decide", "{\"customerId\": \"" + customer + "\", \"channel\": \"email\"}");
                    Matcher id = DECISION_ID.matcher(answer.body());
                    if (answer.statusCode() == 200 && id.find()) {
                        answeredDecisions.add(id.group(1));
                    }
                } else {
                    int size = n % 4 == 1 ? 5 : 1;
                    List<String> ids = new ArrayList<>();
                    StringBuilder body = new StringBuilder("[");
                    for (int i = 0; i < size; i++) {
                        String id = "evt-" + n + "-" + i;
                        ids.add(id);
                        body.append(i == 0 ? "" : ",").append("{\"id\": \"").append(id).append("\", \"customerId\": \"").append(customer)
                                .append("\", \"type\": \"page_view\", \"channel\": \"web\", \"occurredAt\": \"").append(Instant.now())
                                .append("\", \"properties\": {\"url\": \"/p/").append(n).append("\"}}");
                    }
                    HttpResponse<String> answer = post("/v1/events", body.append("]").toString());
                    if (answer.statusCode() == 202 && answer.body().contains("\"accepted\":" + size)) {
                        acknowledgedEvents.addAll(ids);
                    }
                }
            } catch (IOException e) {
                statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicLong()).incrementAndGet();
        return answer;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<Integer, Long> statusCounts() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
    }
}
