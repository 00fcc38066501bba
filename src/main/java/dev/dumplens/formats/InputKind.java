package dev.dumplens.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** What a file holds, judged by its first bytes (never by its name). */
public enum InputKind {
    /** An HPROF heap dump ({@code JAVA PROFILE 1.0.x}), possibly gzip-compressed. */
    HEAP_DUMP,
    /** Text: a thread dump, a log holding thread dumps, or something the thread-dump formats reject. */
    TEXT,
    /** Empty, a directory, unreadable or binary that is not an HPROF. */
    OTHER;

    private static final byte[] HPROF_MAGIC = "JAVA PROFILE 1.0.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public static InputKind of(Path path) {
        if (!Files.isRegularFile(path)) return OTHER;
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
            if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                try (InputStream gz = new GZIPInputStream(Files.newInputStream(path))) {
                    n = gz.readNBytes(head, 0, head.length);
                    return startsWithMagic(head, n) ? HEAP_DUMP : OTHER;
                } catch (IOException e) {
                    return OTHER;
                }
            }
        } catch (IOException e) {
            return OTHER;
        }
        if (n == 0) return OTHER;
        if (startsWithMagic(head, n)) return HEAP_DUMP;
        return TEXT;
    }

    private static boolean startsWithMagic(byte[] head, int n) {
        if (n < HPROF_MAGIC.length) return false;
        for (int i = 0; i < HPROF_MAGIC.length; i++) if (head[i] != HPROF_MAGIC[i]) return false;
        return true;
    }
}
