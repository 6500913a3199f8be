package io.rtmtoken.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes both token parsers and the signature checks behind them with untrusted strings.
 *
 * <p>Under {@code ./mvnw verify} each test replays its committed corpus in {@code TokenParserFuzzTestInputs/<test>/}:
 * the reference vectors, and inputs crafted to be expensive (a zlib bomb, a preset-dictionary stream, length
 * prefixes and counts of 65,535, a token of exactly the maximum length and one character over it). With
 * {@code JAZZER_FUZZ=1} Jazzer mutates them for {@link #FUZZ_DURATION} (README, "Hardening"). The {@code Content}
 * tests wrap the fuzzed bytes in a valid prefix, Base64 and (for 007) zlib, so mutations reach the field parser
 * instead of dying in the outer layers.
 *
 * <p>A finding is any exception other than {@link MalformedTokenException}, a parse or check that allocates more
 * than {@link #MAX_ALLOCATED_BYTES}, or one that takes longer than the timeout.
 */
class TokenParserFuzzTest {

    /** How long {@code JAZZER_FUZZ=1} fuzzes one test; regression runs ignore it. */
    static final String FUZZ_DURATION = "5m";

    /** Generous bound on what one parse and check may allocate: the inputs are capped at a few KiB. */
    static final long MAX_ALLOCATED_BYTES = 256 * 1024;

    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";

    private static final AppCertificate CERTIFICATE = AppCertificate.of("5CFd2fd1755d40ecb72977518be15d3b");

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @FuzzTest(maxDuration = FUZZ_DURATION)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse006(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);

        assertThat(allocatedBytesOfSecondRun(() -> parseAndCheck006(text))).isLessThan(MAX_ALLOCATED_BYTES);
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse007(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);

        assertThat(allocatedBytesOfSecondRun(() -> parseAndCheck007(text))).isLessThan(MAX_ALLOCATED_BYTES);
    }

    /** Reaches the 006 field parser with arbitrary content behind a valid prefix and canonical Base64. */
    @FuzzTest(maxDuration = FUZZ_DURATION)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse006Content(byte[] content) {
        String text = TokenEncoding.prefixAndBase64(Token006.VERSION, APP_ID, content);

        assertThat(allocatedBytesOfSecondRun(() -> parseAndCheck006(text))).isLessThan(MAX_ALLOCATED_BYTES);
    }

    /** Reaches the 007 field parser with arbitrary content, compressed as the builder compresses it. */
    @FuzzTest(maxDuration = FUZZ_DURATION)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse007Content(byte[] content) {
        String text = TokenEncoding.prefixAndBase64(Token007.VERSION, null,
                TokenEncoding.deflate(content, 0, content.length));

        assertThat(allocatedBytesOfSecondRun(() -> parseAndCheck007(text))).isLessThan(MAX_ALLOCATED_BYTES);
    }

    private static void parseAndCheck006(String text) {
        try {
            Token006 token = Token006.parse(text);
            token.verify(CERTIFICATE, "alice", "");
            token.channelNameMatches(text);

            assertThat(token.signature().length + token.message().length).isLessThanOrEqualTo(text.length());
        }
        catch (MalformedTokenException ex) {
            assertMessageHidesBody(ex, text, 3 + AppCertificate.LENGTH);
        }
    }

    private static void parseAndCheck007(String text) {
        try {
            Token007 token = Token007.parse(text);
            token.verify(CERTIFICATE);
            token.service(ServiceType.RTM).map(rtm -> rtm.stringField("userId"));

            assertThat(token.signature().length + token.signingInfo().length)
                    .isLessThanOrEqualTo(TokenEncoding.MAX_INFLATED_BYTES);
            assertThat(token.services().size()).isLessThanOrEqualTo(token.serviceCount());
        }
        catch (MalformedTokenException ex) {
            assertMessageHidesBody(ex, text, Token007.VERSION.length());
        }
    }

    /**
     * Bytes the current thread allocates for the second of two runs: the first pays for class loading and
     * compilation, the second only for the input.
     */
    private static long allocatedBytesOfSecondRun(Runnable check) {
        check.run();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        check.run();
        return THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
    }

    /** A rejection names what is wrong, never the token: no 16-character run of its body appears in the message. */
    private static void assertMessageHidesBody(MalformedTokenException ex, String token, int bodyOffset) {
        if (token.length() >= bodyOffset + 16) {
            assertThat(ex.getMessage()).doesNotContain(token.substring(bodyOffset, bodyOffset + 16));
        }
    }
}
