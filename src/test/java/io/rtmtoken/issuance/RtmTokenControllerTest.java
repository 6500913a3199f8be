package io.rtmtoken.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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

@SpringBootTest(properties = {"agora.app-id=0123456789abcdef0123456789abcdef",
        "agora.app-certificate=fedcba9876543210fedcba9876543210", "management.server.port=-1",
        "rtm-token.auth.mode=none", "rtm-token.rate-limit.enabled=false"})
@AutoConfigureMockMvc
@Import(FixedIssuanceConfiguration.class)
class RtmTokenControllerTest {

    private static final String APP_ID = "0123456789abcdef0123456789abcdef";

    private static final AppCertificate CERTIFICATE = AppCertificate.of("fedcba9876543210fedcba9876543210");

    private static final long NOW = FixedIssuanceConfiguration.NOW.getEpochSecond();

    private static final String ROLE_RULE = "must be rtm_user (or 1), the only RTM role";

    private static final String SECONDS_RULE = "must be a whole number of seconds from 1 to 86400";

    @Autowired
    private MockMvcTester mvc;

    @Test
    void getWhenOnlyUserAccountThenDefault006TokenForOneHour() {
        MvcTestResult result = mvc.get().uri("/rtm-token?userAccount=alice").exchange();

        assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON)
                .hasHeader("Cache-Control", "no-store");
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"token": "%s", "version": "006", "userAccount": "alice", "role": "rtm_user",
                 "issuedAt": "2026-12-03T12:00:00Z", "expiresAt": "2026-12-03T13:00:00Z"}"""
                .formatted(RtmTokens.build006(APP_ID, CERTIFICATE, "alice", FixedIssuanceConfiguration.SALT,
                        NOW + 86400, NOW + 3600)));
    }

    @Test
    void getWhenVersion007AndLifetimeThenThat007Token() {
        MvcTestResult result = mvc.get()
                .uri("/rtm-token?userAccount=bob&role=1&expireSeconds=600&version=007").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"token": "%s", "version": "007", "userAccount": "bob", "role": "rtm_user",
                 "issuedAt": "2026-12-03T12:00:00Z", "expiresAt": "2026-12-03T12:10:00Z"}"""
                .formatted(RtmTokens.build007(APP_ID, CERTIFICATE, "bob", NOW, 600, FixedIssuanceConfiguration.SALT)));
    }

    @Test
    void getWhenMaximumLifetimeThenAccepted() {
        assertThat(mvc.get().uri("/rtm-token?userAccount=alice&expireSeconds=86400").exchange())
                .hasStatusOk().bodyJson().extractingPath("$.expiresAt").isEqualTo("2026-12-04T12:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "2882341273", "user with spaces !#$%&()+-:;<=.>?@[]^_{}|~,",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", " x "})
    void getWhenUserAccountFollowsAgorasRuleThenIssued(String userAccount) {
        assertThat(mvc.get().uri("/rtm-token").param("userAccount", userAccount).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.userAccount").isEqualTo(userAccount);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a/b",
            "a\"b",
            "a'b", "a*b", "a\\b", "a`b", "é", "a\tb", "a\nb", "a\u0000b", "😀"})
    void getWhenUserAccountBreaksAgorasRuleThenProblemNamingIt(String userAccount) {
        MvcTestResult result = mvc.get().uri("/rtm-token").param("userAccount", userAccount).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"status": 400, "title": "Invalid request parameters",
                 "errors": [{"parameter": "userAccount", "value": %s}]}"""
                .formatted(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(userAccount)));
        assertThat(result).bodyJson().extractingPath("$.errors[0].rule").asString().contains("1 to 64 characters");
        assertThat(result).bodyJson().doesNotHavePath("$.token");
    }

    @Test
    void getWhenUserAccountMissingThenProblemSaysRequired() {
        MvcTestResult result = mvc.get().uri("/rtm-token").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("userAccount is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "userAccount=alice&userAccount=bob | userAccount | alice,bob | must be given at most once",
        "userAccount=alice&role=admin | role | admin | " + ROLE_RULE,
        "userAccount=alice&role= | role | '' | " + ROLE_RULE,
        "userAccount=alice&version=008 | version | 008 | must be 006 or 007",
        "userAccount=alice&version=6 | version | 6 | must be 006 or 007",
        "userAccount=alice&expireSeconds=0 | expireSeconds | 0 | " + SECONDS_RULE,
        "userAccount=alice&expireSeconds=86401 | expireSeconds | 86401 | " + SECONDS_RULE,
        "userAccount=alice&expireSeconds=-5 | expireSeconds | -5 | " + SECONDS_RULE,
        "userAccount=alice&expireSeconds=1.5 | expireSeconds | 1.5 | " + SECONDS_RULE,
        "userAccount=alice&expireSeconds=99999999999999999999 | expireSeconds | 99999999999999999999 | "
                + SECONDS_RULE,
        "userAccount=alice&expireSeconds= | expireSeconds | '' | " + SECONDS_RULE,
        "userAccount=alice&expireSeconds=60&expireSeconds=60 | expireSeconds | 60,60 | must be given at most once",
        "userAccount=alice&uid=1 | uid | 1 | is not a parameter of this endpoint; use userAccount, role, "
                + "expireSeconds or version"})
    void getWhenParameterBreaksItsRuleThenProblemNamesParameterValueAndRule(String query, String parameter,
            String value, String rule) {
        MvcTestResult result = mvc.get().uri("/rtm-token?" + query).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:rtm-token:problem:invalid-parameters", "status": 400,
                 "detail": "%s '%s' %s",
                 "errors": [{"parameter": "%s", "value": "%s", "rule": "%s"}]}"""
                .formatted(parameter, value, rule, parameter, value, rule));
    }

    @Test
    void getWhenSeveralParametersAreBadThenEachIsListed() {
        MvcTestResult result = mvc.get().uri("/rtm-token?userAccount=a/b&version=1&expireSeconds=x").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[*].parameter").asArray()
                .containsExactly("userAccount", "version", "expireSeconds");
    }

    @Test
    void getWhenValueIsLongThenEchoIsShortened() {
        MvcTestResult result = mvc.get().uri("/rtm-token?userAccount=" + "a".repeat(5000)).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].value").isEqualTo("a".repeat(100) + "...");
    }

    @Test
    void postWhenTokenEndpointThenMethodNotAllowedProblem() {
        MvcTestResult result = mvc.post().uri("/rtm-token?userAccount=alice").exchange();

        assertThat(result).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).hasHeader("Allow", "GET");
    }

    @Test
    void getWhenUnknownPathThenNotFoundProblem() {
        MvcTestResult result = mvc.get().uri("/rtm-tokens").exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(404);
    }
}
