package dev.dumplens.formats.hotspot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A block of a dump file's bytes in memory with the operations the parser needs without creating strings: line
 * scanning eight bytes at a time, literal matching, hashing and comparing byte ranges, number parsing, and
 * lenient decoding (invalid UTF-8 becomes U+FFFD).
 */
final class ByteText {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long MIX = 0x9E3779B97F4A7C15L;
    private static final long SEED = 0x2545F4914F6CDD1DL;

    private final byte[] b;
    private final ByteBuffer words;
    private final int length;
    private int lastHash;

    /** The first {@code length} bytes of {@code bytes}. */
    ByteText(byte[] bytes, int length) {
        this.b = bytes;
        this.words = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.length = length;
    }

    int length() { return length; }

    byte at(int i) { return b[i]; }

    /** The four bytes at {@code i} as a little-endian int; {@code i + 4 <= length()}. */
    int intAt(int i) { return words.getInt(i); }

    /** Index of the next '\n' at or after {@code from}, or {@link #length()} when there is none. */
    int newline(int from) {
        int i = from;
        int last = length - 8;
        while (i <= last) {
            long x = words.getLong(i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
            i += 8;
        }
        while (i < length && b[i] != '\n') i++;
        return i;
    }

    /**
     * Index of the next '\n' at or after {@code from} (or {@link #length()}), hashing the bytes before it on the
     * way: one pass finds the line end and the interning key. The hash is {@link #lastHash()}, equal to
     * {@link #hash(int, int)} of the same range.
     */
    int hashedNewline(int from) {
        long h = SEED;
        int i = from;
        int last = length - 8;
        while (i <= last) {
            long w = words.getLong(i);
            long x = w ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                int k = Long.numberOfTrailingZeros(found) >>> 3;
                if (k > 0) h = (h ^ (w & ((1L << (k << 3)) - 1))) * MIX;
                lastHash = finish(h, i + k - from);
                return i + k;
            }
            h = (h ^ w) * MIX;
            i += 8;
        }
        int end = i;
        while (end < length && b[end] != '\n') end++;
        if (end > i) h = (h ^ partialWord(i, end)) * MIX;
        lastHash = finish(h, end - from);
        return end;
    }

    /** The hash computed by the last {@link #hashedNewline(int)}. */
    int lastHash() { return lastHash; }

    /** Hash of the bytes in {@code [from, to)}, reading eight bytes at a time. */
    int hash(int from, int to) {
        long h = SEED;
        int i = from;
        for (; i + 8 <= to; i += 8) h = (h ^ words.getLong(i)) * MIX;
        if (i < to) h = (h ^ partialWord(i, to)) * MIX;
        return finish(h, to - from);
    }

    /** The 1 to 7 bytes {@code [from, to)} as a little-endian long. */
    private long partialWord(int from, int to) {
        long w = 0;
        for (int i = to - 1; i >= from; i--) w = (w << 8) | (b[i] & 0xff);
        return w;
    }

    private static int finish(long h, int n) {
        h = (h ^ n) * MIX;
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }

    /** Whether the {@code n} bytes at {@code from} equal {@code other[offset, offset + n)}. */
    boolean rangeEquals(int from, byte[] other, int offset, int n) {
        return Arrays.equals(b, from, from + n, other, offset, offset + n);
    }

    /** Copies the {@code n} bytes at {@code from} into {@code dst} at {@code offset}. */
    void copy(int from, byte[] dst, int offset, int n) {
        System.arraycopy(b, from, dst, offset, n);
    }

    /** End of the line content that ends at {@code newline}: drops a '\r' before it. */
    int contentEnd(int lineStart, int newline) {
        return newline > lineStart && b[newline - 1] == '\r' ? newline - 1 : newline;
    }

