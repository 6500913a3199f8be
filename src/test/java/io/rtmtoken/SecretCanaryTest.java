package io.rtmtoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the whole service at DEBUG, in API-key mode, with recognisable secrets (certificates, API keys, a bearer
 * token), drives every endpoint through success and failure,
 * and searches the logs and every response (status line, headers, body, on both ports) for each secret in any
 * spelling: as given, upper and lower case, and Base64 of its bytes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"management.server.port=0",
        "agora.app-id=" + EndToEndTest.APP_ID, "agora.app-certificate=" + SecretCanaryTest.PRIMARY_CANARY,
        "agora.secondary-app-certificate=" + SecretCanaryTest.SECONDARY_CANARY, "logging.level.root=debug",
        "logging.level.org.springframework=debug", "logging.level.org.apache=debug", "rtm-token.auth.mode=api-key",
        "rtm-token.rate-limit.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class SecretCanaryTest {

    static final String PRIMARY_CANARY = "C0FFEE11C0FFEE11C0FFEE11C0FFEE11";

    static final String SECONDARY_CANARY = "5EC0DA2222222222BEEF2222222222BE";

    static final String API_KEY_CANARY = "canary-api-key-7c1e5b3d9f0a2c4e6b8d0f1a3c5e7b9d";

    private static final String WRONG_API_KEY_CANARY = "canary-wrong-key-0a2c4e6b8d0f1a3c5e7b9d1f3a5c";

    private static final String BEARER_CANARY = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.Y2FuYXJ5LXNpZ25hdHVyZQ";

    /** Every secret the service holds or is handed; a new kind of secret is one more line here. */
    private static final List<Canary> CANARIES = List.of(new Canary("App Certificate", PRIMARY_CANARY),
            new Canary("secondary App Certificate", SECONDARY_CANARY), new Canary("API key", API_KEY_CANARY),
            new Canary("rejected API key", WRONG_API_KEY_CANARY), new Canary("bearer token", BEARER_CANARY));

    /** Headers that authenticate, and headers that fail to, each carrying a canary. */
    private static final String KEY = "X-API-Key: " + API_KEY_CANARY + "\r\n";

    private static final List<String> FAILING_CREDENTIALS = List.of("", "X-API-Key: " + WRONG_API_KEY_CANARY + "\r\n",
            "Authorization: Bearer " + BEARER_CANARY + "\r\n", "X-API-Key: " + API_KEY_CANARY.toUpperCase(Locale.ROOT)
                    + "\r\n", "Authorization: Basic " + Base64.getEncoder().encodeToString(("user:" + API_KEY_CANARY)
                            .getBytes(StandardCharsets.US_ASCII)) + "\r\n");

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        registry.add("rtm-token.auth.api-keys.canary", () -> sha256Hex(API_KEY_CANARY));
    }

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Test
    void everyEndpointWhenExercisedAtDebugThenNoSecretInLogsOrResponses(CapturedOutput output) throws Exception {
        StringBuilder responses = new StringBuilder();

        for (byte[] request : requests()) {
            RawHttp.Response response = RawHttp.send(port, request);
            responses.append(response.status()).append(response.headers()).append(response.body()).append('\n');
        }
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus", "/actuator/env",
            "/actuator/configprops", "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers",
            "/actuator/beans", "/actuator/mappings", "/actuator/metrics", "/actuator/nope"}) {
            RawHttp.Response response = RawHttp.send(managementPort, RawHttp.request("GET", path, "", ""));
            responses.append(path).append(' ').append(response.status()).append(response.headers())
                    .append(response.body()).append('\n');
        }

        assertThat(responses).contains("\"token\":\"006", "\"token\":\"007", "\"signatureValid\":true",
                "\"status\":\"UP\"", "jvm_memory_used_bytes", "401{");
        assertThat(output.getAll()).contains("DEBUG");
        for (Canary canary : CANARIES) {
            for (String spelling : canary.spellings()) {
                assertThat(output.getAll()).as("logs hold the %s", canary.name()).doesNotContain(spelling);
                assertThat(responses.toString()).as("responses hold the %s", canary.name())
                        .doesNotContain(spelling);
            }
        }
    }

    /** Requests that succeed and fail on every API endpoint; inspection gets tokens issued in between. */
    private List<byte[]> requests() throws Exception {
        List<byte[]> requests = new ArrayList<>();
        for (String query : new String[] {"userAccount=alice", "userAccount=bob&version=007&expireSeconds=60",
            "userAccount=a/b", "userAccount=alice&userAccount=bob", "uid=1", "userAccount=%", "userAccount=alice"
                + "&expireSeconds=99999999999"}) {
            requests.add(RawHttp.request("GET", "/rtm-token?" + query, KEY, ""));
        }
        for (String credentials : FAILING_CREDENTIALS) {
            requests.add(RawHttp.request("GET", "/rtm-token?userAccount=alice", credentials, ""));
            requests.add(RawHttp.request("POST", "/rtm-token/inspect", credentials
                    + "Content-Type: application/json\r\n", "{\"token\":\"007eJx\"}"));
        }
        String token006 = issue("version=006");
        String token007 = issue("version=007");
        for (String body : new String[] {inspection(token006, "alice"), inspection(token007, null),
            inspection(token006, "mallory"), inspection(token007.substring(0, token007.length() - 4) + "AAAA", null),
            inspection("007eJx", null), inspection("", null), "{\"token\":", "not json", "{\"token\":42}"}) {
            requests.add(RawHttp.request("POST", "/rtm-token/inspect", KEY + "Content-Type: application/json\r\n",
                    body));
        }
        requests.add(RawHttp.request("POST", "/rtm-token/inspect", KEY + "Content-Type: text/plain\r\n", token006));
        requests.add(RawHttp.request("POST", "/rtm-token/inspect", KEY + "Content-Type: application/json\r\n",
                "{\"token\":\"" + "A".repeat(20_000) + "\"}"));
        for (String path : new String[] {"/", "/nope", "/error", "/v3/api-docs", "/swagger-ui.html",
            "/actuator/health"}) {
            requests.add(RawHttp.request("GET", path, KEY, ""));
        }
        requests.add(RawHttp.request("DELETE", "/rtm-token?userAccount=alice", KEY, ""));
        requests.add(RawHttp.request("GET", "/" + "x".repeat(20_000), KEY, ""));
        return requests;
    }

    private String issue(String query) throws Exception {
        RawHttp.Response response = RawHttp.send(port, RawHttp.request("GET", "/rtm-token?userAccount=alice&"
                + query, KEY, ""));
        return JsonMapper.builder().build().readTree(response.body()).get("token").asString();
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String inspection(String token, String userAccount) {
        return userAccount == null ? "{\"token\":\"" + token + "\"}"
                : "{\"token\":\"" + token + "\",\"userAccount\":\"" + userAccount + "\"}";
    }

    /** A secret and the spellings in which it must never appear. */
    record Canary(String name, String value) {

        List<String> spellings() {
            byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
            return List.of(value, value.toUpperCase(Locale.ROOT), value.toLowerCase(Locale.ROOT),
                    Base64.getEncoder().encodeToString(bytes), Base64.getUrlEncoder().withoutPadding()
                            .encodeToString(bytes), Base64.getEncoder().encodeToString(
                                    value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
