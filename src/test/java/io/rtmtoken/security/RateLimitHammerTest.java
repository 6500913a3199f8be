package io.rtmtoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several back ends hammer the service over real HTTP for a few seconds while a quiet one calls once a second. Each
 * hammering caller gets at most capacity + refill × elapsed + 1 tokens and some 429s; the quiet one is always served.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"management.server.port=-1",
        "agora.app-id=0123456789abcdef0123456789abcdef", "agora.app-certificate=fedcba9876543210fedcba9876543210",
        "rtm-token.auth.mode=api-key", "rtm-token.rate-limit.api-key.capacity=" + RateLimitHammerTest.CAPACITY,
        "rtm-token.rate-limit.api-key.refill-per-minute=" + RateLimitHammerTest.REFILL_PER_MINUTE,
        "logging.level.audit=warn"})
class RateLimitHammerTest {

    static final int CAPACITY = 5;

    static final int REFILL_PER_MINUTE = 60;

    private static final int HAMMERS = 4;

    private static final Duration HAMMER_TIME = Duration.ofSeconds(3);

    /** Bounds each hammer's loop in count as well as in time. */
    private static final int MAX_REQUESTS_PER_HAMMER = 5_000;

    private static final Duration QUIET_INTERVAL = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        for (int i = 0; i < HAMMERS; i++) {
            String key = keyOf("hammer" + i);
            registry.add("rtm-token.auth.api-keys.hammer" + i, () -> ApiKeyAuthenticationTest.sha256Hex(key));
        }
        registry.add("rtm-token.auth.api-keys.quiet", () -> ApiKeyAuthenticationTest.sha256Hex(keyOf("quiet")));
    }

    @Test
    void getWhenCallersHammerThenEachIsCappedAndTheQuietCallerIsAlwaysServed() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(HAMMERS + 1);
        try {
            List<Future<Tally>> hammers = new ArrayList<>();
            for (int i = 0; i < HAMMERS; i++) {
                String key = keyOf("hammer" + i);
                hammers.add(executor.submit(() -> hammer(key)));
            }
            Future<Tally> quiet = executor.submit(this::callQuietly);

            for (Future<Tally> hammer : hammers) {
                Tally tally = hammer.get(60, TimeUnit.SECONDS);
                double allowed = CAPACITY + REFILL_PER_MINUTE / 60.0 * tally.elapsedSeconds() + 1;
                System.out.printf("hammer: %d requests, %d issued, %d limited in %.2f s (at most %.1f allowed)%n",
                        tally.requests(), tally.issued(), tally.limited(), tally.elapsedSeconds(), allowed);
                assertThat(tally.issued()).isGreaterThanOrEqualTo(CAPACITY).isLessThanOrEqualTo((long) allowed);
                assertThat(tally.limited()).isPositive();
                assertThat(tally.issued() + tally.limited()).isEqualTo(tally.requests());
            }
            Tally quietTally = quiet.get(60, TimeUnit.SECONDS);
            System.out.printf("quiet: %d requests, %d issued%n", quietTally.requests(), quietTally.issued());
            assertThat(quietTally.issued()).isEqualTo(quietTally.requests()).isGreaterThanOrEqualTo(3);
        }
        finally {
            executor.shutdownNow();
        }
    }

    private Tally hammer(String key) throws Exception {
        long issued = 0;
        long limited = 0;
        long start = System.nanoTime();
        long deadline = start + HAMMER_TIME.toNanos();
        int requests = 0;
        while (requests < MAX_REQUESTS_PER_HAMMER && System.nanoTime() < deadline) {
            int status = get(key);
            requests++;
            issued += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        return new Tally(requests, issued, limited, (System.nanoTime() - start) / 1e9);
    }

    private Tally callQuietly() throws Exception {
        long issued = 0;
        int requests = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < HAMMER_TIME.toNanos()) {
            issued += get(keyOf("quiet")) == 200 ? 1 : 0;
            requests++;
            Thread.sleep(QUIET_INTERVAL.toMillis());
        }
        return new Tally(requests, issued, requests - issued, (System.nanoTime() - start) / 1e9);
    }

    private int get(String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/rtm-token?userAccount=load-test")).header("X-API-Key", key).timeout(Duration.ofSeconds(10))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String keyOf(String name) {
        return name + "-key-7d1e0c5b9a3f4e2d8c6b0a9f1e3d5c7b";
    }

    private record Tally(int requests, long issued, long limited, double elapsedSeconds) {
    }
}
