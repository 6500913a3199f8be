package io.rtmtoken.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import io.rtmtoken.format.MalformedTokenException.Reason;

/** Reads the little-endian Agora packing from untrusted bytes, never past their end. */
final class PackReader {

    private final byte[] data;

    private int position;

    PackReader(byte[] data) {
        this.data = data;
    }

    int position() {
        return position;
    }

    int remaining() {
        return data.length - position;
    }

    int readUint16() {
        require(2, "a uint16");
        int value = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8;
        position += 2;
        return value;
    }

    long readUint32() {
        require(4, "a uint32");
        long value = (data[position] & 0xFFL)
                | (data[position + 1] & 0xFFL) << 8
                | (data[position + 2] & 0xFFL) << 16
                | (data[position + 3] & 0xFFL) << 24;
        position += 4;
        return value;
    }

    /** Reads a uint16 length and that many bytes. */
    byte[] readBytes() {
        int lengthInBytes = readUint16();
        if (lengthInBytes > remaining()) {
            throw new MalformedTokenException(Reason.LENGTH_PAST_END, "a length prefix of " + lengthInBytes
                    + " bytes at offset " + (position - 2) + " runs past the end (" + remaining() + " bytes left)");
        }
        byte[] value = Arrays.copyOfRange(data, position, position + lengthInBytes);
        position += lengthInBytes;
        return value;
    }

    String readString() {
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    /** Reads a uint16 count of (uint16 key, uint32 value) pairs. */
    SortedMap<Integer, Long> readPrivileges() {
        int count = readUint16();
        if (count * 6L > remaining()) {
            throw new MalformedTokenException(Reason.LENGTH_PAST_END, "a privilege count of " + count
                    + " at offset " + (position - 2) + " runs past the end (" + remaining() + " bytes left)");
        }
        SortedMap<Integer, Long> privileges = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            privileges.put(readUint16(), readUint32());
        }
        return Collections.unmodifiableSortedMap(privileges);
    }

    byte[] readRemaining() {
        byte[] value = Arrays.copyOfRange(data, position, data.length);
        position = data.length;
        return value;
    }

    void requireEnd() {
        if (remaining() != 0) {
            throw new MalformedTokenException(Reason.TRAILING_BYTES,
                    remaining() + " unexpected bytes after the end of the token at offset " + position);
        }
    }

    private void require(int sizeInBytes, String what) {
        if (remaining() < sizeInBytes) {
            throw new MalformedTokenException(Reason.TRUNCATED,
                    "truncated: " + what + " expected at offset " + position + ", " + remaining() + " bytes left");
        }
    }
}
