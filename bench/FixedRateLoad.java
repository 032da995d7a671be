import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A constant-rate load generator for POST /v1/decide, safe from coordinated omission: request i is
 * due at start + i/rate, and its latency is measured from when it was due, not from when it could be
 * sent, so a stalled server shows in the tail instead of slowing the load down (the wrk2 approach).
 *
 * java bench/FixedRateLoad.java URL KEY RATE SECONDS CUSTOMERS [MAX_IN_FLIGHT]
 */
public class FixedRateLoad {

    private static final String[] CHANNELS = {"web", "app", "email", "any"};

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String key = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int customers = Integer.parseInt(args[4]);
        int maxInFlight = args.length > 5 ? Integer.parseInt(args[5]) : 256;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        int total = rate * seconds;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long intervalNanos = 1_000_000_000L / rate;
        CompletableFuture<?>[] all = new CompletableFuture<?>[total];
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!inFlight.tryAcquire()) {
                // Too many outstanding: count it, do not queue it behind the others.
                dropped.incrementAndGet();
                all[i] = CompletableFuture.completedFuture(null);
                continue;
            }
            String body = "{\"customerId\":\"c-" + (1 + i % customers) + "\",\"channel\":\"" + CHANNELS[i % CHANNELS.length] + "\",\"limit\":3}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int index = i;
            all[i] = client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                long now = System.nanoTime();
                inFlight.release();
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                } else {
                    latencies[index] = now - due;
                }
                lastDone.accumulateAndGet(now, Math::max);
                return null;
            });
        }
        CompletableFuture.allOf(all).get(60, TimeUnit.SECONDS);
        long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        double elapsed = (lastDone.get() - start) / 1e9;
        System.out.printf("rate %d/s for %d s: %d sent, %d ok, %d errors, %d dropped, achieved %.0f/s%n",
                rate, seconds, total - dropped.get(), ok.length, errors.get(), dropped.get(), ok.length / elapsed);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                pct(ok, 50), pct(ok, 90), pct(ok, 99), pct(ok, 99.9), ok.length == 0 ? 0 : ok[ok.length - 1] / 1e6);
        System.out.printf("RESULT rate=%d ok=%d errors=%d dropped=%d p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f%n",
                rate, ok.length, errors.get(), dropped.get(), pct(ok, 50), pct(ok, 90), pct(ok, 99), pct(ok, 99.9),
                ok.length == 0 ? 0 : ok[ok.length - 1] / 1e6);
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
