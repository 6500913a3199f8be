package io.rtmtoken.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.rtmtoken.format.AppCertificate;
import io.rtmtoken.format.RtmTokens;
import io.rtmtoken.format.Service;
import io.rtmtoken.format.Token007;
import io.rtmtoken.issuance.FixedIssuanceConfiguration;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = {"agora.app-id=" + InspectionControllerTest.APP_ID,
        "agora.app-certificate=" + InspectionControllerTest.CERTIFICATE, "management.server.port=-1",
        "rtm-token.auth.mode=none", "rtm-token.rate-limit.enabled=false"})
@AutoConfigureMockMvc
@Import(FixedIssuanceConfiguration.class)
class InspectionControllerTest {

    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";

    static final String CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";

    /** First shared vector: user test_user, salt 1, issued at 1111111 (1970), so long expired. */
    private static final String VECTOR_006 = "006970CA35de60c44645bbae8a215061b33"
            + "IAAsR0qgiCxv0vrpRcpkz5BrbfEWCBZ6kvR6t7qG/wJIQob86ogAAAAAEAABAAAAR/QQAAEA6AOvKDdW";

    private static final String VECTOR_007 = "007eJxTYOCdJftjyTM2zxW6Xhm/5T0j5LdcUt/xYVt48fb5Mp3PX9coMFiaGzg7Gpu"
            + "mpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbu38RYIhgYmBgZABhJiBmBPM5GUpSi0viS4tTiwBZVh6A";

    private static final long NOW = FixedIssuanceConfiguration.NOW.getEpochSecond();

    @Autowired
    private MockMvcTester mvc;

    @Test
    void inspectWhenFresh007ThenEverythingReportedAndValid() {
        String token = RtmTokens.build007(APP_ID, AppCertificate.of(CERTIFICATE), "alice", NOW - 60, 3600, 12345);

        MvcTestResult result = inspect(Map.of("token", token));

        assertThat(result).hasStatusOk().hasHeader("Cache-Control", "no-store");
        assertThat(result).bodyJson().isEqualTo("""
                {"version": "007", "appId": "%s", "appIdMatches": true, "userAccount": "alice",
                 "issuedAt": "2026-12-03T11:59:00Z", "tokenExpiresAt": "2026-12-03T12:59:00Z",
                 "expiresAt": "2026-12-03T12:59:00Z", "expired": false,
                 "signatureValid": true, "signedWith": "primary",
                 "services": [{"type": 2, "name": "rtm", "privileges": {"login": "2026-12-03T12:59:00Z"},
                               "fields": {"userId": "alice"}}],
                 "salt": 12345, "note": null}""".formatted(APP_ID));
    }

