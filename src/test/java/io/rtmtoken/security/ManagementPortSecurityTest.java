package io.rtmtoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * jwt mode over real HTTP with the actuator on its own random port: the management server is a child context that
 * shares the API's security filter chains, so health must be explicitly open there while the API stays closed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"management.server.port=0",
        "agora.app-id=0123456789abcdef0123456789abcdef", "agora.app-certificate=fedcba9876543210fedcba9876543210",
        "rtm-token.cors.allowed-origins=https://app.example.com"})
class ManagementPortSecurityTest {

    private static final TestAuthorizationServer authorizationServer = TestAuthorizationServer.start();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void jwtMode(DynamicPropertyRegistry registry) {
        authorizationServer.register(registry);
    }

    @AfterAll
    static void stopAuthorizationServer() {
        authorizationServer.close();
    }

    @Test
    void healthWhenNoCredentialsThenUp() throws Exception {
        HttpResponse<String> health = get(managementPort, "/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/info").statusCode()).isEqualTo(200);
    }

    @Test
    void healthWhenForeignOriginOrBadBearerTokenThenStillUp() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri(managementPort, "/actuator/health"))
                .header("Origin", "https://evil.example").header("Authorization", "Bearer not-a-token").build());

        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void getWhenApiWithoutCredentialsThenUnauthorizedProblem() throws Exception {
        HttpResponse<String> response = get(port, "/rtm-token?userAccount=alice");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("urn:rtm-token:problem:unauthenticated").doesNotContain("\"token\"");
    }

    @Test
    void getWhenApiWithValidTokenThenIssued() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(port, "/rtm-token"))
                .header("Authorization", "Bearer " + authorizationServer.token("alice").es256()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"userAccount\":\"alice\"");
    }

    @Test
    void getWhenActuatorOnTheApiPortThenNotServed() throws Exception {
        assertThat(get(port, "/actuator/health").statusCode()).isIn(401, 404);
    }

    private HttpResponse<String> get(int targetPort, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(targetPort, path)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int targetPort, String path) {
        return URI.create("http://127.0.0.1:" + targetPort + path);
    }
}
