package io.rtmtoken.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.rtmtoken.format.MalformedTokenException.Reason;

class Token007Test {

    private static final String APP_ID = "0123456789abcdef0123456789abcdef";

    private static final AppCertificate CERTIFICATE = AppCertificate.of("fedcba9876543210fedcba9876543210");

    static List<TokenVectors> vectors() {
        return TokenVectors.load();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void buildWhenVectorInputsThenInflatedContentIsTheVector(TokenVectors vector) {
        String token = RtmTokens.build007(vector.appId(), vector.certificate(), vector.userAccount(),
                vector.issueTs(), vector.expire(), vector.salt());

        assertThat(HexFormat.of().formatHex(inflated(token))).isEqualTo(vector.token007InflatedHex());
        assertThat(HexFormat.of().formatHex(inflated(vector.token007()))).isEqualTo(vector.token007InflatedHex());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void parseWhenVectorTokenThenFieldsAndSignatureCheckOut(TokenVectors vector) {
        Token007 token = Token007.parse(vector.token007());

        assertThat(token.appId()).isEqualTo(vector.appId());
        assertThat(token.issueTs()).isEqualTo(vector.issueTs());
        assertThat(token.expireSeconds()).isEqualTo(vector.expire());
        assertThat(token.salt()).isEqualTo(vector.salt());
        assertThat(token.serviceCount()).isEqualTo(1);
        assertThat(token.service(ServiceType.RTM)).hasValueSatisfying(rtm -> {
            assertThat(rtm.stringField("userId")).isEqualTo(vector.userAccount());
            assertThat(rtm.privileges()).containsExactly(Map.entry(1, vector.expire()));
        });
        assertThat(token.verify(vector.certificate())).isTrue();
    }

    @Test
    void parseWhenSameTokenTwiceThenEqualAndOtherSaltNot() {
        String token = RtmTokens.build007(APP_ID, CERTIFICATE, "alice", 1764547200, 3600, 42);
        String otherSalt = RtmTokens.build007(APP_ID, CERTIFICATE, "alice", 1764547200, 3600, 43);

        assertThat(Token007.parse(token)).isEqualTo(Token007.parse(token))
                .hasSameHashCodeAs(Token007.parse(token)).isNotEqualTo(Token007.parse(otherSalt));
    }

    @Test
    void verifyWhenWrongCertificateThenFalse() {
        String token = RtmTokens.build007(APP_ID, CERTIFICATE, "alice", 1764547200, 3600, 42);

        assertThat(Token007.parse(token).verify(AppCertificate.of("fedcba9876543210fedcba9876543211"))).isFalse();
    }

    @Test
    void parseWhenOtherServicesThenTheyAreReadWithTheirFields() {
        Service rtc = new Service(1, new java.util.TreeMap<>(Map.of(1, 600L, 2, 600L)),
                orderedFields("channelName", "room-1", "uid", "42"));
        Service chat = new Service(5, new java.util.TreeMap<>(Map.of(1, 600L)), Map.of("userId", "bob"));
        String token = Token007.build(APP_ID, CERTIFICATE, 1764547200, 600, 7,
                List.of(chat, Service.rtm("bob", 600), rtc));

        Token007 parsed = Token007.parse(token);

        assertThat(parsed.services()).extracting(Service::type).containsExactly(1, 2, 5);
        assertThat(parsed.service(ServiceType.RTC)).hasValueSatisfying(service -> assertThat(service.fields())
                .containsExactly(Map.entry("channelName", "room-1"), Map.entry("uid", "42")));
        assertThat(parsed.verify(CERTIFICATE)).isTrue();
    }

    @Test
    void parseWhenRtm2PermissionsAndApaasThenRoundTrip() {
        Map<Integer, Map<Integer, List<String>>> permissions = Map.of(0, Map.of(0, List.of("lobby", "news"),
                1, List.of("lobby")), 4, Map.of(0, List.of()));
        Map<String, Object> rtm2Fields = new java.util.LinkedHashMap<>();
        rtm2Fields.put("userId", "dave");
        rtm2Fields.put("permissions", permissions);
        Map<String, Object> apaasFields = new java.util.LinkedHashMap<>();
        apaasFields.put("roomUuid", "room");
        apaasFields.put("userUuid", "dave-uuid");
        apaasFields.put("role", -1);
        String token = Token007.build(APP_ID, CERTIFICATE, 1764547200, 600, 7, List.of(
                new Service(8, new java.util.TreeMap<>(Map.of(1, 600L)), rtm2Fields),
                new Service(7, new java.util.TreeMap<>(Map.of(2, 600L)), apaasFields)));

        Token007 parsed = Token007.parse(token);

        assertThat(parsed.services()).extracting(Service::type).containsExactly(7, 8);
        assertThat(parsed.service(ServiceType.RTM2)).hasValueSatisfying(
                rtm2 -> assertThat(rtm2.fields()).isEqualTo(rtm2Fields));
        assertThat(parsed.service(ServiceType.APAAS)).hasValueSatisfying(
                apaas -> assertThat(apaas.fields()).containsEntry("role", -1));
        assertThat(parsed.verify(CERTIFICATE)).isTrue();
    }

    @Test
    void parseWhenRtm2ResourceCountRunsPastTheEndThenRejected() {
        Map<String, Object> rtm2Fields = new java.util.LinkedHashMap<>();
        rtm2Fields.put("userId", "dave");
        rtm2Fields.put("permissions", Map.of(0, Map.of(0, List.of("x"))));
        byte[] content = inflated(Token007.build(APP_ID, CERTIFICATE, 1764547200, 600, 7,
                List.of(new Service(8, new java.util.TreeMap<>(Map.of(1, 600L)), rtm2Fields))));
        int resourceCountOffset = content.length - 5;
        content[resourceCountOffset] = (byte) 0xFF;
        content[resourceCountOffset + 1] = (byte) 0xFF;
        String token = "007" + Base64.getEncoder().encodeToString(deflated(content));

        assertThatThrownBy(() -> Token007.parse(token))
                .isInstanceOfSatisfying(MalformedTokenException.class, ex -> assertThat(ex.reason())
                        .isIn(Reason.TRUNCATED, Reason.LENGTH_PAST_END));
    }

    @Test
    void parseWhenUnknownServiceTypeThenListedByNumberAndStillVerifiable() {
        byte[] content = inflated(RtmTokens.build007(APP_ID, CERTIFICATE, "alice", 1764547200, 3600, 42));
        int serviceTypeOffset = 2 + 32 + 2 + 32 + 12 + 2;
        content[serviceTypeOffset] = 9;
        String token = "007" + Base64.getEncoder().encodeToString(deflated(content));

        Token007 parsed = Token007.parse(token);

        assertThat(parsed.services()).extracting(Service::type).containsExactly(9);
        assertThat(parsed.verify(CERTIFICATE)).isFalse();
    }

    @Test
    void parseWhenTruncatedContentThenTruncatedOrPastTheEnd() {
        byte[] content = inflated(RtmTokens.build007(APP_ID, CERTIFICATE, "alice", 1764547200, 3600, 42));

        for (int length = 0; length < content.length; length++) {
            String token = "007" + Base64.getEncoder().encodeToString(deflated(Arrays.copyOf(content, length)));

            assertThatThrownBy(() -> Token007.parse(token))
                    .isInstanceOfSatisfying(MalformedTokenException.class, ex -> assertThat(ex.reason())
                            .isIn(Reason.TRUNCATED, Reason.LENGTH_PAST_END));
        }
    }

    @Test
    void parseWhenZlibStreamCutThenTruncated() {
        byte[] compressed = Base64.getDecoder().decode(
                RtmTokens.build007(APP_ID, CERTIFICATE, "alice", 1764547200, 3600, 42).substring(3));
        String token = "007" + Base64.getEncoder().encodeToString(Arrays.copyOf(compressed, compressed.length - 6));

        assertThatThrownBy(() -> Token007.parse(token))
                .isInstanceOfSatisfying(MalformedTokenException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void parseWhenInflatesBeyondTheBoundThenRejected() {
        String zipBomb = "007" + Base64.getEncoder().encodeToString(deflated(new byte[1_000_000]));

        assertThat(zipBomb.length()).isLessThan(TokenEncoding.MAX_TOKEN_LENGTH);
        assertThatThrownBy(() -> Token007.parse(zipBomb))
                .isInstanceOfSatisfying(MalformedTokenException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.INFLATED_TOO_LARGE));
    }

    @Test
    void parseWhenNotZlibThenRejected() {
        assertThatThrownBy(() -> Token007.parse("007" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})))
                .isInstanceOfSatisfying(MalformedTokenException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.NOT_ZLIB));
    }

