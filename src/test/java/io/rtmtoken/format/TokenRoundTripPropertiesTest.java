package io.rtmtoken.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.rtmtoken.IndependentTokenCheck;

/**
 * Build, parse and verify over arbitrary valid inputs: every token round-trips, the independent JCA check accepts
 * it, and no single-character change goes unnoticed. Inputs come from a seeded generator, so a failure names a case
 * that reproduces.
 */
class TokenRoundTripPropertiesTest {

    /** Cases per property. */
    private static final int TRIES = 1000;

    private static final long SEED = 0x5EED_0007L;

    /** Agora's RTM user ID alphabet. */
    static final String USER_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + " !#$%&()+-:;<=.>?@[]^_{}|~,";

    private static final String BASE64_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    private static final long MAX_UINT32 = 0xFFFF_FFFFL;

    /** Latest issue time whose 006 expiry field (issue time + 24 h + lifetime) still fits in a uint32. */
    private static final long LATEST_ISSUE_TS = MAX_UINT32 - 2 * RtmTokens.TOKEN_006_TS_OFFSET_SECONDS;

    @ParameterizedTest
    @MethodSource("inputs006")
    void build006WhenAnyValidInputThenParsesBackAndBothVerifiersAccept(String appId, String certificate, String user,
            long salt, long issueTs, long lifetimeSeconds) {
        long expireTs = issueTs + RtmTokens.TOKEN_006_TS_OFFSET_SECONDS;
        String token = RtmTokens.build006(appId, AppCertificate.of(certificate), user, salt, expireTs,
                issueTs + lifetimeSeconds);

        Token006 parsed = Token006.parse(token);

        assertThat(parsed.appId()).isEqualTo(appId);
        assertThat(parsed.salt()).isEqualTo(salt);
        assertThat(parsed.expireTs()).isEqualTo(expireTs);
        assertThat(parsed.privileges()).containsExactly(Map.entry(Token006.PRIVILEGE_RTM_LOGIN,
                issueTs + lifetimeSeconds));
        assertThat(parsed.channelNameMatches(user)).isTrue();
        assertThat(parsed.verify(AppCertificate.of(certificate), user, "")).isTrue();
        assertThat(IndependentTokenCheck.verifies006(token, appId, certificate, user)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("inputs007")
    void build007WhenAnyValidInputThenParsesBackAndBothVerifiersAccept(String appId, String certificate, String user,
            long salt, long issueTs, long lifetimeSeconds) {
        String token = RtmTokens.build007(appId, AppCertificate.of(certificate), user, issueTs, lifetimeSeconds, salt);

        Token007 parsed = Token007.parse(token);

        assertThat(parsed.appId()).isEqualTo(appId);
        assertThat(parsed.issueTs()).isEqualTo(issueTs);
        assertThat(parsed.expireSeconds()).isEqualTo(lifetimeSeconds);
        assertThat(parsed.salt()).isEqualTo(salt);
        assertThat(parsed.services()).containsExactly(Service.rtm(user, lifetimeSeconds));
        assertThat(parsed.verify(AppCertificate.of(certificate))).isTrue();
        assertThat(IndependentTokenCheck.verifies007(token, certificate)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("tampered006")
    void verify006WhenAnySingleCharacterChangedThenRejected(Issued006 issued, double where, char replacement) {
        String tampered = replaceAt(issued.token(), where, replacement);

        assertThat(tampered).isNotEqualTo(issued.token());
        assertThat(accepts006(tampered, issued)).as(tampered).isFalse();
    }

    /**
     * A change that leaves the inflated content identical is not tampering: the signature covers the content, and
     * the unused padding bits of the last deflate byte carry none (README, known limitations).
     */
    @ParameterizedTest
    @MethodSource("tampered007")
    void verify007WhenAnySingleCharacterChangesTheContentThenRejected(Issued007 issued, double where,
            char replacement) {
        String tampered = replaceAt(issued.token(), where, replacement);
        boolean accepted = accepts007(tampered, issued.certificate());

        assertThat(tampered).isNotEqualTo(issued.token());
        if (accepted) {
            assertThat(IndependentTokenCheck.inflated007(tampered)).as(tampered)
                    .isEqualTo(IndependentTokenCheck.inflated007(issued.token()));
        }
    }

    static Stream<Arguments> inputs006() {
        SplittableRandom random = new SplittableRandom(SEED);
        return Stream.generate(() -> Arguments.of(hex32(random), hex32(random),
                user(random), random.nextLong(MAX_UINT32 + 1), random.nextLong(LATEST_ISSUE_TS + 1),
                random.nextLong(1, 86_401))).limit(TRIES);
    }

    static Stream<Arguments> inputs007() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        return Stream.generate(() -> Arguments.of(hex32(random), hex32(random),
                user(random), random.nextLong(MAX_UINT32 + 1), random.nextLong(MAX_UINT32 + 1),
                random.nextLong(1, 86_401))).limit(TRIES);
    }

    static Stream<Arguments> tampered006() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        return Stream.generate(() -> {
            String certificate = hex32(random);
            String user = user(random);
            long issueTs = random.nextLong(1_600_000_000L, 2_000_000_001L);
            String token = RtmTokens.build006(hex32(random), AppCertificate.of(certificate), user,
                    random.nextLong(1, 100_000_000), issueTs + RtmTokens.TOKEN_006_TS_OFFSET_SECONDS, issueTs + 3600);
            return Arguments.of(new Issued006(token, certificate, user),
                    position(random), replacement(random));
        }).limit(TRIES);
    }

    static Stream<Arguments> tampered007() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        return Stream.generate(() -> {
            String certificate = hex32(random);
            String token = RtmTokens.build007(hex32(random), AppCertificate.of(certificate), user(random),
                    random.nextLong(1_600_000_000L, 2_000_000_001L), 3600, random.nextLong(1, 100_000_000));
            return Arguments.of(new Issued007(token, certificate),
                    position(random), replacement(random));
        }).limit(TRIES);
    }

    /** A user ID from Agora's alphabet, 1 to 64 characters, not only spaces. */
    static String user(SplittableRandom random) {
        String user;
        do {
            user = randomString(random, USER_CHARACTERS, random.nextInt(1, 65));
        } while (user.isBlank());
        return user;
    }

    /** Where to change a token, as a fraction of its length; the ends are drawn often. */
    private static double position(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> 0.0;
            case 1 -> 0.9999;
            default -> random.nextDouble();
        };
    }

