package dev.dumplens.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of one dump file, read-only, with lenient text decoding. Files are memory-mapped (never modified);
 * UTF-16 files (by BOM or by NUL pattern) are transcoded to UTF-8 once. Text is decoded as UTF-8 where valid;
 * invalid sequences (modified UTF-8 / CESU-8 from kill -3 output) become U+FFFD instead of failing.
 */
public final class DumpText {
    private final String source;
    private final ByteBuffer bytes;
    private final String transcodedFrom;
    /** The file behind {@link #bytes}, for {@link #copy}; null for text in memory or transcoded. */
    private final Path file;

    private DumpText(String source, ByteBuffer bytes, String transcodedFrom, Path file) {
        this.source = source;
        this.bytes = bytes;
        this.transcodedFrom = transcodedFrom;
        this.file = file;
    }

    /** Maps {@code path} read-only. {@code source} is the name to show in messages (the path as given). */
    public static DumpText open(Path path, String source) throws DumpParseException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) throw new DumpParseException(source, "file is empty");
            if (size > Integer.MAX_VALUE) {
                throw new DumpParseException(source, "file is larger than 2 GiB; split it first");
            }
            ByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return wrap(source, buf, path);
        } catch (NoSuchFileException e) {
            throw new DumpParseException(source, "no such file");
        } catch (IOException e) {
            if (Files.isDirectory(path)) throw new DumpParseException(source, "is a directory, not a file");
            throw new DumpParseException(source, "cannot read: " + e.getMessage());
        }
    }

    /** Wraps bytes already in memory (tests, stdin, decompressed input). */
    public static DumpText of(String source, byte[] content) {
        return wrap(source, ByteBuffer.wrap(content), null);
    }

    private static DumpText wrap(String source, ByteBuffer buf, Path file) {
        String utf16 = utf16Kind(buf);
        if (utf16 == null) return new DumpText(source, buf, null, file);
        java.nio.charset.Charset cs = utf16.equals("UTF-16LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        ByteBuffer dup = buf.duplicate();
        if (dup.remaining() >= 2 && ((dup.get(0) & 0xff) == 0xff || (dup.get(0) & 0xff) == 0xfe)) dup.position(2);
        String text = decodeWith(cs, dup);
        return new DumpText(source, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), utf16, null);
    }

    private static String decodeWith(java.nio.charset.Charset cs, ByteBuffer buf) {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return dec.decode(buf.duplicate()).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
    }

    /** "UTF-16LE"/"UTF-16BE" when the content is UTF-16 (BOM, or NULs at every other byte), else null. */
    private static String utf16Kind(ByteBuffer b) {
        int n = b.limit();
        if (n >= 2) {
            int b0 = b.get(0) & 0xff, b1 = b.get(1) & 0xff;
            if (b0 == 0xff && b1 == 0xfe) return "UTF-16LE";
            if (b0 == 0xfe && b1 == 0xff) return "UTF-16BE";
        }
        int sample = Math.min(n & ~1, 512);
        if (sample < 8) return null;
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < sample; i += 2) {
            if (b.get(i) == 0) evenNul++;
            if (b.get(i + 1) == 0) oddNul++;
        }
        int pairs = sample / 2;
        if (oddNul > pairs * 0.8 && evenNul < pairs * 0.1) return "UTF-16LE";
        if (evenNul > pairs * 0.8 && oddNul < pairs * 0.1) return "UTF-16BE";
        return null;
    }

    public String source() { return source; }

    /** The charset the file was transcoded from ("UTF-16LE"), or null when read as UTF-8. */
    public String transcodedFrom() { return transcodedFrom; }

    public int length() { return bytes.limit(); }

    public byte byteAt(int pos) { return bytes.get(pos); }

    /** A read-only view of all bytes (UTF-8 or ASCII-compatible). */
    public ByteBuffer bytes() { return bytes.asReadOnlyBuffer(); }

    /**
     * Copies up to {@code length} bytes from {@code position} into {@code dst} at {@code offset} and returns how
     * many were copied (fewer at the end of the text). A mapped file is read with positional reads rather than
     * through the mapping, so a parser streaming through a large file in blocks keeps only its blocks, not the
     * whole file, resident in memory.
     */
    public int copy(int position, byte[] dst, int offset, int length) throws DumpParseException {
        int n = Math.max(0, Math.min(length, length() - position));
        if (file == null) {
            bytes.get(position, dst, offset, n);
            return n;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer target = ByteBuffer.wrap(dst, offset, n);
            long at = position;
            while (target.hasRemaining()) {
                int read = ch.read(target, at);
                if (read < 0) break;
                at += read;
            }
            return n - target.remaining();
        } catch (IOException e) {
            throw new DumpParseException(source, -1, position, "cannot read: " + e.getMessage());
        }
    }

    /** Decodes {@code [from, to)} as UTF-8, replacing invalid sequences with U+FFFD. */
    public String decode(int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (bytes.get(i) < 0) { ascii = false; break; }
        }
        byte[] tmp = new byte[to - from];
        bytes.get(from, tmp);
        return ascii ? new String(tmp, StandardCharsets.ISO_8859_1) : new String(tmp, StandardCharsets.UTF_8);
    }

    /**
     * Decodes {@code [from, to)} with {@code charset} (a dump that declares its own encoding, such as a javacore's
     * {@code 1TICHARSET 1252}), replacing what does not decode with U+FFFD.
     */
    public String decode(int from, int to, java.nio.charset.Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) return decode(from, to);
        byte[] tmp = new byte[to - from];
        bytes.get(from, tmp);
        return new String(tmp, charset);
    }

    /** The first {@code maxBytes} bytes as text, for format sniffing. */
    public String head(int maxBytes) {
        return decode(0, Math.min(maxBytes, length()));
    }
}
