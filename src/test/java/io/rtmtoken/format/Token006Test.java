package io.rtmtoken.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.rtmtoken.format.MalformedTokenException.Reason;

class Token006Test {

    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";

    private static final AppCertificate CERTIFICATE = AppCertificate.of("5CFd2fd1755d40ecb72977518be15d3b");

    /** The generic AccessToken vector published in AgoraIO/Tools (join-channel privilege). */
    private static final String AGORA_TOOLS_TOKEN = "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3"
            + "Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW";

    static List<TokenVectors> vectors() {
        return TokenVectors.load();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void buildWhenVectorInputsThenTokenIsByteForByteTheVector(TokenVectors vector) {
        String token = RtmTokens.build006(vector.appId(), vector.certificate(), vector.userAccount(), vector.salt(),
                vector.ts(), vector.privilegeExpiredTs());

        assertThat(token).isEqualTo(vector.token006());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void parseWhenVectorTokenThenFieldsAndSignatureCheckOut(TokenVectors vector) {
        Token006 token = Token006.parse(vector.token006());

        assertThat(token.appId()).isEqualTo(vector.appId());
        assertThat(token.salt()).isEqualTo(vector.salt());
        assertThat(token.expireTs()).isEqualTo(vector.ts());
        assertThat(token.privileges()).containsExactly(Map.entry(1000, vector.privilegeExpiredTs()));
        assertThat(token.channelNameMatches(vector.userAccount())).isTrue();
        assertThat(token.uidCrc()).isEqualTo(0L);
        assertThat(token.verify(vector.certificate(), vector.userAccount(), "")).isTrue();
    }

    @Test
    void buildWhenAgoraToolsInputsThenTokenIsThePublishedOne() {
        TreeMap<Integer, Long> privileges = new TreeMap<>(Map.of(1, 1446455471L));

        String token = Token006.build(APP_ID, CERTIFICATE, "7d72365eb983485397e3e3f9d460bdda", "2882341273", 1,
                1111111, privileges);

        assertThat(token).isEqualTo(AGORA_TOOLS_TOKEN);
    }

    @Test
    void parseWhenSameTokenTwiceThenEqualAndOtherTokenNot() {
        assertThat(Token006.parse(AGORA_TOOLS_TOKEN)).isEqualTo(Token006.parse(AGORA_TOOLS_TOKEN))
                .hasSameHashCodeAs(Token006.parse(AGORA_TOOLS_TOKEN))
                .isNotEqualTo(Token006.parse(vectors().get(0).token006()));
    }

    @Test
    void verifyWhenWrongCertificateThenFalse() {
        Token006 token = Token006.parse(AGORA_TOOLS_TOKEN);

        assertThat(token.verify(AppCertificate.of("5CFd2fd1755d40ecb72977518be15d3c"),
                "7d72365eb983485397e3e3f9d460bdda", "2882341273")).isFalse();
        assertThat(token.verify(CERTIFICATE, "7d72365eb983485397e3e3f9d460bdda", "2882341273")).isTrue();
    }

    @Test
    void verifyWhenOtherAccountThenFalse() {
        Token006 token = Token006.parse(AGORA_TOOLS_TOKEN);

        assertThat(token.channelNameMatches("someone-else")).isFalse();
        assertThat(token.verify(CERTIFICATE, "someone-else", "2882341273")).isFalse();
    }

    @Test
    void parseWhenTruncatedThenTruncatedOrPastTheEnd() {
        byte[] content = Base64.getDecoder().decode(AGORA_TOOLS_TOKEN.substring(35));

        for (int length = 0; length < content.length; length++) {
            byte[] shortened = java.util.Arrays.copyOf(content, length);
            String token = "006" + APP_ID + Base64.getEncoder().encodeToString(shortened);

            assertThatThrownBy(() -> Token006.parse(token))
                    .isInstanceOfSatisfying(MalformedTokenException.class, ex -> assertThat(ex.reason())
                            .isIn(Reason.TRUNCATED, Reason.LENGTH_PAST_END));
        }
    }

    @Test
    void parseWhenLengthPrefixRunsPastTheEndThenRejectedNamingTheOffset() {
        byte[] content = Base64.getDecoder().decode(AGORA_TOOLS_TOKEN.substring(35));
        content[0] = (byte) 0xFF;
        String token = "006" + APP_ID + Base64.getEncoder().encodeToString(content);

        assertThatThrownBy(() -> Token006.parse(token))
                .isInstanceOfSatisfying(MalformedTokenException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.LENGTH_PAST_END))
                .hasMessageContaining("length prefix of 255 bytes at offset 0");
    }

    @Test
    void parseWhenNotATokenThenReasonSaysWhy() {
        assertThatThrownBy(() -> Token006.parse("007abc")).hasMessageContaining("does not start with 006");
        assertThatThrownBy(() -> Token006.parse("006" + "z".repeat(32) + "AAAA"))
                .isInstanceOfSatisfying(MalformedTokenException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.BAD_APP_ID));
        assertThatThrownBy(() -> Token006.parse("006" + APP_ID + "!!!!"))
                .isInstanceOfSatisfying(MalformedTokenException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.NOT_BASE64));
        assertThatThrownBy(() -> Token006.parse("006" + APP_ID + "A".repeat(5000)))
                .isInstanceOfSatisfying(MalformedTokenException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.TOO_LONG));
    }

    @Test
    void parseWhenTrailingBytesThenRejected() {
        byte[] content = Base64.getDecoder().decode(AGORA_TOOLS_TOKEN.substring(35));
        byte[] longer = java.util.Arrays.copyOf(content, content.length + 1);
        String token = "006" + APP_ID + Base64.getEncoder().encodeToString(longer);

        assertThatThrownBy(() -> Token006.parse(token))
                .isInstanceOfSatisfying(MalformedTokenException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.TRAILING_BYTES));
    }

    @Test
    void parseWhenAnyCharacterChangedThenMalformedOrUnverifiable() {
        for (int index = 0; index < AGORA_TOOLS_TOKEN.length(); index++) {
            char replacement = AGORA_TOOLS_TOKEN.charAt(index) == 'A' ? 'B' : 'A';
            String tampered = AGORA_TOOLS_TOKEN.substring(0, index) + replacement
                    + AGORA_TOOLS_TOKEN.substring(index + 1);

            assertThat(verifiesAsPublished(tampered)).as("character %d changed", index).isFalse();
        }
    }

    private static boolean verifiesAsPublished(String token) {
        try {
            return Token006.parse(token).verify(CERTIFICATE, "7d72365eb983485397e3e3f9d460bdda", "2882341273");
        }
        catch (MalformedTokenException ex) {
            return false;
        }
    }
}