    /** Mostly characters that keep the token well-formed Base64, so the change reaches the signature check. */
    private static char replacement(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> "0123456789abcdefABCDEF".charAt(random.nextInt(22));
            case 1 -> (char) random.nextInt(0x10000);
            default -> BASE64_CHARACTERS.charAt(random.nextInt(BASE64_CHARACTERS.length()));
        };
    }

    private static String hex32(SplittableRandom random) {
        return randomString(random, "0123456789abcdefABCDEF", AppCertificate.LENGTH);
    }

    private static String randomString(SplittableRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Replaces the character at the fractional position, picking the next one when the replacement is equal. */
    private static String replaceAt(String token, double where, char replacement) {
        int index = (int) (where * token.length());
        char[] characters = token.toCharArray();
        characters[index] = characters[index] == replacement ? (char) (replacement + 1) : replacement;
        return new String(characters);
    }

    private static boolean accepts006(String token, Issued006 issued) {
        try {
            return Token006.parse(token).verify(AppCertificate.of(issued.certificate()), issued.user(), "");
        }
        catch (MalformedTokenException ex) {
            return false;
        }
    }

    private static boolean accepts007(String token, String certificate) {
        try {
            return Token007.parse(token).verify(AppCertificate.of(certificate));
        }
        catch (MalformedTokenException ex) {
            return false;
        }
    }

    record Issued006(String token, String certificate, String user) {
    }

    record Issued007(String token, String certificate) {
    }
}
