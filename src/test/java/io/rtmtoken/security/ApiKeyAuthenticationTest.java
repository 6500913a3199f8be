package io.rtmtoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.rtmtoken.issuance.FixedIssuanceConfiguration;
import tools.jackson.databind.json.JsonMapper;

/** api-key mode: keys held as SHA-256 hashes, back ends mint for any user, and every attempt is audited. */
@SpringBootTest(properties = {"agora.app-id=0123456789abcdef0123456789abcdef",
        "agora.app-certificate=fedcba9876543210fedcba9876543210", "management.server.port=-1",
        "rtm-token.auth.mode=api-key", "rtm-token.rate-limit.api-key.capacity=2",
        "rtm-token.rate-limit.api-key.refill-per-minute=1", "rtm-token.cors.allowed-origins=https://app.example.com"})
@AutoConfigureMockMvc
@Import(FixedIssuanceConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAuthenticationTest {

    private static final String BACKEND_KEY = "3f1c9a7e5d2b4086a1e7c3f95b2d8e6a0c4f7b1d9e3a5c8f2b6d0e4a7c1f9b3d";

    private static final String OTHER_KEY = "9b2e4d6f8a0c1e3b5d7f9a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d1f3a5c7e9b";

    private static final String AUDITOR_KEY = "auditor-key-5d7f9a1c3e5b7d9f0a2c4e6b8d0f1a3c";

    @Autowired
    private MockMvcTester mvc;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        registry.add("rtm-token.auth.api-keys.backend", () -> sha256Hex(BACKEND_KEY));
        registry.add("rtm-token.auth.api-keys.reports", () -> sha256Hex(OTHER_KEY));
        registry.add("rtm-token.auth.api-keys.auditor", () -> sha256Hex(AUDITOR_KEY));
    }

    @Test
    void getWhenValidKeyThenIssuedForAnyUser() {
        MvcTestResult result = mvc.get().uri("/rtm-token?userAccount=bob").header("X-API-Key", BACKEND_KEY)
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.userAccount").isEqualTo("bob");
    }

    @Test
    void apiDocsWhenApiKeyModeThenTokenOperationsRequireTheApiKeyHeader() {
        MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"components": {"securitySchemes": {"apiKey": {"type": "apiKey", "in": "header",
                                                               "name": "X-API-Key"}}},
                 "paths": {"/rtm-token": {"get": {"security": [{"apiKey": []}]}},
                           "/rtm-token/inspect": {"post": {"security": [{"apiKey": []}]}}}}""");
    }

    @Test
    void getWhenUnknownKeyThenUnauthorizedProblemWithoutTheKey() {
        String unknownKey = "0000" + BACKEND_KEY.substring(4);

        MvcTestResult result = mvc.get().uri("/rtm-token?userAccount=bob").header("X-API-Key", unknownKey)
                .exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:rtm-token:problem:unauthenticated", "status": 401,
                 "detail": "The API key in X-API-Key is not one this service accepts."}""");
        assertThat(result).bodyText().doesNotContain(unknownKey);
        assertThat(result).bodyJson().doesNotHavePath("$.token");
    }

    @Test
    void getWhenNoKeyThenUnauthorizedProblemSaysWhichHeader() {
        MvcTestResult result = mvc.get().uri("/rtm-token?userAccount=bob").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.detail")
                .isEqualTo("Send the API key in the X-API-Key header.");
    }

    @Test
    void getWhenKeyIsInTheQueryOrBearerHeaderThenUnauthorized() {
        assertThat(mvc.get().uri("/rtm-token?userAccount=bob&apiKey=" + BACKEND_KEY).exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/rtm-token?userAccount=bob").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + BACKEND_KEY).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void getWhenEveryKindOfAttemptThenExactlyOneAuditLineEachWithoutSecrets(CapturedOutput output) {
        MvcTestResult issued = attempt(1, "/rtm-token?userAccount=alice", "X-API-Key", AUDITOR_KEY);
        attempt(2, "/rtm-token?userAccount=alice&version=008", "X-API-Key", AUDITOR_KEY);
        attempt(3, "/rtm-token?userAccount=alice&expireSeconds=60", "X-API-Key", AUDITOR_KEY);
        attempt(4, "/rtm-token?userAccount=alice", "X-Other", "none");
        attempt(5, "/rtm-token?userAccount=alice", "X-API-Key", "wrong-key-" + AUDITOR_KEY);
        mvc.get().uri("/rtm-token?userAccount=alice").header("X-API-Key", BACKEND_KEY)
                .header(HttpHeaders.ORIGIN, "https://evil.example").header("X-Request-Id", "req-6").exchange();
        mvc.get().uri("/rtm-token").param("userAccount", "x\nforged outcome=issued").header("X-API-Key", OTHER_KEY)
                .header("X-Request-Id", "req-7").exchange();
        mvc.head().uri("/rtm-token?userAccount=alice").header("X-API-Key", OTHER_KEY).header("X-Request-Id", "req-8")
                .exchange();

        assertThat(auditLines(output)).containsExactly(
                "time=2026-12-03T12:00:00Z caller=api-key:auditor userAccount=alice version=006"
                        + " lifetimeSeconds=3600 outcome=issued status=200 requestId=req-1",
                "time=2026-12-03T12:00:00Z caller=api-key:auditor userAccount=alice version=008"
                        + " lifetimeSeconds=- outcome=invalid status=400 requestId=req-2",
                "time=2026-12-03T12:00:00Z caller=api-key:auditor userAccount=alice version=-"
                        + " lifetimeSeconds=60 outcome=rate_limited status=429 requestId=req-3",
                "time=2026-12-03T12:00:00Z caller=ip:127.0.0.1 userAccount=alice version=- lifetimeSeconds=-"
                        + " outcome=unauthenticated status=401 requestId=req-4",
                "time=2026-12-03T12:00:00Z caller=ip:127.0.0.1 userAccount=alice version=- lifetimeSeconds=-"
                        + " outcome=unauthenticated status=401 requestId=req-5",
                "time=2026-12-03T12:00:00Z caller=ip:127.0.0.1 userAccount=alice version=- lifetimeSeconds=-"
                        + " outcome=denied status=403 requestId=req-6",
                "time=2026-12-03T12:00:00Z caller=api-key:reports userAccount=\"x\\u000aforged outcome=issued\""
                        + " version=- lifetimeSeconds=- outcome=invalid status=400 requestId=req-7",
                "time=2026-12-03T12:00:00Z caller=api-key:reports userAccount=alice version=006"
                        + " lifetimeSeconds=3600 outcome=issued status=200 requestId=req-8");
        assertThat(issued).hasStatusOk();
        String token = JsonMapper.builder().build().readTree(issued.getResponse().getContentAsByteArray())
                .get("token").asString();
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(AUDITOR_KEY).doesNotContain(BACKEND_KEY)
                .doesNotContain(OTHER_KEY).doesNotContain(sha256Hex(AUDITOR_KEY));
    }

    private MvcTestResult attempt(int number, String uri, String header, String value) {
        return mvc.get().uri(uri).header(header, value).header("X-Request-Id", "req-" + number).exchange();
    }

    private static List<String> auditLines(CapturedOutput output) {
        return Arrays.stream(output.getOut().split("\\R")).filter(line -> line.matches(".* audit +: time=.*"))
                .map(line -> line.substring(line.indexOf(": time=") + 2)).toList();
    }

    static String sha256Hex(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }
}
