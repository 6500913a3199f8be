package io.rtmtoken.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.rtmtoken.RtmTokenApplication;
import io.rtmtoken.format.AppCertificate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Walks the rotation runbook with real servers: old, both, swapped, new only. */
class CertificateRotationTest {

    private static final String APP_ID = "0123456789abcdef0123456789abcdef";

    private static final String OLD = "01d0000000000000000000000000000a";

    private static final String NEW = "e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void rotateWhenFollowingTheRunbookThenOldTokensStayValidUntilTheOldCertificateIsRemoved() throws Exception {
        String oldToken;
        try (ConfigurableApplicationContext before = start(OLD, null)) {
            oldToken = mint(before, "007");
            assertThat(info(before).get("certificateSha256Prefixes").toString())
                    .isEqualTo("{\"primary\":\"" + AppCertificate.of(OLD).fingerprint() + "\"}");
        }

        try (ConfigurableApplicationContext swapped = start(NEW, OLD)) {
            String newToken = mint(swapped, "007");

            JsonNode oldReport = inspect(swapped, oldToken);
            assertThat(oldReport.get("signatureValid").asBoolean()).isTrue();
            assertThat(oldReport.get("signedWith").asString()).isEqualTo("secondary");
            assertThat(inspect(swapped, newToken).get("signedWith").asString()).isEqualTo("primary");
            assertThat(info(swapped).get("certificateSha256Prefixes").get("secondary").asString())
                    .isEqualTo(AppCertificate.of(OLD).fingerprint());
        }

        try (ConfigurableApplicationContext after = start(NEW, null)) {
            JsonNode report = inspect(after, oldToken);

            assertThat(report.get("signatureValid").asBoolean()).isFalse();
            assertThat(report.get("signedWith").isNull()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String primary, String secondary) {
        return new SpringApplicationBuilder(RtmTokenApplication.class).run("--server.port=0",
                "--management.server.port=0", "--rtm-token.auth.mode=none",
                "--agora.app-id=" + APP_ID, "--agora.app-certificate=" + primary,
                "--agora.secondary-app-certificate=" + (secondary == null ? "" : secondary));
    }

    private String mint(ConfigurableApplicationContext context, String version)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                uri(context, "local.server.port", "/rtm-token?userAccount=alice&version=" + version)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body()).get("token").asString();
    }

    private JsonNode inspect(ConfigurableApplicationContext context, String token)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                uri(context, "local.server.port", "/rtm-token/inspect"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body());
    }

    private JsonNode info(ConfigurableApplicationContext context) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                uri(context, "local.management.port", "/actuator/info")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).doesNotContain(OLD).doesNotContain(NEW);
        return json(response.body()).get("agora");
    }

    private static URI uri(ConfigurableApplicationContext context, String portProperty, String path) {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty(portProperty) + path);
    }

    private static JsonNode json(String body) {
        return JsonMapper.builder().build().readTree(body);
    }
}