    /** Whether {@code [pos, end)} starts with the ASCII literal. */
    boolean startsWith(int pos, int end, byte[] literal) {
        if (end - pos < literal.length) return false;
        for (int i = 0; i < literal.length; i++) {
            if (b[pos + i] != literal[i]) return false;
        }
        return true;
    }

    /** Whether {@code [pos, end)} is exactly the literal. */
    boolean equalsLiteral(int pos, int end, byte[] literal) {
        return end - pos == literal.length && startsWith(pos, end, literal);
    }

    /** First index of {@code c} in {@code [from, to)}, or -1. */
    int indexOf(byte c, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == c) return i;
        return -1;
    }

    /** First index of the literal in {@code [from, to)}, or -1. */
    int indexOf(byte[] literal, int from, int to) {
        for (int i = from; i + literal.length <= to; i++) {
            if (b[i] == literal[0] && startsWith(i, to, literal)) return i;
        }
        return -1;
    }

    /** Last index of {@code c} in {@code [from, to)}, or -1. */
    int lastIndexOf(byte c, int from, int to) {
        for (int i = to - 1; i >= from; i--) if (b[i] == c) return i;
        return -1;
    }

    /** First index at or after {@code from} that is not a space or tab, or {@code end}. */
    int skipBlanks(int from, int end) {
        int i = from;
        while (i < end && (b[i] == ' ' || b[i] == '\t')) i++;
        return i;
    }

    /** Index after the last byte before {@code end} that is not a space or tab. */
    int trimEnd(int from, int end) {
        int i = end;
        while (i > from && (b[i - 1] == ' ' || b[i - 1] == '\t')) i--;
        return i;
    }

    /** Whether {@code [from, to)} holds only spaces and tabs. */
    boolean isBlank(int from, int to) {
        return skipBlanks(from, to) == to;
    }

    /** Decodes {@code [from, to)} leniently: invalid UTF-8 (e.g. modified UTF-8 / CESU-8) becomes U+FFFD. */
    String decode(int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Index after the run of ASCII digits starting at {@code from} (no more than {@code end}). */
    int digitsEnd(int from, int end) {
        int i = from;
        while (i < end && isDigit(b[i])) i++;
        return i;
    }

    /** The decimal number in {@code [from, to)} (digits only; at most 18 are used), or -1 when empty. */
    long decimal(int from, int to) {
        if (to <= from) return -1;
        long v = 0;
        int stop = Math.min(to, from + 18);
        for (int i = from; i < stop; i++) v = v * 10 + (b[i] - '0');
        return v;
    }

    /** The hex digits starting at {@code from} up to {@code end}: value, or -1 when there are none. */
    long hex(int from, int end) {
        long v = 0;
        int i = from;
        for (; i < end && i < from + 16; i++) {
            int d = hexDigit(b[i]);
            if (d < 0) break;
            v = (v << 4) | d;
        }
        return i == from ? -1 : v;
    }

    /**
     * The unsigned decimal number with optional fraction starting at {@code from} ("12.34"); {@code NaN} when
     * there is no digit. Exact to the nearest double for the short numbers HotSpot prints.
     */
    double decimalFraction(int from, int end) {
        int intEnd = digitsEnd(from, end);
        long whole = decimal(from, intEnd);
        if (whole < 0) return Double.NaN;
        if (intEnd < end && b[intEnd] == '.') {
            int fracEnd = digitsEnd(intEnd + 1, end);
            int fracDigits = Math.min(fracEnd - intEnd - 1, 9);
            if (fracDigits > 0 && intEnd - from <= 9) {
                long scale = 1;
                for (int k = 0; k < fracDigits; k++) scale *= 10;
                return (whole * scale + decimal(intEnd + 1, intEnd + 1 + fracDigits)) / (double) scale;
            }
            if (fracDigits > 0) return Double.parseDouble(new String(b, from, fracEnd - from, StandardCharsets.ISO_8859_1));
        }
        return whole;
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** The ASCII bytes of a literal, for the matching methods above. */
    static byte[] lit(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
