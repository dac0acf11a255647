package io.manometer.analyzer.reading.jfr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One chunk's bytes and a position in them, read as JFR writes them: integers of every width in a
 * compressed form of seven bits per byte (the ninth byte whole), floats and doubles raw, strings
 * in one of five encodings. A read past the chunk's end throws, as a cut or corrupt chunk does.
 */
final class ChunkInput {
    private static final byte STRING_NULL = 0;
    private static final byte STRING_EMPTY = 1;
    private static final byte STRING_POOLED = 2;
    private static final byte STRING_UTF8 = 3;
    private static final byte STRING_CHARS = 4;
    private static final byte STRING_LATIN1 = 5;

    private final byte[] bytes;
    private int position;

    ChunkInput(byte[] bytes) {
        this.bytes = bytes;
    }

    int position() {
        return position;
    }

    void position(int position) {
        this.position = position;
    }

    int size() {
        return bytes.length;
    }

    byte readByte() {
        return bytes[position++];
    }

    long readLong() {
        long value = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte b = bytes[position++];
            value |= (b & 0x7FL) << shift;
            if (b >= 0) {
                return value;
            }
        }
        return value | (bytes[position++] & 0xFFL) << 56;
    }

    int readInt() {
        return (int) readLong();
    }

    /** A raw, big-endian value of {@code width} bytes (a float's or a double's bits, a header field). */
    long readRaw(int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = value << 8 | bytes[position++] & 0xFF;
        }
        return value;
    }

    /** A count that must fit in what is left of the chunk, one byte or more per item. */
    int readCount() throws IOException {
        long count = readLong();
        if (count < 0 || count > bytes.length - position) {
            throw new IOException("count " + count + " exceeds the chunk at byte " + position);
        }
        return (int) count;
    }

    /** A string in any of JFR's encodings; a pooled one is looked up in {@code pool}, null when it is not there. */
    String readString(Map<Long, String> pool) throws IOException {
        byte encoding = readByte();
        switch (encoding) {
            case STRING_NULL:
                return null;
            case STRING_EMPTY:
                return "";
            case STRING_POOLED:
                return pool.get(readLong());
            case STRING_UTF8:
            case STRING_LATIN1: {
                int length = readCount();
                String text = new String(bytes, position, length,
                        encoding == STRING_UTF8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                position += length;
                return text;
            }
            case STRING_CHARS: {
                int length = readCount();
                char[] text = new char[length];
                for (int i = 0; i < length; i++) {
                    text[i] = (char) readLong();
                }
                return new String(text);
            }
            default:
                throw new IOException("unknown string encoding " + encoding + " at byte " + (position - 1));
        }
    }

    void skipString() throws IOException {
        byte encoding = readByte();
        switch (encoding) {
            case STRING_NULL, STRING_EMPTY -> { }
            case STRING_POOLED -> readLong();
            case STRING_UTF8, STRING_LATIN1 -> {
                int length = readCount(); // read before position is, which this moves
                position += length;
            }
            case STRING_CHARS -> {
                for (int i = readCount(); i > 0; i--) {
                    readLong();
                }
            }
            default -> throw new IOException("unknown string encoding " + encoding + " at byte " + (position - 1));
        }
    }
}
