package io.rtmtoken.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.rtmtoken.RtmTokenApplication;

/** Starts the real application with good, missing and malformed credentials. */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsStartupTest {

    private static final String APP_ID = "0123456789abcdef0123456789abcdef";

    /** A well-formed certificate that must never appear in any output. */
    private static final String CANARY_CERTIFICATE = "c0ffee00c0ffee00c0ffee00c0ffee00";

    @Test
    void startWhenNoCredentialsThenFailsNamingTheVariable() {
        Throwable failure = catchThrowable(() -> start("--agora.app-id=" + APP_ID));

        assertThat(rootCause(failure)).isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("AGORA_APP_CERTIFICATE").hasMessageContaining("agora.app-certificate");
    }

    @Test
    void startWhenAppIdMissingThenFailsNamingIt() {
        Throwable failure = catchThrowable(() -> start("--agora.app-certificate=" + CANARY_CERTIFICATE));

        assertThat(rootCause(failure)).hasMessageContaining("AGORA_APP_ID").hasMessageNotContaining(CANARY_CERTIFICATE);
    }

    @Test
    void startWhenCertificateMalformedThenMessageGivesLengthNotValue(CapturedOutput output) {
        String malformed = "not-a-certificate-but-a-secret-value";

        Throwable failure = catchThrowable(() -> start("--agora.app-id=" + APP_ID,
                "--agora.app-certificate=" + malformed));
        FailureAnalysis analysis = new InvalidCredentialsFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).contains("AGORA_APP_CERTIFICATE", "36 characters")
                .doesNotContain(malformed);
        assertThat(analysis.getAction()).contains("agora.app-certificate");
        assertThat(output.getAll()).doesNotContain(malformed);
    }

    @Test
    void startWhenSecondaryMalformedThenFailsNamingIt() {
        Throwable failure = catchThrowable(() -> start("--agora.app-id=" + APP_ID,
                "--agora.app-certificate=" + CANARY_CERTIFICATE, "--agora.secondary-app-certificate=xyz"));

        assertThat(rootCause(failure)).hasMessageContaining("AGORA_SECONDARY_APP_CERTIFICATE")
                .hasMessageContaining("3 characters");
    }

    @Test
    void startWhenDebugLoggingThenCertificateNeverLoggedAndFingerprintIs(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("--agora.app-id=" + APP_ID,
                "--agora.app-certificate=" + CANARY_CERTIFICATE, "--logging.level.root=DEBUG")) {
            AgoraCredentials credentials = context.getBean(AgoraCredentials.class);

            assertThat(credentials.toString()).doesNotContain(CANARY_CERTIFICATE);
            assertThat(context.getBean(AgoraProperties.class).toString()).doesNotContain(CANARY_CERTIFICATE);
            assertThat(output.getAll()).contains("with certificate " + credentials.primary().fingerprint())
                    .doesNotContain(CANARY_CERTIFICATE)
                    .doesNotContain(CANARY_CERTIFICATE.toUpperCase());
        }
    }

    @Test
    void startWhenCertificateHasSurroundingWhitespaceThenAccepted() {
        try (ConfigurableApplicationContext context = start("--agora.app-id=" + APP_ID,
                "--agora.app-certificate= " + CANARY_CERTIFICATE + "\n")) {
            assertThat(context.getBean(AgoraCredentials.class).primary().fingerprint()).hasSize(8);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--management.server.port=0";
        all[args.length + 2] = "--rtm-token.auth.mode=none";
        return new SpringApplicationBuilder(RtmTokenApplication.class).run(all);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof InvalidCredentialsException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
