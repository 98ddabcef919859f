package lake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Thrift's compact protocol, the encoding of Parquet's page headers and footer: just what those need.
 * Fields must be written in increasing id order within a struct; a struct or list element ends with {@link #end()}.
 */
final class ThriftCompact {

    static final int I32 = 5;
    static final int I64 = 6;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int STRUCT = 12;

    private final ByteSink out;
    private final Deque<Integer> enclosing = new ArrayDeque<>();
    private int lastField;

    ThriftCompact(ByteSink out) {
        this.out = out;
    }

    ThriftCompact i32(int field, int value) {
        header(field, I32);
        out.varint(zigzag(value));
        return this;
    }

    ThriftCompact i64(int field, long value) {
        header(field, I64);
        out.varint(zigzag(value));
        return this;
    }

    ThriftCompact string(int field, String value) {
        header(field, BINARY);
        text(value);
        return this;
    }

    /** A struct field; its fields follow, then {@link #end()}. */
    ThriftCompact struct(int field) {
        header(field, STRUCT);
        return open();
    }

    /** A list field of {@code size} elements; struct elements each start with {@link #element()}. */
    ThriftCompact list(int field, int elementType, int size) {
        header(field, LIST);
        if (size < 15) {
            out.write(size << 4 | elementType);
        } else {
            out.write(0xF0 | elementType);
            out.varint(size);
        }
        return this;
    }

    ThriftCompact element() {
        return open();
    }

    ThriftCompact i32Element(int value) {
        out.varint(zigzag(value));
        return this;
    }

    ThriftCompact stringElement(String value) {
        text(value);
        return this;
    }

    /** Ends the innermost struct, or the message when none is open. */
    ThriftCompact end() {
        out.write(0);
        lastField = enclosing.isEmpty() ? 0 : enclosing.pop();
        return this;
    }

    private ThriftCompact open() {
        enclosing.push(lastField);
        lastField = 0;
        return this;
    }

    private void header(int field, int type) {
        int delta = field - lastField;
        if (delta > 0 && delta <= 15) {
            out.write(delta << 4 | type);
        } else {
            out.write(type);
            out.varint(zigzag(field));
        }
        lastField = field;
    }

    private void text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.varint(utf8.length);
        out.write(utf8, 0, utf8.length);
    }

    private static long zigzag(long n) {
        return (n << 1) ^ (n >> 63);
    }
}
