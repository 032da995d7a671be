package io.omnidecide.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnidecide.csv.CsvLine;
import io.omnidecide.decision.DecideRequest;
import io.omnidecide.decision.DecideResponse;
import io.omnidecide.decision.Decider;
import io.omnidecide.event.EventIngest;
import io.omnidecide.event.IngestResult;
import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Interactions;
import io.omnidecide.facts.ResponseCounts;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.profile.Profile;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.store.MemoryStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * {@code bin/replay-log}: replays a recorded event log in event time through the same validation,
 * projection and segment rules as the service, in memory, and reports throughput and where the
 * customers stand at the end of the log.
 *
 * <pre>
 * bin/replay-log FILE [--format ndjson|online-retail] [--compare-tables DIR] [--compare-rules DIR] [--compare-channel web]
 * </pre>
 * NDJSON lines are events as POST /v1/events takes them. The online-retail mapping reads the UCI
 * Online Retail CSV: every invoice line is a web purchase of its customer, a cancellation
 * (InvoiceNo starting with C) a return, and a line without a customer is skipped and counted.
 */
public final class LogReplayCommand {

    private static final DateTimeFormatter RETAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LogReplayCommand() {
    }

    /** An event read from the log, with its time pulled out for sorting. */
    private record Timed(Instant at, ObjectNode event, String country) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = ReplayCommand.options(args, null);
        Path file = Path.of(Objects.requireNonNull(options.get("input"), "give the log file to replay"));
        String format = options.getOrDefault("format", file.toString().contains("online_retail") ? "online-retail" : "ndjson");
        Ruleset ruleset = ReplayCommand.compile(options.get("rules"), options.get("tables"));

        long readStart = System.nanoTime();
        int[] skipped = {0};
        List<Timed> log = format.equals("online-retail") ? readOnlineRetail(file, skipped) : readNdjson(file);
        log.sort(Comparator.comparing(Timed::at));
        double readSeconds = (System.nanoTime() - readStart) / 1e9;

        ScenarioClock clock = new ScenarioClock(log.isEmpty() ? Instant.EPOCH : log.get(0).at());
        // In event-time order no event arrives late, so the engagement window is all the history needed.
        MemoryStore customers = new MemoryStore(clock, Duration.ofDays(31));
        EventIngest ingest = new EventIngest(clock);
        long ingestStart = System.nanoTime();
        int accepted = 0;
        int rejected = 0;
        int duplicates = 0;
        for (Timed timed : log) {
            clock.set(timed.at());
            IngestResult result = ingest.ingest(List.of(timed.event()), customers);
            accepted += result.accepted();
            rejected += result.rejected();
            duplicates += result.duplicates();
            if (timed.country() != null && result.accepted() == 1) {
                customers.find(timed.event().get("customerId").asText()).orElseThrow().traits.putIfAbsent("country", timed.country());
            }
        }
        double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;
        Instant end = clock.instant();

        Decider decider = new Decider("en", 10);
        Map<String, Integer> stages = new TreeMap<>();
        Map<String, Integer> segments = new TreeMap<>();
        Map<String, Map<String, Integer>> byCountry = new TreeMap<>();
        int buyers = 0;
        for (Profile profile : customers.all()) {
            Customer placed = decider.segment(ruleset, profile, customers.activity(profile.customerId, end), end);
            stages.merge(placed.getLifecycleStage(), 1, Integer::sum);
            placed.getSegments().forEach(s -> segments.merge(s, 1, Integer::sum));
            byCountry.computeIfAbsent(String.valueOf(profile.traits.getOrDefault("country", "unknown")), c -> new TreeMap<>())
                    .merge(placed.getLifecycleStage(), 1, Integer::sum);
            buyers += profile.orders > 0 ? 1 : 0;
        }

