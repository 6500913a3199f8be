package io.rtmtoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rtmtoken.format.AppCertificate;
import io.rtmtoken.format.ServiceType;
import io.rtmtoken.format.Token006;
import io.rtmtoken.format.Token007;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Requests real tokens over HTTP and checks them twice: with the project's parser and with plain JCA. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"management.server.port=0",
        "agora.app-id=" + EndToEndTest.APP_ID, "agora.app-certificate=" + EndToEndTest.CERTIFICATE,
        "rtm-token.auth.mode=none"})
class EndToEndTest {

    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";

    static final String CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Test
    void getWhen006ThenTokenVerifiesWithParserAndIndependently() throws Exception {
        JsonNode body = getJson(port, "/rtm-token?userAccount=alice&expireSeconds=600&version=006");
        String token = body.get("token").asString();
        Instant issuedAt = Instant.parse(body.get("issuedAt").asString());

        Token006 parsed = Token006.parse(token);

        assertThat(parsed.verify(AppCertificate.of(CERTIFICATE), "alice", "")).isTrue();
        assertThat(parsed.privileges()).containsEntry(1000, issuedAt.getEpochSecond() + 600);
        assertThat(parsed.expireTs()).isEqualTo(issuedAt.getEpochSecond() + 86400);
        assertThat(Instant.parse(body.get("expiresAt").asString())).isEqualTo(issuedAt.plusSeconds(600));
        assertThat(IndependentTokenCheck.verifies006(token, APP_ID, CERTIFICATE, "alice")).isTrue();
        assertThat(IndependentTokenCheck.verifies006(token, APP_ID, CERTIFICATE, "mallory")).isFalse();
    }

    @Test
    void getWhen007ThenTokenVerifiesWithParserAndIndependently() throws Exception {
        JsonNode body = getJson(port, "/rtm-token?userAccount=bob&version=007");
        String token = body.get("token").asString();

        Token007 parsed = Token007.parse(token);

        assertThat(parsed.verify(AppCertificate.of(CERTIFICATE))).isTrue();
        assertThat(parsed.issueTs()).isEqualTo(Instant.parse(body.get("issuedAt").asString()).getEpochSecond());
        assertThat(parsed.expireSeconds()).isEqualTo(3600);
        assertThat(parsed.service(ServiceType.RTM)).hasValueSatisfying(
                rtm -> assertThat(rtm.stringField("userId")).isEqualTo("bob"));
        assertThat(parsed.salt()).isBetween(1L, 99_999_999L);
        assertThat(IndependentTokenCheck.verifies007(token, CERTIFICATE)).isTrue();
    }

    @Test
    void getWhenRepeatedThenEverySaltDiffers() throws Exception {
        long first = Token007.parse(getJson(port, "/rtm-token?userAccount=bob&version=007").get("token").asString())
                .salt();
        long second = Token007.parse(getJson(port, "/rtm-token?userAccount=bob&version=007").get("token").asString())
                .salt();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void actuatorWhenHealthAndProbesThenUpAndNothingElseExposed() throws Exception {
        assertThat(getJson(managementPort, "/actuator/health").get("status").asString()).isEqualTo("UP");
        assertThat(getJson(managementPort, "/actuator/health/liveness").get("status").asString()).isEqualTo("UP");
        assertThat(getJson(managementPort, "/actuator/health/readiness").get("status").asString()).isEqualTo("UP");
        assertThat(getJson(managementPort, "/actuator/info").get("build").get("artifact").asString())
                .isEqualTo("rtm-token-service");

        for (String hidden : new String[] {"/actuator/env", "/actuator/configprops", "/actuator/beans",
                "/actuator/heapdump", "/actuator/loggers", "/actuator/mappings"}) {
            assertThat(get(managementPort, hidden).statusCode()).as(hidden).isEqualTo(404);
        }
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(404);
    }

    private JsonNode getJson(int targetPort, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(targetPort, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private HttpResponse<String> get(int targetPort, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + targetPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
