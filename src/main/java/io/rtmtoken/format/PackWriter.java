package io.rtmtoken.format;

import java.nio.charset.StandardCharsets;

/** Writes the little-endian Agora packing into a buffer sized exactly by the caller, or into part of a buffer. */
final class PackWriter implements PackSink {

    private final byte[] buffer;

    private int position;

    PackWriter(int sizeInBytes) {
        this(new byte[sizeInBytes], 0);
    }

    /** Writes into the buffer from the offset on; the caller makes sure it is large enough. */
    PackWriter(byte[] buffer, int offset) {
        this.buffer = buffer;
        this.position = offset;
    }

    static int sizeOfBytes(int lengthInBytes) {
        return 2 + lengthInBytes;
    }

    /** Length of the string in UTF-8, counted without encoding it when it is ASCII. */
    static int utf8Length(String value) {
        return isAscii(value) ? value.length() : value.getBytes(StandardCharsets.UTF_8).length;
    }

    int position() {
        return position;
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

    /** Writes a uint16 length followed by the string's UTF-8 bytes. */
    @Override
    public PackWriter putString(String value) {
        if (isAscii(value)) {
            return putUint16(value.length()).putUtf8(value);
        }
        return putBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the string's UTF-8 bytes without a length, copying characters directly when it is ASCII. */
    PackWriter putUtf8(String value) {
        if (!isAscii(value)) {
            return putRaw(value.getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < value.length(); i++) {
            buffer[position + i] = (byte) value.charAt(i);
        }
        position += value.length();
        return this;
    }

    PackWriter putRaw(byte[] value) {
        return putRaw(value, 0, value.length);
    }

    PackWriter putRaw(byte[] value, int offset, int lengthInBytes) {
        System.arraycopy(value, offset, buffer, position, lengthInBytes);
        position += lengthInBytes;
        return this;
    }

    /** Returns the buffer, which must be exactly full. */
    byte[] toByteArray() {
        if (position != buffer.length) {
            throw new IllegalStateException("packed " + position + " of " + buffer.length + " bytes");
        }
        return buffer;
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