    @Test
    void inspectWhenVector007ThenValidButExpired() {
        MvcTestResult result = inspect(Map.of("token", VECTOR_007));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"version": "007", "userAccount": "test_user", "issuedAt": "1970-01-13T20:38:31Z",
                 "expiresAt": "1970-01-13T20:48:31Z", "expired": true, "signatureValid": true,
                 "signedWith": "primary", "salt": 1}""");
    }

    @Test
    void inspectWhen006WithItsUserAccountThenSignatureChecked() {
        MvcTestResult result = inspect(Map.of("token", VECTOR_006, "userAccount", "test_user"));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().isEqualTo("""
                {"version": "006", "appId": "%s", "appIdMatches": true, "userAccount": "test_user",
                 "issuedAt": null, "tokenExpiresAt": "1970-01-13T20:38:31Z", "expiresAt": "1970-01-13T20:38:31Z",
                 "expired": true, "signatureValid": true, "signedWith": "primary",
                 "services": [{"type": 2, "name": "rtm", "privileges": {"login": "2015-11-02T09:11:11Z"},
                               "fields": {}}],
                 "salt": 1, "note": null}""".formatted(APP_ID));
    }

    @Test
    void inspectWhen006WithoutUserAccountThenDecodedButNotChecked() {
        MvcTestResult result = inspect(Map.of("token", VECTOR_006));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"version": "006", "userAccount": null, "signatureValid": null, "signedWith": null}""");
        assertThat(result).bodyJson().extractingPath("$.note").asString().contains("give userAccount");
    }

    @Test
    void inspectWhen006WithAnotherUserAccountThenNotCheckedAndSaysWhy() {
        MvcTestResult result = inspect(Map.of("token", VECTOR_006, "userAccount", "mallory"));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"userAccount": null, "signatureValid": null, "signedWith": null}""");
        assertThat(result).bodyJson().extractingPath("$.note").asString()
                .contains("not issued for user account 'mallory'");
    }

    @Test
    void inspectWhen006PrivilegeExpiresBeforeTokenThenEarliestBoundReported() {
        String token = RtmTokens.build006(APP_ID, AppCertificate.of(CERTIFICATE), "bob", 7, NOW + 86400, NOW + 600);

        MvcTestResult result = inspect(Map.of("token", token, "userAccount", "bob"));

        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"tokenExpiresAt": "2026-12-04T12:00:00Z", "expiresAt": "2026-12-03T12:10:00Z", "expired": false,
                 "signatureValid": true}""");
    }

    @Test
    void inspectWhenSignedWithAnotherCertificateThenInvalidAndSignerNull() {
        String token = RtmTokens.build007(APP_ID, AppCertificate.of("00000000000000000000000000000001"), "alice",
                NOW, 600, 9);

        MvcTestResult result = inspect(Map.of("token", token));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"signatureValid": false, "signedWith": null,
                 "note": "No configured App Certificate signed this token."}""");
    }

    @Test
    void inspectWhenOtherAppIdThenSaysSo() {
        String token = RtmTokens.build007("0123456789abcdef0123456789abcdef", AppCertificate.of(CERTIFICATE),
                "alice", NOW, 600, 9);

        assertThat(inspect(Map.of("token", token))).bodyJson().isLenientlyEqualTo("""
                {"appId": "0123456789abcdef0123456789abcdef", "appIdMatches": false}""");
    }

    @Test
    void inspectWhenTokenCarriesOtherServicesThenAllListed() {
        Map<String, Object> rtcFields = new LinkedHashMap<>();
        rtcFields.put("channelName", "room-1");
        rtcFields.put("uid", "42");
        String token = Token007.build(APP_ID, AppCertificate.of(CERTIFICATE), NOW, 3600, 5, List.of(
                new Service(1, new TreeMap<>(Map.of(1, 600L, 2, 0L)), rtcFields),
                new Service(5, new TreeMap<>(Map.of(1, 1200L)), Map.of("userId", "carol"))));

        MvcTestResult result = inspect(Map.of("token", token));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"userAccount": null, "signatureValid": true, "expiresAt": "2026-12-03T12:10:00Z",
                 "services": [
                   {"type": 1, "name": "rtc", "privileges": {"joinChannel": "2026-12-03T12:10:00Z",
                                                            "publishAudioStream": null},
                    "fields": {"channelName": "room-1", "uid": "42"}},
                   {"type": 5, "name": "chat", "privileges": {"user": "2026-12-03T12:20:00Z"},
                    "fields": {"userId": "carol"}}],
                 "note": "The token grants no RTM service."}""");
    }

    @Test
    void inspectWhenUnknownServiceTypeThenListedByNumber() {
        byte[] content = inflate(RtmTokens.build007(APP_ID, AppCertificate.of(CERTIFICATE), "alice", NOW, 600, 3));
        content[2 + 32 + 2 + 32 + 12 + 2] = 9;
        String token = "007" + Base64.getEncoder().encodeToString(deflate(content));

        MvcTestResult result = inspect(Map.of("token", token));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"services": [{"type": 9, "name": null, "privileges": {}, "fields": {}}],
                 "signatureValid": false}""");
        assertThat(result).bodyJson().extractingPath("$.note").asString().contains("Service type 9 is not known");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hello | bad_version | does not start with 006 or 007",
        "008abc | bad_version | does not start with 006 or 007",
        "007!!!! | not_base64 | not standard Base64",
        "007AAAA | not_zlib | not a valid zlib stream",
        "006970CA35de60c44645bbae8a215061b33 | truncated | truncated",
        "006970CA35de60c44645bbae8a215061b33/wA= | length_past_end | runs past the end",
        "006970CA35de | truncated | only 12 characters"})
    void inspectWhenNotATokenThenProblemSaysWhatIsWrong(String token, String reason, String detail) {
        MvcTestResult result = inspect(Map.of("token", token));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:rtm-token:problem:malformed-token", "title": "Malformed token", "status": 400,
                 "reason": "%s"}""".formatted(reason));
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(detail);
    }

    @Test
    void inspectWhenZipBombThenRefusedAsTooLarge() {
        String token = "007" + Base64.getEncoder().encodeToString(deflate(new byte[2_000_000]));

        assertThat(inspect(Map.of("token", token))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.reason").isEqualTo("inflated_too_large");
    }

    @Test
    void inspectWhenAnyCharacterFlippedThenNeverValidAndNeverServerError() {
        String token = RtmTokens.build007(APP_ID, AppCertificate.of(CERTIFICATE), "alice", NOW, 600, 77);
        byte[] original = inflate(token);

        for (int index = 0; index < token.length(); index++) {
            String tampered = token.substring(0, index) + (token.charAt(index) == 'A' ? 'B' : 'A')
                    + token.substring(index + 1);

            MvcTestResult result = inspect(Map.of("token", tampered));

            assertThat(result.getResponse().getStatus()).as("character %d", index).isIn(200, 400);
            if (result.getResponse().getStatus() == 200 && !java.util.Arrays.equals(inflate(tampered), original)) {
                assertThat(result).bodyJson().extractingPath("$.signatureValid").as("character %d", index)
                        .isEqualTo(false);
            }
        }
    }

    @Test
    void inspectWhenTokenMissingThenProblemNamesIt() {
        MvcTestResult result = inspect(Map.of("userAccount", "alice"));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].parameter").isEqualTo("token");
    }

    @Test
    void inspectWhenBodyIsNotJsonThenBadRequestProblem() {
        MvcTestResult result = mvc.post().uri("/rtm-token/inspect").contentType(MediaType.APPLICATION_JSON)
                .content("token=abc").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void inspectWhenNotJsonContentTypeThenUnsupportedMediaTypeProblem() {
        MvcTestResult result = mvc.post().uri("/rtm-token/inspect").contentType(MediaType.TEXT_PLAIN)
                .content(VECTOR_007).exchange();

        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void inspectWhenBodyOverTheCapThenContentTooLarge() {
        String body = "{\"token\": \"" + "A".repeat(RequestBodyLimitFilter.MAX_BODY_BYTES) + "\"}";

        MvcTestResult result = mvc.post().uri("/rtm-token/inspect").contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();

        assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void inspectWhenGetThenMethodNotAllowed() {
        assertThat(mvc.get().uri("/rtm-token/inspect").exchange()).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
    }

    private MvcTestResult inspect(Map<String, String> body) {
        return mvc.post().uri("/rtm-token/inspect").contentType(MediaType.APPLICATION_JSON)
                .content(JsonMapper.builder().build().writeValueAsString(body)).exchange();
    }

    private static byte[] inflate(String token) {
        try (var in = new java.util.zip.InflaterInputStream(
                new java.io.ByteArrayInputStream(Base64.getDecoder().decode(token.substring(3))))) {
            return in.readAllBytes();
        }
        catch (java.io.IOException | IllegalArgumentException ex) {
            return new byte[0];
        }
    }

    private static byte[] deflate(byte[] content) {
        var compressed = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.DeflaterOutputStream(compressed, new java.util.zip.Deflater(9))) {
            out.write(content);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return compressed.toByteArray();
    }
}
