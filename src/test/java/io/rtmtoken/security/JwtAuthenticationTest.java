package io.rtmtoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** jwt mode with real RS256 and ES256 tokens checked against a JWK set served over HTTP. */
@SpringBootTest(properties = {"agora.app-id=0123456789abcdef0123456789abcdef",
        "agora.app-certificate=fedcba9876543210fedcba9876543210", "management.server.port=-1",
        "rtm-token.rate-limit.user.capacity=1000"})
@AutoConfigureMockMvc
class JwtAuthenticationTest {

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
    void getWhenRs256TokenForOwnUserThenIssued() {
        MvcTestResult result = get("/rtm-token?userAccount=alice", authorizationServer.token("alice").rs256());

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.userAccount").isEqualTo("alice");
        assertThat(result).bodyJson().extractingPath("$.token").asString().startsWith("006");
    }

    @Test
    void apiDocsWhenJwtModeThenTokenOperationsRequireABearerJwt() {
        MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"components": {"securitySchemes": {"bearerJwt": {"type": "http", "scheme": "bearer",
                                                                  "bearerFormat": "JWT"}}},
                 "paths": {"/rtm-token": {"get": {"security": [{"bearerJwt": []}]}}}}""");
    }

    @Test
    void getWhenEs256TokenForOwnUserThenIssued() {
        MvcTestResult result = get("/rtm-token?userAccount=alice&version=007",
                authorizationServer.token("alice").es256());

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.token").asString().startsWith("007");
    }

    @Test
    void getWhenUserAccountOmittedThenTokenIsForTheSubject() {
        MvcTestResult result = get("/rtm-token", authorizationServer.token("carol").rs256());

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.userAccount").isEqualTo("carol");
    }

    @Test
    void getWhenOtherUserRequestedThenForbiddenProblemAndNoToken() {
        MvcTestResult result = get("/rtm-token?userAccount=bob", authorizationServer.token("alice").rs256());

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:rtm-token:problem:user-not-allowed", "status": 403}""");
        assertThat(result).bodyJson().extractingPath("$.detail")
                .isEqualTo("The caller may request tokens only for userAccount 'alice' (its sub claim), not 'bob'.");
        assertThat(result).bodyJson().doesNotHavePath("$.token");
    }

    @Test
    void getWhenAnyUserScopeThenIssuedForOtherUser() {
        String token = authorizationServer.token("backend").scope("openid rtm-token:any-user").rs256();

        assertThat(get("/rtm-token?userAccount=bob", token)).hasStatusOk().bodyJson()
                .extractingPath("$.userAccount").isEqualTo("bob");
    }

    @Test
    void getWhenScopeOnlyResemblesAnyUserThenForbidden() {
        String token = authorizationServer.token("alice").scope("rtm-token:any-user-lite rtm-token").rs256();

        assertThat(get("/rtm-token?userAccount=bob", token)).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void getWhenSubjectIsNotAValidUserAccountThenProblemNamesTheClaim() {
        MvcTestResult result = get("/rtm-token", authorizationServer.token("auth0/12345").rs256());

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"errors": [{"parameter": "userAccount", "value": "auth0/12345"}]}""");
        assertThat(result).bodyJson().extractingPath("$.errors[0].rule").asString()
                .startsWith("defaults to the caller's sub claim, which must be 1 to 64 characters");
    }

    @Test
    void getWhenTokenHasNoSubjectAndUserAccountOmittedThenForbidden() {
        String token = authorizationServer.token("alice").claim("sub", null).rs256();

        assertThat(get("/rtm-token", token)).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.detail")
                .isEqualTo("The caller's token has no sub claim, so userAccount cannot default to it.");
    }

    static Stream<Arguments> rejectedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("expired", authorizationServer.token("alice").expiresAt(now.minusSeconds(120)).rs256()),
                Arguments.of("not yet valid",
                        authorizationServer.token("alice").notBefore(now.plusSeconds(120)).rs256()),
                Arguments.of("wrong issuer",
                        authorizationServer.token("alice").claim("iss", "https://evil.example").rs256()),
                Arguments.of("wrong audience",
                        authorizationServer.token("alice").claim("aud", "another-service").es256()),
                Arguments.of("bad signature", authorizationServer.token("alice").rs256WithImpostorKey()),
                Arguments.of("alg none", authorizationServer.token("alice").unsigned()),
                Arguments.of("unknown key id", authorizationServer.token("alice").rs256WithUnknownKeyId()),
                Arguments.of("not a JWT", "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void getWhenTokenIsRejectedThenUnauthorizedProblemAndNoToken(String why, String token) {
        MvcTestResult result = get("/rtm-token?userAccount=alice", token);

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).headers().hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE,
                values -> assertThat(values.get(0)).startsWith("Bearer error=\"invalid_token\""));
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:rtm-token:problem:unauthenticated", "status": 401, "instance": "/rtm-token"}""");
        assertThat(result).bodyJson().doesNotHavePath("$.token");
        assertNoPartOfTokenIn(result, token);
    }

    @Test
    void getWhenNoAuthorizationHeaderThenUnauthorizedProblem() {
        MvcTestResult result = mvc.get().uri("/rtm-token?userAccount=alice").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).headers().hasHeaderSatisfying(
                HttpHeaders.WWW_AUTHENTICATE, values -> assertThat(values.get(0)).startsWith("Bearer"));
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("Authorization header");
    }

    @Test
    void getWhenValidTokenIsInTheQueryInsteadOfTheHeaderThenUnauthorized() {
        String token = authorizationServer.token("alice").rs256();

        MvcTestResult result = mvc.get().uri("/rtm-token?userAccount=alice&access_token=" + token).exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertNoPartOfTokenIn(result, token);
    }

    @Test
    void postWhenInspectionPathThenItNeedsAuthenticationToo() {
        assertThat(mvc.post().uri("/rtm-token/inspect").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void getWhenPathOutsideTheApiThenDeniedEvenWithAValidToken() {
        assertThat(get("/admin", authorizationServer.token("alice").rs256())).hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void getWhenProtectedResourceMetadataThenServedWithoutCredentials() {
        MvcTestResult result = mvc.get().uri("/.well-known/oauth-protected-resource").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.resource").isEqualTo("http://localhost");
    }

    @Test
    void apiDocsWhenNoCredentialsThenServedAndUserAccountIsOptional() {
        MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(result).hasStatusOk().bodyJson()
                .extractingPath("$.paths['/rtm-token'].get.parameters[?(@.name == 'userAccount')].required")
                .asArray().containsExactly(false);
    }

    private MvcTestResult get(String uri, String bearerToken) {
        return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken).exchange();
    }

    private static void assertNoPartOfTokenIn(MvcTestResult result, String token) {
        String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        String challenge = String.valueOf(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE));
        for (String part : token.split("\\.")) {
            if (part.length() >= 8) {
                assertThat(body).doesNotContain(part);
                assertThat(challenge).doesNotContain(part);
            }
        }
    }
}
