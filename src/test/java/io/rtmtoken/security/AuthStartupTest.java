package io.rtmtoken.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.rtmtoken.RtmTokenApplication;

/** Starts the real application with missing, inconsistent and valid authentication settings. */
@ExtendWith(OutputCaptureExtension.class)
class AuthStartupTest {

    private static final String KEY_HASH = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    @Test
    void startWhenNoModeThenFailsAskingForOne() {
        Throwable failure = catchThrowable(() -> start());
        FailureAnalysis analysis = new InvalidAuthConfigurationFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).startsWith("No authentication mode is set.")
                .contains("RTM_TOKEN_AUTH_MODE", "rtm-token.auth.mode", "jwt, api-key or none");
        assertThat(analysis.getAction()).contains("demo profile");
    }

    @Test
    void startWhenDemoProfileThenModeIsNoneAndOpenServiceIsWarned(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=demo")) {
            assertThat(context.getBean(AuthSettings.class).mode()).isEqualTo(AuthMode.NONE);
            assertThat(output.getOut()).contains("WARN").contains("*** OPEN SERVICE: rtm-token.auth.mode is none");
        }
    }

    @Test
    void startWhenApiKeyModeWithoutKeysThenFailsNamingTheSetting() {
        Throwable failure = catchThrowable(() -> start("--rtm-token.auth.mode=api-key"));

        assertThat(analyze(failure).getDescription()).contains("rtm-token.auth.api-keys.<name>");
    }

    @Test
    void startWhenApiKeyIsNotAHashThenFailsWithoutEchoingIt(CapturedOutput output) {
        String rawKey = "a-raw-api-key-pasted-by-mistake";

        Throwable failure = catchThrowable(() -> start("--rtm-token.auth.mode=api-key",
                "--rtm-token.auth.api-keys.mobile=" + rawKey));

        assertThat(analyze(failure).getDescription()).contains("rtm-token.auth.api-keys.mobile", "31 characters")
                .doesNotContain(rawKey);
        assertThat(output.getAll()).doesNotContain(rawKey);
    }

    @Test
    void startWhenTwoKeysShareAHashThenFails() {
        Throwable failure = catchThrowable(() -> start("--rtm-token.auth.mode=api-key",
                "--rtm-token.auth.api-keys.one=" + KEY_HASH,
                "--rtm-token.auth.api-keys.two=" + KEY_HASH.toUpperCase()));

        assertThat(analyze(failure).getDescription()).contains("same hash");
    }

    @Test
    void startWhenApiKeysValidThenLogsNamesNotHashes(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("--rtm-token.auth.mode=api-key",
                "--rtm-token.auth.api-keys.backend=" + KEY_HASH)) {
            assertThat(output.getOut()).contains("Callers authenticate with the API keys [backend]")
                    .doesNotContain(KEY_HASH).doesNotContain("OPEN SERVICE");
        }
    }

    @Test
    void startWhenSetFromEnvironmentVariablesAsDocumentedThenBound() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("RTM_TOKEN_AUTH_MODE", "api-key", "RTMTOKEN_AUTH_APIKEYS_BILLING", KEY_HASH,
                                "RTM_TOKEN_RATE_LIMIT_API_KEY_CAPACITY", "7",
                                "RTM_TOKEN_CORS_ALLOWED_ORIGINS", "https://a.example,https://b.example")));

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RtmTokenApplication.class)
                .environment(environment).run(commonArguments().toArray(String[]::new))) {
            AuthSettings settings = context.getBean(AuthSettings.class);

            assertThat(settings.mode()).isEqualTo(AuthMode.API_KEY);
            assertThat(settings.apiKeys().names()).containsExactly("billing");
            assertThat(context.getBean(RateLimitProperties.class).apiKey().capacity()).isEqualTo(7);
            assertThat(context.getBean(CorsProperties.class).allowedOrigins())
                    .containsExactly("https://a.example", "https://b.example");
        }
    }

    @Test
    void startWhenJwtModeWithoutIssuerThenFailsNamingIt() {
        Throwable failure = catchThrowable(() -> start("--rtm-token.auth.mode=jwt",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks"));

        assertThat(analyze(failure).getDescription()).contains("spring.security.oauth2.resourceserver.jwt.issuer-uri");
    }

    @Test
    void startWhenJwtModeWithoutAudienceThenFailsNamingIt() {
        Throwable failure = catchThrowable(() -> start("--rtm-token.auth.mode=jwt",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example.com",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks"));

        assertThat(analyze(failure).getDescription()).contains("spring.security.oauth2.resourceserver.jwt.audiences");
    }

    @Test
    void startWhenCorsOriginHasAPathThenFailsNamingIt() {
        Throwable failure = catchThrowable(() -> start("--rtm-token.auth.mode=none",
                "--rtm-token.cors.allowed-origins=https://app.example.com/"));

        assertThat(failure).rootCause().hasMessageContaining("'https://app.example.com/' must be an origin");
    }

    private static List<String> commonArguments() {
        return List.of("--agora.app-id=0123456789abcdef0123456789abcdef",
                "--agora.app-certificate=fedcba9876543210fedcba9876543210", "--server.port=0",
                "--management.server.port=0");
    }

    private static FailureAnalysis analyze(Throwable failure) {
        FailureAnalysis analysis = new InvalidAuthConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
        return analysis;
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(commonArguments());
        return new SpringApplicationBuilder(RtmTokenApplication.class).run(all.toArray(String[]::new));
    }
}
