package lake;

import java.util.Arrays;

/** A growable byte array written little-endian, as Parquet's pages are, and with Thrift's varints. */
final class ByteSink {

    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    int size() {
        return size;
    }

    /** The bytes written so far; only the first {@link #size()} count. */
    byte[] array() {
        return bytes;
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    void reset() {
        size = 0;
    }

    /** Room for {@code more} bytes at {@link #size()}, for a caller that writes into {@link #array()} itself. */
    void reserve(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    void advance(int written) {
        size += written;
    }

    void write(int b) {
        reserve(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] source, int offset, int length) {
        reserve(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    void write(ByteSink other) {
        write(other.bytes, 0, other.size);
    }

    void intLE(int v) {
        reserve(4);
        bytes[size++] = (byte) v;
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 24);
    }

    void longLE(long v) {
        intLE((int) v);
        intLE((int) (v >>> 32));
    }

    /** Unsigned LEB128, as Thrift's compact protocol and Parquet's RLE run headers write counts. */
    void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        write((int) v);
    }
}
