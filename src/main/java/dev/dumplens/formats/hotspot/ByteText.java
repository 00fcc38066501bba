package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpText;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Fast byte access to a {@link DumpText} for the parser: line scanning eight bytes at a time, literal matching,
 * hashing and comparing byte ranges, and number parsing without creating strings.
 */
final class ByteText {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long MIX = 0x9E3779B97F4A7C15L;
    private static final long SEED = 0x2545F4914F6CDD1DL;

    private final DumpText text;
    private final ByteBuffer buf;
    private final int length;
    private int lastHash;

    ByteText(DumpText text) {
        this.text = text;
        this.buf = text.bytes().order(ByteOrder.LITTLE_ENDIAN);
        this.length = buf.limit();
    }

    DumpText text() { return text; }

    int length() { return length; }

    byte at(int i) { return buf.get(i); }

    /** Index of the next '\n' at or after {@code from}, or {@link #length()} when there is none. */
    int newline(int from) {
        int i = from;
        int last = length - 8;
        while (i <= last) {
            long x = buf.getLong(i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
            i += 8;
        }
        while (i < length && buf.get(i) != '\n') i++;
        return i;
    }

    /** End of the line content that ends at {@code newline}: drops a '\r' before it. */
    int contentEnd(int lineStart, int newline) {
        return newline > lineStart && buf.get(newline - 1) == '\r' ? newline - 1 : newline;
    }

    /** Whether {@code [pos, end)} starts with the ASCII literal. */
    boolean startsWith(int pos, int end, byte[] literal) {
        if (end - pos < literal.length) return false;
        for (int i = 0; i < literal.length; i++) {
            if (buf.get(pos + i) != literal[i]) return false;
        }
        return true;
    }

    /** Whether {@code [pos, end)} is exactly the literal. */
    boolean equalsLiteral(int pos, int end, byte[] literal) {
        return end - pos == literal.length && startsWith(pos, end, literal);
    }

    /** First index of {@code b} in {@code [from, to)}, or -1. */
    int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) if (buf.get(i) == b) return i;
        return -1;
    }

    /** First index of the literal in {@code [from, to)}, or -1. */
    int indexOf(byte[] literal, int from, int to) {
        for (int i = from; i + literal.length <= to; i++) {
            if (buf.get(i) == literal[0] && startsWith(i, to, literal)) return i;
        }
        return -1;
    }

    /** Last index of {@code b} in {@code [from, to)}, or -1. */
    int lastIndexOf(byte b, int from, int to) {
        for (int i = to - 1; i >= from; i--) if (buf.get(i) == b) return i;
        return -1;
    }

    /** First index at or after {@code from} that is not a space or tab, or {@code end}. */
    int skipBlanks(int from, int end) {
        int i = from;
        while (i < end) {
            byte b = buf.get(i);
            if (b != ' ' && b != '\t') break;
            i++;
        }
        return i;
    }

    /** Index after the last byte before {@code end} that is not a space or tab. */
    int trimEnd(int from, int end) {
        int i = end;
        while (i > from) {
            byte b = buf.get(i - 1);
            if (b != ' ' && b != '\t') break;
            i--;
        }
        return i;
    }

    /** Whether {@code [from, to)} holds only spaces and tabs. */
    boolean isBlank(int from, int to) {
        return skipBlanks(from, to) == to;
    }

    /** Decodes {@code [from, to)} leniently (invalid UTF-8 becomes U+FFFD). */
    String decode(int from, int to) {
        return text.decode(from, to);
    }

    /** The four bytes at {@code i} as a little-endian int; {@code i + 4 <= length()}. */
    int intAt(int i) { return buf.getInt(i); }

    /**
     * Index of the next '\n' at or after {@code from} (or {@link #length()}), hashing the bytes before it on the
     * way: one pass for finding the line end and the interning key. The hash is {@link #lastHash()}, equal to
     * {@link #hash(int, int)} of the same range.
     */
    int hashedNewline(int from) {
        long h = SEED;
        int i = from;
        int last = length - 8;
        while (i <= last) {
            long w = buf.getLong(i);
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
        while (end < length && buf.get(end) != '\n') end++;
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
        for (; i + 8 <= to; i += 8) h = (h ^ buf.getLong(i)) * MIX;
        if (i < to) h = (h ^ partialWord(i, to)) * MIX;
        return finish(h, to - from);
    }

    /** The 1 to 7 bytes {@code [from, to)} as a little-endian long. */
    private long partialWord(int from, int to) {
        long w = 0;
        for (int i = to - 1; i >= from; i--) w = (w << 8) | (buf.get(i) & 0xff);
        return w;
    }

    private static int finish(long h, int length) {
        h = (h ^ length) * MIX;
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }

    /** Whether the {@code n} bytes at {@code a} equal the {@code n} bytes at {@code b}. */
    boolean rangeEquals(int a, int b, int n) {
        if (a == b) return true;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            if (buf.getLong(a + i) != buf.getLong(b + i)) return false;
        }
        for (; i < n; i++) {
            if (buf.get(a + i) != buf.get(b + i)) return false;
        }
        return true;
    }

    /** Index after the run of ASCII digits starting at {@code from} (no more than {@code end}). */
    int digitsEnd(int from, int end) {
        int i = from;
        while (i < end && isDigit(buf.get(i))) i++;
        return i;
    }

    /** The decimal number in {@code [from, to)} (digits only; at most 18 are used), or -1 when empty. */
    long decimal(int from, int to) {
        if (to <= from) return -1;
        long v = 0;
        int stop = Math.min(to, from + 18);
        for (int i = from; i < stop; i++) v = v * 10 + (buf.get(i) - '0');
        return v;
    }

    /** The hex digits starting at {@code from} up to {@code end}: value, or -1 when there are none. */
    long hex(int from, int end) {
        long v = 0;
        int i = from;
        for (; i < end && i < from + 16; i++) {
            int d = hexDigit(buf.get(i));
            if (d < 0) break;
            v = (v << 4) | d;
        }
        return i == from ? -1 : v;
    }

    /** Index after the hex digits starting at {@code from}. */
    int hexEnd(int from, int end) {
        int i = from;
        while (i < end && hexDigit(buf.get(i)) >= 0) i++;
        return i;
    }

    /**
     * The unsigned decimal number with optional fraction starting at {@code from} ("12.34"); {@code NaN} when
     * there is no digit. Exact to the nearest double for the short numbers HotSpot prints.
     */
    double decimalFraction(int from, int end) {
        int intEnd = digitsEnd(from, end);
        long whole = decimal(from, intEnd);
        if (whole < 0) return Double.NaN;
        if (intEnd < end && buf.get(intEnd) == '.') {
            int fracEnd = digitsEnd(intEnd + 1, end);
            int fracDigits = Math.min(fracEnd - intEnd - 1, 9);
            if (fracDigits > 0 && intEnd - from <= 9) {
                long scale = 1;
                for (int k = 0; k < fracDigits; k++) scale *= 10;
                long all = whole * scale + decimal(intEnd + 1, intEnd + 1 + fracDigits);
                return all / (double) scale;
            }
            if (fracDigits > 0) {
                return Double.parseDouble(new String(ascii(from, fracEnd), StandardCharsets.ISO_8859_1));
            }
        }
        return whole;
    }

    private byte[] ascii(int from, int to) {
        byte[] out = new byte[to - from];
        for (int i = from; i < to; i++) out[i - from] = buf.get(i);
        return out;
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }

    /** The ASCII bytes of a literal, for the matching methods above. */
    static byte[] lit(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
