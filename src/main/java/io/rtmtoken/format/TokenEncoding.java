package io.rtmtoken.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import io.rtmtoken.format.MalformedTokenException.Reason;

/** The text and compression layers shared by both token versions, bounded for untrusted input. */
final class TokenEncoding {

    /** Longest token string accepted for parsing; real RTM tokens are under 300 characters. */
    static final int MAX_TOKEN_LENGTH = 4096;

    /** Largest inflated 007 content accepted; real RTM tokens inflate to under 200 bytes. */
    static final int MAX_INFLATED_BYTES = 4096;

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(Deflater::new);

    private TokenEncoding() {
    }

    /** Returns the version, the App ID (when not null) and the standard, padded Base64 of the content. */
    static String prefixAndBase64(String version, String appId, byte[] content) {
        BuildBuffers buffers = BuildBuffers.get();
        int encodedLength = 4 * ((content.length + 2) / 3);
        byte[] encoded = buffers.encoded(encodedLength);
        BASE64.encode(content, encoded);

        int prefixLength = version.length() + (appId == null ? 0 : appId.length());
        byte[] text = buffers.text(prefixLength + encodedLength);
        PackWriter writer = new PackWriter(text, 0).putUtf8(version);
        if (appId != null) {
            writer.putUtf8(appId);
        }
        writer.putRaw(encoded, 0, encodedLength);
        return new String(text, 0, writer.position(), StandardCharsets.ISO_8859_1);
    }

    static void requireVersion(String token, String version) {
        if (token == null || token.isEmpty()) {
            throw new MalformedTokenException(Reason.TRUNCATED, "the token is empty");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new MalformedTokenException(Reason.TOO_LONG,
                    "the token has " + token.length() + " characters, more than the " + MAX_TOKEN_LENGTH + " allowed");
        }
        if (!token.startsWith(version)) {
            throw new MalformedTokenException(Reason.BAD_VERSION, "the token does not start with " + version);
        }
    }

    /** Decodes standard, padded Base64 from the offset on, accepting only its canonical form. */
    static byte[] decodeBase64(String token, int offset) {
        String text = token.substring(offset);
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        }
        catch (IllegalArgumentException ex) {
            throw new MalformedTokenException(Reason.NOT_BASE64,
                    "the token's body is not standard Base64: " + ex.getMessage());
        }
        if (!BASE64.encodeToString(decoded).equals(text)) {
            throw new MalformedTokenException(Reason.NOT_BASE64, "the token's body is not canonical Base64");
        }
        return decoded;
    }

    /** Compresses part of a buffer with zlib at the default level, as Agora's reference builders do. */
    static byte[] deflate(byte[] content, int offset, int lengthInBytes) {
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(content, offset, lengthInBytes);
        deflater.finish();

        byte[] buffer = BuildBuffers.get().deflated(lengthInBytes + 64);
        int length = 0;
        while (!deflater.finished()) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            length += deflater.deflate(buffer, length, buffer.length - length);
        }
        return Arrays.copyOf(buffer, length);
    }

    /** Inflates a zlib stream, refusing output beyond {@link #MAX_INFLATED_BYTES} and bytes after the stream. */
    static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] buffer = new byte[MAX_INFLATED_BYTES + 1];
            int length = 0;
            while (!inflater.finished() && length < buffer.length) {
                int inflated = inflater.inflate(buffer, length, buffer.length - length);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new MalformedTokenException(Reason.TRUNCATED, "the token's zlib stream is truncated");
                }
                length += inflated;
            }
            if (length > MAX_INFLATED_BYTES) {
                throw new MalformedTokenException(Reason.INFLATED_TOO_LARGE,
                        "the token inflates to more than " + MAX_INFLATED_BYTES + " bytes");
            }
            if (inflater.getRemaining() > 0) {
                throw new MalformedTokenException(Reason.TRAILING_BYTES,
                        inflater.getRemaining() + " unexpected bytes after the token's zlib stream");
            }
            return Arrays.copyOf(buffer, length);
        }
        catch (DataFormatException ex) {
            throw new MalformedTokenException(Reason.NOT_ZLIB, "the token's body is not a valid zlib stream");
        }
        finally {
            inflater.end();
        }
    }
}
