import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Constant-rate HTTP load for omnidecide, free of coordinated omission (the wrk2 approach).
 *
 * <p>Open model: request <i>i</i> is due at start + <i>i</i>/rate whatever happened to the requests
 * before it, and its latency is counted from that due time, not from when it actually went out. A
 * closed-loop client that waits for one answer before sending the next quietly stops sending while
 * the server stalls; here every request due during a stall carries the stall in its latency, as a
 * real channel's customers would. Latencies go into an HdrHistogram (3 significant digits).
 *
 * <p>In-flight requests are bounded. A request due while the bound is reached is not queued (that
 * would turn the open model back into a closed one) but counted as dropped: a run with drops has
 * saturated the service.
 *
 * <p>Targets: {@code health} (GET /q/health/live, no key: the box's HTTP ceiling, on which the suite
 * checks this generator against wrk), {@code ping} (POST /v1/ping with a channel key), {@code decide} (POST
 * /v1/decide cycling over customers c-1..c-N and the channels web, app, email, any, limit 3),
 * {@code events} (POST /v1/events, one new page view per request) and {@code events-batch} (100 new
 * events per request).
 *
 * <pre>
 * javac -cp HdrHistogram.jar -d target/bench-classes bench/LoadGenerator.java   # once: bench/lib.sh does it when stale
 * OMNIDECIDE_KEY=od_... java -cp HdrHistogram.jar:target/bench-classes LoadGenerator --base http://127.0.0.1:8095 --target decide \
 *     --rate 200 [--duration 20] [--warmup 5] [--customers 100000] [--max-in-flight 256] [--timeout 10]
 *     [--search 1] [--slo-p99-ms 100] [--bisect 3]
 * </pre>
 *
 * With {@code --search 1} the rate is the first step of a search for the highest sustainable rate:
 * doubled while sustainable (no errors, drops or non-2xx, at least 97% of the offered rate
 * achieved, p99 within the bound), or halved until it is, then bisected between the last sustainable and the first
 * unsustainable rate (an unsustainable step is tried twice). Prints a report per run, one {@code RESULT key=value ...} line per run for
 * scripts, and after a search one {@code MAX target=... rate=...} line.
 */
public final class LoadGenerator {

