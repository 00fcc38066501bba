package dev.dumplens.heap;

/**
 * Decodes the JVM's modified UTF-8 (NUL as {@code C0 80}, supplementary characters as surrogate pairs of three bytes
 * each) and also plain UTF-8 four-byte sequences. Malformed bytes become U+FFFD; nothing throws.
 */
final class ModifiedUtf8 {
    private ModifiedUtf8() { }

    static String decode(byte[] raw) {
        StringBuilder sb = new StringBuilder(raw.length);
        int i = 0;
        while (i < raw.length) {
            int c = raw[i] & 0xff;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
            } else if ((c & 0xE0) == 0xC0 && i + 1 < raw.length && cont(raw[i + 1])) {
                sb.append((char) (((c & 0x1F) << 6) | (raw[i + 1] & 0x3F)));
                i += 2;
            } else if ((c & 0xF0) == 0xE0 && i + 2 < raw.length && cont(raw[i + 1]) && cont(raw[i + 2])) {
                sb.append((char) (((c & 0x0F) << 12) | ((raw[i + 1] & 0x3F) << 6) | (raw[i + 2] & 0x3F)));
                i += 3;
            } else if ((c & 0xF8) == 0xF0 && i + 3 < raw.length && cont(raw[i + 1]) && cont(raw[i + 2])
                    && cont(raw[i + 3])) {
                int cp = ((c & 0x07) << 18) | ((raw[i + 1] & 0x3F) << 12) | ((raw[i + 2] & 0x3F) << 6)
                        | (raw[i + 3] & 0x3F);
                if (Character.isValidCodePoint(cp)) sb.appendCodePoint(cp); else sb.append('\uFFFD');
                i += 4;
            } else {
                sb.append('\uFFFD');
                i++;
            }
        }
        return sb.toString();
    }

    private static boolean cont(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
