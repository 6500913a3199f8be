package io.rtmtoken.format;

import java.nio.charset.StandardCharsets;

/** Where packed values go: a {@link PackWriter}, or a {@link Counter} that sizes one exactly. */
interface PackSink {

    PackSink putUint16(int value);

    PackSink putString(String value);

    /** Counts the bytes that packing would write. */
    final class Counter implements PackSink {

        private int sizeInBytes;

        @Override
        public Counter putUint16(int value) {
            sizeInBytes += 2;
            return this;
        }

        @Override
        public Counter putString(String value) {
            sizeInBytes += PackWriter.sizeOfBytes(value.getBytes(StandardCharsets.UTF_8).length);
            return this;
        }

        int sizeInBytes() {
            return sizeInBytes;
        }
    }
}
