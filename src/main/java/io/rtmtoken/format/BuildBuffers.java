package io.rtmtoken.format;

/**
 * One thread's working buffers, reused from token to token so that building a token allocates little beyond the
 * token itself. A build takes them at its start and must not call another build while it holds them.
 */
final class BuildBuffers {

    /** Buffers up to this size are kept per thread; an unusually large token gets buffers of its own. */
    static final int RETAINED_BYTES = 1024;

    private static final ThreadLocal<BuildBuffers> PER_THREAD = ThreadLocal.withInitial(BuildBuffers::new);

    private final byte[] signed = new byte[RETAINED_BYTES];

    private final byte[] packed = new byte[RETAINED_BYTES];

    private final byte[] deflated = new byte[RETAINED_BYTES];

    private final byte[] encoded = new byte[2 * RETAINED_BYTES];

    private final byte[] text = new byte[2 * RETAINED_BYTES];

    /** The salt of a 007 signing key as a uint32. */
    final byte[] uint32 = new byte[4];

    /** A 007 signing key. */
    final byte[] signingKey = new byte[HmacSha256.SIZE_IN_BYTES];

    private BuildBuffers() {
    }

    static BuildBuffers get() {
        return PER_THREAD.get();
    }

    /** A buffer of at least the size for the bytes a signature covers. */
    byte[] signed(int sizeInBytes) {
        return sizeInBytes <= signed.length ? signed : new byte[sizeInBytes];
    }

    /** A buffer of at least the size for a token's packed content. */
    byte[] packed(int sizeInBytes) {
        return sizeInBytes <= packed.length ? packed : new byte[sizeInBytes];
    }

    /** A buffer of at least the size for compressed content. */
    byte[] deflated(int sizeInBytes) {
        return sizeInBytes <= deflated.length ? deflated : new byte[sizeInBytes];
    }

    /** A buffer of at least the size for Base64 text. */
    byte[] encoded(int sizeInBytes) {
        return sizeInBytes <= encoded.length ? encoded : new byte[sizeInBytes];
    }

    /** A buffer of at least the size for a whole token's characters. */
    byte[] text(int sizeInBytes) {
        return sizeInBytes <= text.length ? text : new byte[sizeInBytes];
    }
}
