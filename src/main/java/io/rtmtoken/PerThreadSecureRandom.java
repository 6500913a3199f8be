package io.rtmtoken;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * A cryptographically strong generator backed by one DRBG {@link SecureRandom} per thread, each seeded by the JDK's
 * entropy source on first use. Threads drawing salts do not queue on one generator's lock, and each thread draws
 * its bytes a block at a time, since one DRBG call costs about as much as minting a token.
 */
final class PerThreadSecureRandom implements RandomGenerator {

    private static final String ALGORITHM = "DRBG";

    /** Bytes drawn from a thread's DRBG at once: 64 salts. */
    static final int BLOCK_SIZE_IN_BYTES = 256;

    private final ThreadLocal<Block> perThread = ThreadLocal.withInitial(Block::new);

    @Override
    public long nextLong() {
        Block block = perThread.get();
        return (long) block.nextInt() << 32 | block.nextInt() & 0xFFFF_FFFFL;
    }

    @Override
    public int nextInt() {
        return perThread.get().nextInt();
    }

    @Override
    public String toString() {
        return "PerThreadSecureRandom[" + ALGORITHM + "]";
    }

    /** One thread's generator and the bytes it drew that are not used yet. */
    private static final class Block {

        private final SecureRandom random = newDrbg();

        private final byte[] bytes = new byte[BLOCK_SIZE_IN_BYTES];

        private int position = BLOCK_SIZE_IN_BYTES;

        int nextInt() {
            if (position == BLOCK_SIZE_IN_BYTES) {
                random.nextBytes(bytes);
                position = 0;
            }
            int value = (bytes[position] & 0xFF) << 24 | (bytes[position + 1] & 0xFF) << 16
                    | (bytes[position + 2] & 0xFF) << 8 | bytes[position + 3] & 0xFF;

            // Each value is handed out once: the bytes are cleared as they are used.
            bytes[position] = 0;
            bytes[position + 1] = 0;
            bytes[position + 2] = 0;
            bytes[position + 3] = 0;
            position += 4;
            return value;
        }

        private static SecureRandom newDrbg() {
            try {
                return SecureRandom.getInstance(ALGORITHM);
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException("the JVM offers no " + ALGORITHM + " SecureRandom", ex);
            }
        }
    }
}
