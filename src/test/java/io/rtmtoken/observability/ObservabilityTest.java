package io.rtmtoken.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Metrics, request ids and info over real HTTP, on the API port and the management port. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"management.server.port=0",
        "agora.app-id=0123456789abcdef0123456789abcdef", "agora.app-certificate=fedcba9876543210fedcba9876543210",
        "logging.level.io.rtmtoken.issuance=debug", "rtm-token.auth.mode=none"})
@Import(ObservabilityTest.AnsweringFilterConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

    private static final Pattern GENERATED_ID = Pattern.compile("[0-9a-f]{16}");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Test
    void prometheusWhenTokenRequestsThenCountedByVersionAndOutcome() throws Exception {
        String before = scrape();

        get(port, "/rtm-token?userAccount=alice");
        get(port, "/rtm-token?userAccount=alice&version=006");
        get(port, "/rtm-token?userAccount=bob&version=007");
        get(port, "/rtm-token?userAccount=a/b&version=007");
        get(port, "/rtm-token?userAccount=alice&version=008");
        get(port, "/rtm-token?userAccount=alice&version=006&version=007");
        send(HttpRequest.newBuilder(uri(port, "/rtm-token?userAccount=eve")).header("X-Answer", "401"));
        send(HttpRequest.newBuilder(uri(port, "/rtm-token?userAccount=eve&version=007")).header("X-Answer", "403"));
        send(HttpRequest.newBuilder(uri(port, "/rtm-token?userAccount=eve")).header("X-Answer", "429"));
        send(HttpRequest.newBuilder(uri(port, "/rtm-token?userAccount=eve")).header("X-Answer", "503"));
        send(HttpRequest.newBuilder(uri(port, "/rtm-token?userAccount=alice"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        String after = scrape();

        assertThat(increase(before, after, "006", "issued")).isEqualTo(2);
        assertThat(increase(before, after, "007", "issued")).isEqualTo(1);
        assertThat(increase(before, after, "007", "invalid")).isEqualTo(1);
        assertThat(increase(before, after, "unknown", "invalid")).isEqualTo(2);
        assertThat(increase(before, after, "006", "denied")).isEqualTo(1);
        assertThat(increase(before, after, "007", "denied")).isEqualTo(1);
        assertThat(increase(before, after, "006", "rate_limited")).isEqualTo(1);
        assertThat(increase(before, after, "006", "error")).isEqualTo(1);
        assertThat(increase(before, after, "006", "invalid")).isZero();
    }

    @Test
    void prometheusWhenScrapedThenEveryVersionAndOutcomeSeriesExists() throws Exception {
        String scrape = scrape();

        for (String version : new String[] {"006", "007", "unknown"}) {
            for (String outcome : new String[] {"issued", "invalid", "denied", "rate_limited", "error"}) {
                assertThat(scrape).containsPattern("rtm_token_requests_total\\{[^}]*outcome=\"" + outcome
                        + "\"[^}]*version=\"" + version + "\"[^}]*\\} ");
            }
        }
    }

    @Test
    void prometheusWhenScrapedThenLatencyHistogramAndJvmMetricsOnManagementPortOnly() throws Exception {
        get(port, "/rtm-token?userAccount=alice");

        String scrape = scrape();

        assertThat(scrape).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/rtm-token\"[^}]*le=")
                .contains("jvm_memory_used_bytes{").contains("jvm_threads_live_threads")
                .contains("jvm_gc_memory_allocated_bytes_total").contains("process_cpu_usage");
        assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
    }

    @Test
    void getWhenSaneRequestIdThenEchoedAndInEveryLogLineOfTheRequest(CapturedOutput output) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(port, "/rtm-token?userAccount=carol"))
                .header(RequestIdFilter.HEADER, "trace-7f3a.2:b_c"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(RequestIdFilter.HEADER)).hasValue("trace-7f3a.2:b_c");
        assertThat(output.getOut()).containsPattern(
                "\\[trace-7f3a\\.2:b_c\\] \\S*RtmTokenController +: Issued a 006 token for user 'carol'");
    }

    @Test
    void getWhenRequestIdMissingThenGeneratedOnSuccessAndOnProblems(CapturedOutput output) throws Exception {
        HttpResponse<String> issued = get(port, "/rtm-token?userAccount=dave");
        HttpResponse<String> invalid = get(port, "/rtm-token?userAccount=a/b");
        HttpResponse<String> notFound = get(port, "/nowhere");

        String issuedId = issued.headers().firstValue(RequestIdFilter.HEADER).orElseThrow();
        assertThat(issuedId).matches(GENERATED_ID);
        assertThat(invalid.headers().firstValue(RequestIdFilter.HEADER)).hasValueSatisfying(
                id -> assertThat(id).matches(GENERATED_ID).isNotEqualTo(issuedId));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue(RequestIdFilter.HEADER)).hasValueSatisfying(
                id -> assertThat(id).matches(GENERATED_ID));
        assertThat(output.getOut())
                .containsPattern("\\[" + issuedId + "\\] \\S*RtmTokenController +: Issued a 006 token for user 'dave'");
    }

    @Test
    void getWhenRequestIdNotSaneThenReplacedAndNeverLogged(CapturedOutput output) throws Exception {
        String tooLong = "a".repeat(RequestIdFilter.MAX_LENGTH + 1);
        for (String insane : new String[] {tooLong, "a b", "id\"}", "<script>"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(port, "/rtm-token?userAccount=erin"))
                    .header(RequestIdFilter.HEADER, insane));

            assertThat(response.headers().firstValue(RequestIdFilter.HEADER)).as(insane)
                    .hasValueSatisfying(id -> assertThat(id).matches(GENERATED_ID));
        }
        assertThat(output.getOut()).doesNotContain(tooLong).doesNotContain("<script>").doesNotContain("id\"}");
    }

    @Test
    void infoWhenBuiltThenBuildVersionAndGitCommit() throws Exception {
        JsonNode info = JsonMapper.builder().build().readTree(get(managementPort, "/actuator/info").body());

        assertThat(info.get("build").get("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        Properties git = gitProperties();
        if (git != null) {
            assertThat(info.get("git").get("commit").get("id").asString())
                    .isEqualTo(git.getProperty("git.commit.id.abbrev")).hasSizeGreaterThanOrEqualTo(7);
        }
        else {
            assertThat(info.has("git")).as("git info without git.properties").isFalse();
        }
    }

    /** Reads git.properties; the build writes it in every git checkout (the only place the tests run from). */
    private static Properties gitProperties() throws IOException {
        try (InputStream in = ObservabilityTest.class.getResourceAsStream("/git.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        }
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get(managementPort, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static long increase(String before, String after, String version, String outcome) {
        return Math.round(counter(after, version, outcome) - counter(before, version, outcome));
    }

    private static double counter(String scrape, String version, String outcome) {
        Pattern line = Pattern.compile("^rtm_token_requests_total\\{outcome=\"" + outcome + "\",version=\"" + version
                + "\"} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private HttpResponse<String> get(int targetPort, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(targetPort, path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int targetPort, String path) {
        return URI.create("http://127.0.0.1:" + targetPort + path);
    }

    /**
     * Stands in for a security filter: answers with the status named in {@code X-Answer} before the controller runs.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class AnsweringFilterConfiguration {

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> answeringFilter() {
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                    new OncePerRequestFilter() {

                        @Override
                        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                FilterChain chain) throws ServletException, IOException {
                            String answer = request.getHeader("X-Answer");
                            if (answer == null) {
                                chain.doFilter(request, response);
                            }
                            else {
                                response.sendError(Integer.parseInt(answer));
                            }
                        }
                    });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
            return registration;
        }
    }
}
