package io.rtmtoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.rtmtoken.observability.RequestIdFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the service as its own JVM with JSON logs, keeps it busy with concurrent token requests, sends SIGTERM and
 * checks that every request the service took in was answered with a token before the process exited.
 */
class GracefulShutdownTest {

    private static final int CLIENTS = 8;

    /** Requests answered before SIGTERM, so the service is warm and every client is mid-loop. */
    private static final int WARM_UP_REQUESTS = 400;

    /** Bounds the load loop: at most this many requests per client, and at most this long in all. */
    private static final int MAX_REQUESTS_PER_CLIENT = 5_000;

    private static final Duration LOAD_LIMIT = Duration.ofSeconds(120);

    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    /** The shutdown phase is bounded at 20 s; this leaves a generous margin on a busy machine. */
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(90);

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    private static final Pattern ISSUED = Pattern.compile("Issued a 006 token for user '(c\\d+-\\d+)'");

    /** The service's output, kept for a look when the test fails. */
    private static final Path LOG = Path.of("target", "graceful-shutdown-service.log");

    private final Map<String, Integer> statusByUser = new ConcurrentHashMap<>();

    private final Set<String> failedBeforeSigterm = ConcurrentHashMap.newKeySet();

    private final AtomicInteger answeredAfterSigterm = new AtomicInteger();

    private final AtomicBoolean sigtermSent = new AtomicBoolean();

    @Test
    void sigtermWhenRequestsInFlightThenEveryAcceptedRequestAnsweredAndProcessExits() throws Exception {
        Process process = start();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            int apiPort = awaitPort(process);
            long loadDeadline = System.nanoTime() + LOAD_LIMIT.toNanos();
            for (int client = 0; client < CLIENTS; client++) {
                int clientNumber = client;
                clients.submit(() -> load(apiPort, clientNumber, loadDeadline));
            }
            awaitAnswered(WARM_UP_REQUESTS, loadDeadline);

            sigtermSent.set(true);
            process.destroy();

            assertThat(process.waitFor(EXIT_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("exited").isTrue();
            clients.shutdown();
            assertThat(clients.awaitTermination(EXIT_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        finally {
            clients.shutdownNow();
            process.destroyForcibly();
        }

        List<String> logLines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        Map<String, String> issuedWithRequestId = issuedByTheService(logLines);
        System.out.printf("graceful shutdown: %d requests answered, %d of them after SIGTERM, %d issued by the service,"
                + " exit code %d%n", statusByUser.size(), answeredAfterSigterm.get(), issuedWithRequestId.size(),
                process.exitValue());
        assertThat(process.exitValue()).as("exit code after SIGTERM").isEqualTo(143);
        assertThat(logLines).anyMatch(line -> line.contains("\"message\":\"Graceful shutdown complete\""));
        assertThat(failedBeforeSigterm).isEmpty();
        assertThat(statusByUser).allSatisfy((user, status) -> assertThat(status).as(user).isEqualTo(200));
        assertThat(statusByUser.keySet()).containsAll(issuedWithRequestId.keySet());
        assertThat(issuedWithRequestId).allSatisfy((user, requestId) -> assertThat(requestId).isEqualTo(user));
        assertThat(answeredAfterSigterm.get()).as("responses received after SIGTERM").isPositive();
    }

    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), RtmTokenApplication.class.getName(), "--server.port=0",
                "--server.address=127.0.0.1", "--management.server.port=-1", "--rtm-token.auth.mode=none",
                "--rtm-token.rate-limit.enabled=false",
                "--agora.app-id=" + EndToEndTest.APP_ID, "--agora.app-certificate=" + EndToEndTest.CERTIFICATE,
                "--logging.structured.format.console=ecs", "--logging.level.io.rtmtoken.issuance=debug")
                .redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        return process;
    }

    private static int awaitPort(Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            Matcher started = STARTED.matcher(Files.readString(LOG, StandardCharsets.UTF_8));
            if (started.find()) {
                return Integer.parseInt(started.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not start listening; see " + LOG);
    }

    /** Requests tokens until the service stops taking connections after SIGTERM, or a bound is reached. */
    private void load(int apiPort, int client, long deadline) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline; i++) {
            String user = "c" + client + "-" + i;
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + apiPort + "/rtm-token?userAccount=" + user))
                    .header(RequestIdFilter.HEADER, user).timeout(Duration.ofSeconds(60)).build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                statusByUser.put(user, status);
                if (sigtermSent.get()) {
                    answeredAfterSigterm.incrementAndGet();
                }
            }
            catch (IOException ex) {
                if (!sigtermSent.get()) {
                    failedBeforeSigterm.add(user + ": " + ex);
                }
                return;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitAnswered(int count, long deadline) throws InterruptedException {
        while (statusByUser.size() < count && failedBeforeSigterm.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(statusByUser).as("answered before SIGTERM").hasSizeGreaterThanOrEqualTo(count);
    }

    /** The users the service logged a token for, each with the request id its log line carries. */
    private static Map<String, String> issuedByTheService(List<String> logLines) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> issued = new ConcurrentHashMap<>();
        Set<String> unparsable = new HashSet<>();
        for (String line : logLines) {
            Matcher matcher = ISSUED.matcher(line);
            if (matcher.find()) {
                JsonNode event = json.readTree(line);
                JsonNode requestId = event.get("requestId");
                issued.put(matcher.group(1), requestId == null ? "" : requestId.asString());
            }
            else if (!line.startsWith("{")) {
                unparsable.add(line);
            }
        }
        assertThat(unparsable).as("log lines that are not JSON").isEmpty();
        return issued;
    }
}
