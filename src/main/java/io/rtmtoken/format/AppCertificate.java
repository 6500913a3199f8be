package io.rtmtoken.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;

/**
 * An Agora App Certificate: 32 hexadecimal characters whose ASCII bytes key HMAC-SHA256.
 *
 * <p>The value never leaves this class: {@link #toString()} and {@link #fingerprint()} show only the first
 * 8 hex characters of its SHA-256.
 */
public final class AppCertificate {

    /** Length of an App ID or App Certificate in characters. */
    public static final int LENGTH = 32;

    private final byte[] asciiBytes;

    private final String fingerprint;

    private final Mac keyedPrototype;

    private final ThreadLocal<Mac> keyedPerThread;

    private AppCertificate(byte[] asciiBytes) {
        this.asciiBytes = asciiBytes;
        this.fingerprint = HexFormat.of().formatHex(sha256(asciiBytes), 0, 4);
        this.keyedPrototype = HmacSha256.keyed(asciiBytes);
        this.keyedPerThread = ThreadLocal.withInitial(() -> HmacSha256.cloneOf(keyedPrototype));
    }

    /**
     * Returns the certificate for 32 hexadecimal characters.
     *
     * @throws IllegalArgumentException naming the rule but not the value, when the value is malformed
     */
    public static AppCertificate of(String value) {
        if (!isHex32(value)) {
            throw new IllegalArgumentException("an App Certificate must be " + LENGTH + " hexadecimal characters"
                    + (value == null ? "" : ", got " + value.length() + " characters"));
        }
        return new AppCertificate(value.getBytes(StandardCharsets.US_ASCII));
    }

    /** Tells whether a value has the shape of an Agora App ID or App Certificate: 32 hex characters. */
    public static boolean isHex32(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** First 8 hex characters of the SHA-256 of the certificate, safe to show to operators. */
    public String fingerprint() {
        return fingerprint;
    }

    /** HMAC-SHA256 keyed by this certificate. */
    byte[] sign(byte[] data) {
        return keyedPerThread.get().doFinal(data);
    }

    byte[] asciiBytes() {
        return asciiBytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppCertificate certificate
                && MessageDigest.isEqual(asciiBytes, certificate.asciiBytes);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "AppCertificate[sha256:" + fingerprint + "]";
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("the JVM offers no SHA-256", ex);
        }
    }
}
