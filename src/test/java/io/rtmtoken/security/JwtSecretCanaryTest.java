package io.rtmtoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * In jwt mode at DEBUG, real signed JWTs (accepted, expired, for another audience, signed by another key) and the
 * tokens they obtain never appear in a log line, a response header or a problem body.
 */
@SpringBootTest(properties = {"agora.app-id=0123456789abcdef0123456789abcdef",
        "agora.app-certificate=fedcba9876543210fedcba9876543210", "management.server.port=-1",
        "logging.level.root=debug", "logging.level.org.springframework=debug", "rtm-token.rate-limit.enabled=false"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class JwtSecretCanaryTest {

    private static final TestAuthorizationServer authorizationServer = TestAuthorizationServer.start();

    @Autowired
    private MockMvcTester mvc;

    @DynamicPropertySource
    static void jwtMode(DynamicPropertyRegistry registry) {
        authorizationServer.register(registry);
    }

    @AfterAll
    static void stopAuthorizationServer() {
        authorizationServer.close();
    }

    @Test
    void requestsWhenBearerJwtsAtDebugThenNoJwtOrIssuedTokenInLogsOrProblems(CapturedOutput output) {
        Map<String, String> jwts = Map.of(
                "accepted", authorizationServer.token("alice").rs256(),
                "expired", authorizationServer.token("alice").expiresAt(Instant.now().minusSeconds(3600)).rs256(),
                "other audience", authorizationServer.token("alice").claim("aud", "another-service").es256(),
                "impostor key", authorizationServer.token("alice").rs256WithImpostorKey(),
                "other user", authorizationServer.token("mallory").rs256());
        List<String> issuedTokens = new ArrayList<>();
        StringBuilder failures = new StringBuilder();

        for (String jwt : jwts.values()) {
            for (String uri : List.of("/rtm-token?userAccount=alice", "/rtm-token?userAccount=alice&version=007")) {
                MockHttpServletResponse response = mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + jwt).exchange().getResponse();
                collect(response, issuedTokens, failures);
            }
            MockHttpServletResponse inspection = mvc.post().uri("/rtm-token/inspect")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"token\": \"not-a-token\"}").exchange().getResponse();
            collect(inspection, issuedTokens, failures);
        }

        assertThat(issuedTokens).as("tokens issued to the accepted JWT").hasSize(2);
        jwts.forEach((kind, jwt) -> {
            String signature = jwt.substring(jwt.lastIndexOf('.') + 1);
            assertThat(output.getAll()).as("logs, %s JWT", kind).doesNotContain(signature);
            assertThat(failures.toString()).as("problems and headers, %s JWT", kind).doesNotContain(signature);
        });
        issuedTokens.forEach(token -> assertThat(output.getAll()).as("logs").doesNotContain(token));
    }

    private static void collect(MockHttpServletResponse response, List<String> issuedTokens, StringBuilder failures) {
        try {
            String body = response.getContentAsString();
            if (response.getStatus() == 200 && body.contains("\"token\"")) {
                issuedTokens.add(body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"));
                return;
            }
            failures.append(response.getStatus()).append(' ').append(body);
            response.getHeaderNames().forEach(name -> failures.append(name).append(": ")
                    .append(response.getHeaders(name)).append('\n'));
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