    @Test
    void parseWhenAnyCharacterChangedThenMalformedOrUnverifiable() {
        String token = RtmTokens.build007(APP_ID, CERTIFICATE, "alice", 1764547200, 3600, 42);

        for (int index = 0; index < token.length(); index++) {
            char replacement = token.charAt(index) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, index) + replacement + token.substring(index + 1);

            assertThat(verifies(tampered) && Arrays.equals(inflatedOrEmpty(tampered), inflated(token)))
                    .as("character %d changed", index).isFalse();
        }
    }

    private static boolean verifies(String token) {
        try {
            return Token007.parse(token).verify(CERTIFICATE);
        }
        catch (MalformedTokenException ex) {
            return false;
        }
    }

    private static Map<String, Object> orderedFields(String firstName, String first, String secondName,
            String second) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put(firstName, first);
        fields.put(secondName, second);
        return fields;
    }

    private static byte[] inflatedOrEmpty(String token) {
        try {
            return inflated(token);
        }
        catch (RuntimeException ex) {
            return new byte[0];
        }
    }

    static byte[] inflated(String token) {
        return TokenEncoding.inflate(Base64.getDecoder().decode(token.substring(3)));
    }

    static byte[] deflated(byte[] content) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, new Deflater(9))) {
            out.write(content);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return compressed.toByteArray();
    }
}
