import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends GET requests at a fixed rate for a fixed time and reports errors and latency percentiles. Latency counts
 * from when a request was due, not when it was sent, so a stalled server cannot hide its stall.
 *
 * <p>Usage: {@code java LoadGenerator.java <url> <requestsPerSecond> <seconds> [<pid> <termAfterSeconds>]}. With a
 * pid, the process gets SIGTERM after the given time; requests due before it must all succeed, requests due after
 * it are counted apart (a stopping server refuses new connections).
 */
public class LoadGenerator {

    private static final int MAX_IN_FLIGHT = 2_000;

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int requestsPerSecond = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        long pid = args.length > 3 ? Long.parseLong(args[3]) : -1;
        long termAfterNanos = args.length > 4 ? TimeUnit.SECONDS.toNanos(Long.parseLong(args[4])) : Long.MAX_VALUE;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Tally beforeTerm = new Tally();
        Tally afterTerm = new Tally();
        AtomicInteger inFlight = new AtomicInteger();
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();

        long periodNanos = TimeUnit.SECONDS.toNanos(1) / requestsPerSecond;
        long total = (long) requestsPerSecond * seconds;
        long start = System.nanoTime();
        long termSentAt = -1;
        for (long i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            LockSupport.parkNanos(due - System.nanoTime());
            if (pid > 0 && termSentAt < 0 && due - start >= termAfterNanos) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                termSentAt = System.nanoTime();
            }
            Tally tally = termSentAt < 0 ? beforeTerm : afterTerm;
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                tally.failed("more than " + MAX_IN_FLIGHT + " requests in flight");
                continue;
            }
            inFlight.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, ex) -> {
                inFlight.decrementAndGet();
                if (ex != null) {
                    tally.failed(ex.getClass().getSimpleName() + ": " + ex.getMessage());
                }
                else if (response.statusCode() != 200) {
                    tally.failed("status " + response.statusCode());
                }
                else {
                    tally.succeeded(System.nanoTime() - due);
                }
            }));
        }
        for (CompletableFuture<?> future : pending) {
            try {
                future.join();
            }
            catch (RuntimeException ex) {
                // Already counted as a failure.
            }
        }

        double elapsedSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("sent=%d elapsed_s=%.1f %s%n", total, elapsedSeconds, beforeTerm.summary(""));
        if (pid > 0) {
            System.out.println(afterTerm.summary("after_term_"));
        }
        System.exit(beforeTerm.failures.get() == 0 ? 0 : 1);
    }

    /** Outcomes of a set of requests: latencies of successes and the first few failure reasons. */
    static final class Tally {

        private final ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();

        private final AtomicInteger failures = new AtomicInteger();

        private final ConcurrentLinkedQueue<String> reasons = new ConcurrentLinkedQueue<>();

        void succeeded(long latencyNanos) {
            latenciesNanos.add(latencyNanos);
        }

        void failed(String reason) {
            if (failures.incrementAndGet() <= 5) {
                reasons.add(reason);
            }
        }

        String summary(String prefix) {
            long[] sorted = latenciesNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format("%sok=%d %serrors=%d %sp50_ms=%.2f %sp99_ms=%.2f %smax_ms=%.2f%s", prefix,
                    sorted.length, prefix, failures.get(), prefix, percentile(sorted, 0.50), prefix,
                    percentile(sorted, 0.99), prefix, percentile(sorted, 1.0), reasons.isEmpty() ? ""
                            : " " + prefix + "first_errors=" + Arrays.toString(reasons.toArray()));
        }

        private static double percentile(long[] sorted, double fraction) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
