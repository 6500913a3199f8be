package io.rtmtoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** none mode: per-address token buckets and the CORS rules; each test calls from its own client address. */
@SpringBootTest(properties = {"agora.app-id=0123456789abcdef0123456789abcdef",
        "agora.app-certificate=fedcba9876543210fedcba9876543210", "management.server.port=-1",
        "rtm-token.auth.mode=none", "rtm-token.rate-limit.user.capacity=3",
        "rtm-token.rate-limit.user.refill-per-minute=1",
        "rtm-token.cors.allowed-origins=https://app.example.com,http://localhost:5173"})
@AutoConfigureMockMvc
class RateLimitAndCorsTest {

    private static final String ALLOWED_ORIGIN = "https://app.example.com";

    @Autowired
    private MockMvcTester mvc;

    @Test
    void getWhenOverCapacityThenTooManyRequestsProblemWithRetryAfter() {
        for (int i = 3; i > 0; i--) {
            assertThat(getFrom("10.0.0.1").exchange()).hasStatusOk().hasHeader("RateLimit-Limit", "3")
                    .hasHeader("RateLimit-Remaining", Integer.toString(i - 1));
        }

        MvcTestResult limited = getFrom("10.0.0.1").exchange();

        assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).hasHeader("RateLimit-Remaining", "0");
        assertThat(limited).headers().hasHeaderSatisfying(HttpHeaders.RETRY_AFTER,
                values -> assertThat(Long.parseLong(values.get(0))).isBetween(1L, 60L));
        assertThat(limited).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:rtm-token:problem:rate-limited", "title": "Too many requests", "status": 429,
                 "instance": "/rtm-token"}""");
        assertThat(limited).bodyJson().extractingPath("$.detail").asString()
                .startsWith("Caller ip:10.0.0.1 may make 3 requests at once and 1 per minute; retry in ");
        assertThat(limited).bodyJson().doesNotHavePath("$.token");
    }

    @Test
    void getWhenForwardedHeadersAreForgedThenTheSocketAddressIsStillLimited() {
        for (int i = 0; i < 3; i++) {
            assertThat(getFrom("10.0.0.2").exchange()).hasStatusOk();
        }

        MvcTestResult forged = getFrom("10.0.0.2").header("X-Forwarded-For", "203.0.113." + 7)
                .header("Forwarded", "for=203.0.113.8").header("X-Real-IP", "203.0.113.9").exchange();

        assertThat(forged).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void getWhenOneAddressIsLimitedThenAnotherIsServed() {
        for (int i = 0; i < 4; i++) {
            getFrom("10.0.0.3").exchange();
        }

        assertThat(getFrom("10.0.0.3").exchange()).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(getFrom("10.0.0.4").exchange()).hasStatusOk();
    }

    @Test
    void optionsWhenPreflightFromAllowedOriginThenCorsHeaders() {
        MvcTestResult result = mvc.options().uri("/rtm-token?userAccount=alice")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN).header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization").exchange();

        assertThat(result).hasStatusOk().hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .hasHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600")
                .doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS))
                .containsIgnoringCase("authorization");
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).contains("GET");
    }

    @Test
    void optionsWhenPreflightFromForeignOriginThenForbiddenWithoutCorsHeaders() {
        MvcTestResult result = mvc.options().uri("/rtm-token").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET").exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
                .doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void getWhenFromAllowedOriginThenIssuedWithCorsHeaders() {
        MvcTestResult result = getFrom("10.0.1.1").header(HttpHeaders.ORIGIN, "http://localhost:5173").exchange();

        assertThat(result).hasStatusOk().hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).contains("Retry-After");
    }

    @Test
    void getWhenFromForeignOriginThenForbiddenProblemAndNoToken() {
        MvcTestResult result = getFrom("10.0.1.2").header(HttpHeaders.ORIGIN, "https://app.example.com.evil.example")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:rtm-token:problem:origin-not-allowed", "status": 403}""");
        assertThat(result).bodyJson().doesNotHavePath("$.token");
    }

    private MockMvcRequestBuilder getFrom(String remoteAddress) {
        return mvc.get().uri("/rtm-token?userAccount=alice").with(request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        });
    }
}
