package io.rtmtoken.format;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

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