        System.out.printf("Replayed %s (%s) with ruleset %s%n", file, format, ruleset.version());
        System.out.printf("Events: %d read, %d accepted, %d duplicates, %d rejected; %d lines skipped for lack of a customer%n",
                log.size(), accepted, duplicates, rejected, skipped[0]);
        System.out.printf("Time: read and sort %.1f s; replay %.1f s = %.0f events/s%n", readSeconds, ingestSeconds, log.size() / ingestSeconds);
        System.out.printf("Clock at the end of the log: %s%n", end);
        System.out.printf("Customers: %d, with at least one purchase: %d%n", customers.all().size(), buyers);
        System.out.println("Lifecycle stages: " + stages);
        System.out.println("Segments: " + segments);
        System.out.println("Lifecycle stages by country:");
        byCountry.forEach((country, counts) -> System.out.println("  " + country + ": " + counts));

        if (options.containsKey("compare-tables") || options.containsKey("compare-rules")) {
            Ruleset other = ReplayCommand.compile(options.getOrDefault("compare-rules", options.get("rules")),
                    options.getOrDefault("compare-tables", options.get("tables")));
            compare(customers, decider, ruleset, other, options.getOrDefault("compare-channel", "web"), end);
        }
    }

    /** Customers whose top action or segments differ between the two rulesets at the end of the log. */
    private static void compare(MemoryStore customers, Decider decider, Ruleset current, Ruleset other, String channel, Instant end) {
        int differing = 0;
        List<String> samples = new ArrayList<>();
        for (Profile profile : customers.all()) {
            RecentActivity activity = customers.activity(profile.customerId, end);
            DecideRequest request = new DecideRequest(profile.customerId, null, channel, null, null, 1, null);
            DecideResponse a = decider.decide(current, request, profile, activity, Interactions.NONE, ResponseCounts.NONE, end);
            DecideResponse b = decider.decide(other, request, profile, activity, Interactions.NONE, ResponseCounts.NONE, end);
            String topA = a.actions().isEmpty() ? null : a.actions().get(0).actionId();
            String topB = b.actions().isEmpty() ? null : b.actions().get(0).actionId();
            if (!Objects.equals(topA, topB) || !a.segments().equals(b.segments())) {
                differing++;
                if (samples.size() < 20) {
                    samples.add(profile.customerId + ": top action " + topA + " -> " + topB + ", segments " + a.segments() + " -> " + b.segments());
                }
            }
        }
        System.out.printf("Compared on %s with ruleset %s: %d of %d customers differ%n", channel, other.version(), differing, customers.all().size());
        samples.forEach(s -> System.out.println("  " + s));
    }

    private static List<Timed> readNdjson(Path file) throws IOException {
        List<Timed> log = new ArrayList<>();
        try (BufferedReader in = reader(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    ObjectNode event = (ObjectNode) JsonColumns.MAPPER.readTree(line);
                    log.add(new Timed(Instant.parse(event.path("occurredAt").asText()), event, null));
                }
            }
        }
        return log;
    }

    private static List<Timed> readOnlineRetail(Path file, int[] skipped) throws IOException {
        List<Timed> log = new ArrayList<>();
        try (BufferedReader in = reader(file)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country")) {
                throw new IOException(file + " does not start with the Online Retail header");
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                List<String> c = CsvLine.cells(line);
                String customer = c.get(6).trim().replaceAll("\\.0$", "");
                if (customer.isEmpty()) {
                    skipped[0]++;
                    continue;
                }
                Instant at = LocalDateTime.parse(c.get(4), RETAIL_TIME).toInstant(ZoneOffset.UTC);
                boolean cancellation = c.get(0).startsWith("C");
                ObjectNode event = JsonColumns.MAPPER.createObjectNode();
                event.put("id", "retail-" + number);
                event.put("customerId", customer);
                event.put("type", cancellation ? "return" : "purchase");
                event.put("channel", "web");
                event.put("occurredAt", at.toString());
                ObjectNode properties = event.putObject("properties");
                properties.put("orderId", c.get(0));
                properties.put("sku", c.get(1));
                properties.put("name", c.get(2));
                properties.put("price", new java.math.BigDecimal(c.get(5)));
                properties.put("quantity", Math.max(1, Math.abs(Integer.parseInt(c.get(3)))));
                log.add(new Timed(at, event, c.get(7)));
            }
        }
        return log;
    }

    private static BufferedReader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new BufferedReader(new InputStreamReader(file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
    }
}