    private static final int BATCH = 100;
    private static final String[] CHANNELS = {"web", "app", "email", "any"};
    private static final String[] VIEW_CHANNELS = {"web", "app"};

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String key = o.getOrDefault("key", System.getenv("OMNIDECIDE_KEY"));
        if ((key == null || key.isBlank()) && !o.get("target").equals("health")) {
            System.err.println("LoadGenerator: set OMNIDECIDE_KEY to an API key with the channel role");
            System.exit(2);
        }
        LoadGenerator generator = new LoadGenerator(o, key);
        double rate = Double.parseDouble(o.get("rate"));
        if (!o.get("search").equals("1")) {
            Result result = generator.run(rate);
            System.exit(result.ok() > 0 ? 0 : 1);
        }
        double slo = Double.parseDouble(o.get("slo-p99-ms"));
        double good = 0;
        double bad = 0;
        Result best = null;
        // Up from the first rate while sustainable; down from it if even that is too much.
        while (bad == 0 || (good == 0 && rate >= 2)) {
            Result result = generator.step(rate, slo);
            if (result.sustainable(slo)) {
                good = rate;
                best = result;
                if (bad > 0) {
                    break;
                }
                rate *= 2;
            } else {
                bad = rate;
                rate = Math.floor(rate / 2);
            }
        }
        // Bisect until the two rates are within 15% of each other: finer than that, one run on a shared box cannot tell.
        for (int i = Integer.parseInt(o.get("bisect")); i > 0 && good > 0 && bad > good * 1.15; i--) {
            double mid = Math.round(Math.sqrt(good * bad));
            Result result = generator.step(mid, slo);
            if (result.sustainable(slo)) {
                good = mid;
                best = result;
            } else {
                bad = mid;
            }
        }
        System.out.printf(Locale.ROOT, "MAX target=%s rate=%s first_unsustainable=%s p99_bound_ms=%s p99_ms=%s%n", o.get("target"),
                num(good), num(bad), num(slo), best == null ? "NaN" : ms(best.percentile(99)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> values = new HashMap<>(Map.of("base", "http://127.0.0.1:8095", "target", "decide", "duration", "20",
                "warmup", "5", "customers", "1000", "max-in-flight", "256", "timeout", "10", "search", "0", "slo-p99-ms", "100",
                "bisect", "3"));
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                System.err.println("LoadGenerator: expected --name value, got '" + args[i] + "'");
                System.exit(2);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        if (!values.containsKey("rate") || !List.of("health", "ping", "decide", "events", "events-batch").contains(values.get("target"))) {
            System.err.println("LoadGenerator: --rate N and --target health|ping|decide|events|events-batch are required");
            System.exit(2);
        }
        return values;
    }

    private final String target;
    private final URI uri;
    private final String key;
    private final double durationSeconds;
    private final double warmupSeconds;
    private final int customers;
    private final int maxInFlight;
    private final Duration timeout;
    private final HttpClient client;
    /** Event ids stay unique across runs and steps. */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong eventSeq = new AtomicLong();

    private LoadGenerator(Map<String, String> o, String key) {
        this.target = o.get("target");
        String path = switch (target) {
            case "health" -> "/q/health/live";
            case "ping" -> "/v1/ping";
            case "decide" -> "/v1/decide";
            default -> "/v1/events";
        };
        this.uri = URI.create(o.get("base") + path);
        this.key = key;
        this.durationSeconds = Double.parseDouble(o.get("duration"));
        this.warmupSeconds = Double.parseDouble(o.get("warmup"));
        this.customers = Integer.parseInt(o.get("customers"));
        this.maxInFlight = Integer.parseInt(o.get("max-in-flight"));
        this.timeout = Duration.ofMillis((long) (Double.parseDouble(o.get("timeout")) * 1000));
        // Two threads are plenty to hand answers back; more would only compete with the service on a small box.
        ExecutorService handlers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "load-answers");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(handlers)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * One step of a search. An unsustainable step is run once more after a pause: on a box shared
     * with other work one stall can spoil a p99, and a rate is only called unsustainable twice over.
     */
    private Result step(double rate, double p99BoundMillis) throws InterruptedException {
        Result result = run(rate);
        Thread.sleep(2_000);
        if (!result.sustainable(p99BoundMillis)) {
            System.out.println("  (not sustainable; once more to rule out a passing stall)");
            result = run(rate);
            // Lets the service drain what an unsustainable step left behind before the next one.
            Thread.sleep(3_000);
        }
        return result;
    }

    /** One run at a rate: a warm-up and a measured window on one uninterrupted schedule. */
    private Result run(double rate) throws InterruptedException {
        int firstMeasured = (int) Math.ceil(warmupSeconds * rate - 1e-9);
        int total = (int) Math.ceil((warmupSeconds + durationSeconds) * rate - 1e-9);
        Histogram latencies = new SynchronizedHistogram(TimeUnit.SECONDS.toNanos(120), 3);
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        int sentAll = 0;
        AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
        Map<Integer, AtomicInteger> non2xx = new TreeMap<>();
        Map<String, String> samples = new ConcurrentHashMap<>();
        long worstSendDelay = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < total; i++) {
            long due = start + Math.round(i * 1e9 / rate);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = i >= firstMeasured;
            if (!inFlight.tryAcquire()) {
                if (measured) {
                    dropped.incrementAndGet();
                }
                continue;
            }
            sentAll++;
            if (measured) {
                worstSendDelay = Math.max(worstSendDelay, System.nanoTime() - due);
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
            HttpRequest request = target.equals("health") ? builder.GET().build()
                    : builder.header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                            .POST(HttpRequest.BodyPublishers.ofString(body(i))).build();
            client.sendAsync(request, LoadGenerator::keepBodyOnlyIfFailed).whenComplete((response, failure) -> {
                long answeredAt = System.nanoTime();
                try {
                    if (!measured) {
                        return;
                    }
                    if (failure != null) {
                        errors.incrementAndGet();
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        samples.putIfAbsent("error", cause.toString());
                    } else if (response.statusCode() / 100 != 2) {
                        synchronized (non2xx) {
                            non2xx.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        }
                        samples.putIfAbsent(String.valueOf(response.statusCode()), response.body());
                    } else {
                        latencies.recordValue(Math.min(answeredAt - due, latencies.getHighestTrackableValue()));
                        lastAnswer.accumulateAndGet(answeredAt, Math::max);
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        // Every permit back means every request has answered or timed out.
        if (!inFlight.tryAcquire(maxInFlight, timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
            System.err.println("LoadGenerator: some requests neither answered nor timed out");
        }
        long windowStart = start + Math.round(firstMeasured * 1e9 / rate);
        double window = lastAnswer.get() == Long.MIN_VALUE ? durationSeconds
                : Math.max(durationSeconds, (lastAnswer.get() - windowStart) / 1e9);
        int non2xxCount = non2xx.values().stream().mapToInt(AtomicInteger::get).sum();
        Result result = new Result(target, rate, total - firstMeasured, sentAll, latencies.copy(), non2xxCount, errors.get(), dropped.get(),
                window);
        result.print(worstSendDelay, samples);
        return result;
    }

    private String body(int i) {
        return switch (target) {
            case "ping" -> "{\"customerId\":\"c-" + (1 + i % customers) + "\",\"channel\":\"web\",\"limit\":3}";
            case "decide" -> {
                // Channels shift by one on every pass over the customers, so each customer meets every channel.
                String channel = CHANNELS[(i + i / customers) % CHANNELS.length];
                yield "{\"customerId\":\"c-" + (1 + i % customers) + "\",\"channel\":\"" + channel + "\",\"limit\":3}";
            }
            case "events" -> event(i);
            default -> {
                StringBuilder batch = new StringBuilder("[");
                for (int k = 0; k < BATCH; k++) {
                    batch.append(k == 0 ? "" : ",").append(event(i * BATCH + k));
                }
                yield batch.append(']').toString();
            }
        };
    }

    /** A page view by an existing customer, now: the ordinary ingest path (no profile rebuild for a late event). */
    private String event(int i) {
        long seq = eventSeq.incrementAndGet();
        return "{\"id\":\"bench-" + runId + "-" + seq + "\",\"customerId\":\"c-" + (1 + (int) (seq * 7919 % customers))
                + "\",\"type\":\"page_view\",\"channel\":\"" + VIEW_CHANNELS[i & 1] + "\",\"occurredAt\":\""
                + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\",\"properties\":{\"sku\":\"MUG-1\",\"category\":\"kitchen\"}}";
    }

    /** Keeps a failed answer's body for the report (the problem detail says why); a 2xx body is read and thrown away. */
    private static HttpResponse.BodySubscriber<String> keepBodyOnlyIfFailed(HttpResponse.ResponseInfo info) {
        return info.statusCode() / 100 == 2 ? BodySubscribers.replacing("") : BodySubscribers.ofString(StandardCharsets.UTF_8);
    }

    /** @param sentAll requests sent, warm-up included: what the service worked for during the run */
    record Result(String target, double rate, int scheduled, int sentAll, Histogram latencies, int non2xx, int errors, int dropped, double window) {

        long ok() {
            return latencies.getTotalCount();
        }

        double throughput() {
            return ok() / window;
        }

        double percentile(double p) {
            return ok() == 0 ? Double.NaN : latencies.getValueAtPercentile(p) / 1e6;
        }

        boolean sustainable(double p99BoundMillis) {
            return errors == 0 && dropped == 0 && non2xx == 0 && throughput() >= 0.97 * rate && percentile(99) <= p99BoundMillis;
        }

        void print(long worstSendDelay, Map<String, String> samples) {
            int perRequest = target.equals("events-batch") ? BATCH : 1;
            System.out.printf(Locale.ROOT, "%s at %s/s: %d scheduled, %d ok, %d non-2xx, %d errors, %d dropped; throughput %.1f/s%s%n",
                    target, num(rate), scheduled, ok(), non2xx, errors, dropped, throughput(),
                    perRequest > 1 ? String.format(Locale.ROOT, " (%.0f events/s)", throughput() * perRequest) : "");
            System.out.printf(Locale.ROOT, "  latency from due time, ms: p50 %s  p90 %s  p99 %s  p99.9 %s  max %s;"
                            + " latest send %.1f ms after its due time%n", ms(percentile(50)), ms(percentile(90)), ms(percentile(99)),
                    ms(percentile(99.9)), ms(ok() == 0 ? Double.NaN : latencies.getMaxValue() / 1e6), worstSendDelay / 1e6);
            samples.forEach((what, body) -> System.out.printf("  first %s: %s%n", what, body.length() > 300 ? body.substring(0, 300) + "..." : body));
            System.out.printf(Locale.ROOT, "RESULT target=%s rate=%s sent_all=%d ok=%d non2xx=%d errors=%d dropped=%d throughput=%.1f"
                            + " p50_ms=%s p90_ms=%s p99_ms=%s p999_ms=%s max_ms=%s%n", target, num(rate), sentAll, ok(), non2xx, errors, dropped,
                    throughput(), ms(percentile(50)), ms(percentile(90)), ms(percentile(99)), ms(percentile(99.9)),
                    ms(ok() == 0 ? Double.NaN : latencies.getMaxValue() / 1e6));
        }
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Three significant figures at most: more would claim a precision one run on a shared box does not have. */
    private static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "NaN";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis)
                : millis >= 10 ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%.2f", millis);
    }
}
