package io.rtmtoken.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

import io.rtmtoken.IndependentTokenCheck;

/**
 * Build, parse and verify over arbitrary valid inputs: every token round-trips, the independent JCA check accepts
 * it, and no single-character change goes unnoticed.
 */
class TokenRoundTripPropertiesTest {

    /** Agora's RTM user ID alphabet. */
    static final String USER_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + " !#$%&()+-:;<=.>?@[]^_{}|~,";

    private static final String BASE64_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    private static final long MAX_UINT32 = 0xFFFF_FFFFL;

    /** Latest issue time whose 006 expiry field (issue time + 24 h + lifetime) still fits in a uint32. */
    private static final long LATEST_ISSUE_TS = MAX_UINT32 - 2 * RtmTokens.TOKEN_006_TS_OFFSET_SECONDS;

    @Property
    void build006WhenAnyValidInputThenParsesBackAndBothVerifiersAccept(@ForAll("appIds") String appId,
            @ForAll("certificates") String certificate, @ForAll("users") String user,
            @ForAll @LongRange(max = MAX_UINT32) long salt, @ForAll @LongRange(max = LATEST_ISSUE_TS) long issueTs,
            @ForAll @LongRange(min = 1, max = 86_400) long lifetimeSeconds) {
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

    @Property
    void build007WhenAnyValidInputThenParsesBackAndBothVerifiersAccept(@ForAll("appIds") String appId,
            @ForAll("certificates") String certificate, @ForAll("users") String user,
            @ForAll @LongRange(max = MAX_UINT32) long salt, @ForAll @LongRange(max = MAX_UINT32) long issueTs,
            @ForAll @LongRange(min = 1, max = 86_400) long lifetimeSeconds) {
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

    @Property
    void verify006WhenAnySingleCharacterChangedThenRejected(@ForAll("tokens006") Issued006 issued,
            @ForAll("positions") double where, @ForAll("replacements") char replacement) {
        String tampered = replaceAt(issued.token(), where, replacement);

        assertThat(tampered).isNotEqualTo(issued.token());
        assertThat(accepts006(tampered, issued)).as(tampered).isFalse();
    }

    /**
     * A change that leaves the inflated content identical is not tampering: the signature covers the content, and
     * the unused padding bits of the last deflate byte carry none (README, known limitations).
     */
    @Property
    void verify007WhenAnySingleCharacterChangesTheContentThenRejected(@ForAll("tokens007") Issued007 issued,
            @ForAll("positions") double where, @ForAll("replacements") char replacement) {
        String tampered = replaceAt(issued.token(), where, replacement);
        boolean accepted = accepts007(tampered, issued.certificate());

        assertThat(tampered).isNotEqualTo(issued.token());
        if (accepted) {
            assertThat(IndependentTokenCheck.inflated007(tampered)).as(tampered)
                    .isEqualTo(IndependentTokenCheck.inflated007(issued.token()));
        }
    }

    @Provide
    Arbitrary<String> appIds() {
        return hex32();
    }

    @Provide
    Arbitrary<String> certificates() {
        return hex32();
    }

    @Provide
    Arbitrary<String> users() {
        return Arbitraries.strings().withChars(USER_CHARACTERS).ofMinLength(1).ofMaxLength(64)
                .filter(user -> !user.isBlank());
    }

    @Provide
    Arbitrary<Issued006> tokens006() {
        return Combinators.combine(appIds(), certificates(), users(), Arbitraries.longs().between(1, 99_999_999),
                Arbitraries.longs().between(1_600_000_000L, 2_000_000_000L)).as((appId, certificate, user, salt,
                        issueTs) -> new Issued006(RtmTokens.build006(appId, AppCertificate.of(certificate), user, salt,
                                issueTs + RtmTokens.TOKEN_006_TS_OFFSET_SECONDS, issueTs + 3600), certificate, user));
    }

    @Provide
    Arbitrary<Issued007> tokens007() {
        return Combinators.combine(appIds(), certificates(), users(), Arbitraries.longs().between(1, 99_999_999),
                Arbitraries.longs().between(1_600_000_000L, 2_000_000_000L)).as((appId, certificate, user, salt,
                        issueTs) -> new Issued007(RtmTokens.build007(appId, AppCertificate.of(certificate), user,
                                issueTs, 3600, salt), certificate));
    }

    /** Where to change a token, as a fraction of its length, so every position can be hit. */
    @Provide
    Arbitrary<Double> positions() {
        return Arbitraries.doubles().between(0, true, 1, false).withSpecialValue(0.0).withSpecialValue(0.9999);
    }

    /** Mostly characters that keep the token well-formed Base64, so the change reaches the signature check. */
    @Provide
    Arbitrary<Character> replacements() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.chars().with(BASE64_CHARACTERS.toCharArray())),
                Tuple.of(1, Arbitraries.chars().with("0123456789abcdefABCDEF".toCharArray())),
                Tuple.of(1, Arbitraries.chars()));
    }

    private static Arbitrary<String> hex32() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(AppCertificate.LENGTH);
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
