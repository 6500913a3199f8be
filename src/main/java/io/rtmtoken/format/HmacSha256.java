package io.rtmtoken.format;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.ShortBufferException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 through JCA, with one reusable {@link Mac} per thread. */
final class HmacSha256 {

    static final String ALGORITHM = "HmacSHA256";

    static final int SIZE_IN_BYTES = 32;

    private static final ThreadLocal<Mac> UNKEYED = ThreadLocal.withInitial(HmacSha256::newMac);

    private HmacSha256() {
    }

    static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("the JVM offers no " + ALGORITHM, ex);
        }
    }

    /** Returns a Mac initialised with the key, ready to be cloned per thread. */
    static Mac keyed(byte[] key) {
        Mac mac = newMac();
        init(mac, key);
        return mac;
    }

    /** Computes HMAC-SHA256 of the data with a key used once. */
    static byte[] sign(byte[] key, byte[] data) {
        Mac mac = UNKEYED.get();
        init(mac, key);
        return mac.doFinal(data);
    }

    /** Computes HMAC-SHA256 of part of the data with a key used once, into the output from the offset on. */
    static void sign(byte[] key, byte[] data, int offset, int lengthInBytes, byte[] output, int outputOffset) {
        Mac mac = UNKEYED.get();
        init(mac, key);
        mac.update(data, offset, lengthInBytes);
        doFinal(mac, output, outputOffset);
    }

    /** Finishes the MAC into the output from the offset on, which has room for {@link #SIZE_IN_BYTES}. */
    static void doFinal(Mac mac, byte[] output, int outputOffset) {
        try {
            mac.doFinal(output, outputOffset);
        }
        catch (ShortBufferException ex) {
            throw new IllegalStateException("no room for an HMAC-SHA256 at offset " + outputOffset + " of "
                    + output.length + " bytes", ex);
        }
    }

    static Mac cloneOf(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        }
        catch (CloneNotSupportedException ex) {
            throw new IllegalStateException("the JVM's " + ALGORITHM + " provider cannot clone a keyed Mac", ex);
        }
    }

    private static void init(Mac mac, byte[] key) {
        try {
            mac.init(new SecretKeySpec(key, ALGORITHM));
        }
        catch (InvalidKeyException ex) {
            throw new IllegalArgumentException("HMAC key rejected (" + key.length + " bytes)", ex);
        }
    }
}
