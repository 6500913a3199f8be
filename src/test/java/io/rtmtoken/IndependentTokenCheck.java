package io.rtmtoken;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.InflaterInputStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks RTM token signatures from their bytes with plain JCA, following Agora's published layout without the
 * project's parser, so a shared mistake in packing and parsing cannot hide.
 */
public final class IndependentTokenCheck {

    private static final int PREFIX_006_LENGTH = 3 + 32;

    private IndependentTokenCheck() {
    }

    /** Tells whether a 006 RTM token for the user account carries the certificate's signature. */
    public static boolean verifies006(String token, String appId, String certificate, String userAccount) {
        ByteBuffer content = ByteBuffer.wrap(Base64.getDecoder().decode(token.substring(PREFIX_006_LENGTH)))
                .order(ByteOrder.LITTLE_ENDIAN);
        byte[] signature = new byte[content.getShort()];
        content.get(signature);
        content.position(content.position() + 8);
        byte[] message = new byte[content.getShort()];
        content.get(message);

        byte[] signed = concat((appId + userAccount).getBytes(StandardCharsets.UTF_8), message);
        byte[] expected = hmac(certificate.getBytes(StandardCharsets.US_ASCII), signed);
        return MessageDigest.isEqual(expected, signature);
    }

    /** Tells whether a 007 token carries the certificate's signature. */
    public static boolean verifies007(String token, String certificate) {
        byte[] content = inflated007(token);
        ByteBuffer buffer = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        byte[] signature = new byte[buffer.getShort()];
        buffer.get(signature);
        byte[] signingInfo = Arrays.copyOfRange(content, buffer.position(), content.length);

        ByteBuffer fields = ByteBuffer.wrap(signingInfo).order(ByteOrder.LITTLE_ENDIAN);
        fields.position(2 + fields.getShort());
        byte[] issueTs = new byte[4];
        fields.get(issueTs);
        fields.position(fields.position() + 4);
        byte[] salt = new byte[4];
        fields.get(salt);

        byte[] signingKey = hmac(salt, hmac(issueTs, certificate.getBytes(StandardCharsets.US_ASCII)));
        return MessageDigest.isEqual(hmac(signingKey, signingInfo), signature);
    }

    /** The zlib-inflated content of a 007 token (signature and signed fields). */
    public static byte[] inflated007(String token) {
        byte[] compressed = Base64.getDecoder().decode(token.substring(3));
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
