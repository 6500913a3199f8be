package io.rtmtoken.format;

import java.nio.charset.StandardCharsets;

/** Writes the little-endian Agora packing into a buffer sized exactly by the caller. */
final class PackWriter implements PackSink {

    private final byte[] buffer;

    private int position;

    PackWriter(int sizeInBytes) {
        this.buffer = new byte[sizeInBytes];
    }

    static int sizeOfBytes(int lengthInBytes) {
        return 2 + lengthInBytes;
    }

    @Override
    public PackWriter putUint16(int value) {
        buffer[position++] = (byte) value;
        buffer[position++] = (byte) (value >>> 8);
        return this;
    }

    PackWriter putUint32(long value) {
        buffer[position++] = (byte) value;
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) (value >>> 16);
        buffer[position++] = (byte) (value >>> 24);
        return this;
    }

    /** Writes a uint16 length followed by the bytes. */
    PackWriter putBytes(byte[] value) {
        putUint16(value.length);
        return putRaw(value);
    }

    @Override
    public PackWriter putString(String value) {
        return putBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    PackWriter putRaw(byte[] value) {
        System.arraycopy(value, 0, buffer, position, value.length);
        position += value.length;
        return this;
    }

    /** Returns the buffer, which must be exactly full. */
    byte[] toByteArray() {
        if (position != buffer.length) {
            throw new IllegalStateException("packed " + position + " of " + buffer.length + " bytes");
        }
        return buffer;
    }
}
