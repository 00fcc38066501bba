package dev.dumplens.heap;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.progress.ProgressMonitor;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An opened HPROF file: its header (version, identifier size, timestamp) and read-only mapped bytes. A gzip-compressed
 * dump ({@code .hprof.gz}, recognized by content) is first decompressed into a temporary file in the system temp
 * directory, which {@link #close()} deletes; the input file itself is never written.
 */
final class HprofFile implements AutoCloseable {
    private static final String MAGIC = "JAVA PROFILE ";

    final String source;
    final String version;
    final int idSize;
    final long timestampMillis;
    final long headerEnd;
    final HprofBytes bytes;
    final List<ParseWarning> warnings;
    private final FileChannel channel;
    private final Path tempFile;

    private HprofFile(String source, String version, int idSize, long timestampMillis, long headerEnd,
                      FileChannel channel, long size, Path tempFile, List<ParseWarning> warnings) {
        this.source = source;
        this.version = version;
        this.idSize = idSize;
        this.timestampMillis = timestampMillis;
        this.headerEnd = headerEnd;
        this.channel = channel;
        this.bytes = new HprofBytes(channel, size, idSize);
        this.tempFile = tempFile;
        this.warnings = warnings;
    }

    /** Opens {@code path}; {@code source} is the name messages use. */
    static HprofFile open(Path path, String source, ProgressMonitor progress) throws DumpParseException {
        if (Files.isDirectory(path)) throw new DumpParseException(source, "is a directory, not a file");
        List<ParseWarning> warnings = new ArrayList<>();
        Path file = path;
        Path temp = null;
        try {
            if (isGzip(path, source)) {
                temp = gunzip(path, source, progress, warnings);
                file = temp;
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            try {
                HprofFile f = readHeader(ch, source, temp, warnings);
                f.bytes.map();
                return f;
            } catch (DumpParseException | IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            deleteQuietly(temp);
            throw new DumpParseException(source, "no such file");
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new DumpParseException(source, "cannot read: " + e.getMessage());
        } catch (DumpParseException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static boolean isGzip(Path path, String source) throws IOException, DumpParseException {
        try (InputStream in = Files.newInputStream(path)) {
            int a = in.read();
            if (a < 0) throw new DumpParseException(source, "file is empty");
            return a == 0x1f && in.read() == 0x8b;
        }
    }

    private static HprofFile readHeader(FileChannel ch, String source, Path temp, List<ParseWarning> warnings)
            throws IOException, DumpParseException {
        long size = ch.size();
        if (size == 0) throw new DumpParseException(source, "file is empty");
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate((int) Math.min(64, size));
        ch.read(head, 0);
        byte[] h = head.array();
        int n = head.position();
        int nul = -1;
        for (int i = 0; i < n; i++) if (h[i] == 0) { nul = i; break; }
        String start = new String(h, 0, Math.min(n, MAGIC.length()), StandardCharsets.ISO_8859_1);
        if (!start.equals(MAGIC.substring(0, start.length()))) {
            throw new DumpParseException(source, -1, 0, "not an HPROF heap dump (no \"JAVA PROFILE\" header)");
        }
        if (nul < 0 || n < MAGIC.length()) throw new DumpParseException(source, -1, n, "truncated HPROF header");
        String version = new String(h, 0, nul, StandardCharsets.ISO_8859_1).substring(MAGIC.length());
        if (nul + 13 > n) throw new DumpParseException(source, -1, n, "truncated HPROF header");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h, 0, n);
        int idSize = b.getInt(nul + 1);
        if (idSize != 4 && idSize != 8) {
            throw new DumpParseException(source, -1, nul + 1, "unsupported identifier size " + idSize);
        }
        long ts = b.getLong(nul + 5);
        return new HprofFile(source, version, idSize, ts, nul + 13, ch, size, temp, warnings);
    }

    /**
     * Decompresses into a temporary file. The decompressed file is the dump itself, so it is never larger than the
     * hprof; a gzip stream cut short keeps what was decompressed and yields a warning.
     */
    private static Path gunzip(Path path, String source, ProgressMonitor progress, List<ParseWarning> warnings)
            throws IOException, DumpParseException {
        Path temp = Files.createTempFile("dumplens-", ".hprof");
        temp.toFile().deleteOnExit();
        long total = Files.size(path);
        progress.phase("Decompressing", total);
        try (CountingInput counting = new CountingInput(Files.newInputStream(path));
             InputStream in = new GZIPInputStream(counting, 1 << 16);
             OutputStream out = Files.newOutputStream(temp)) {
            byte[] buf = new byte[1 << 16];
            long written = 0;
            while (true) {
                int r;
                try {
                    r = in.read(buf);
                } catch (EOFException | ZipException e) {
                    warnings.add(ParseWarning.atOffset(source, counting.count,
                            "compressed data ends early (" + e.getMessage() + "); reading the " + written
                                    + " bytes decompressed so far"));
                    break;
                }
                if (r < 0) break;
                if (written == 0 && r > 0 && buf[0] != 'J') {
                    throw new DumpParseException(source, -1, 0, "gzip file does not hold an HPROF heap dump");
                }
                out.write(buf, 0, r);
                written += r;
                progress.worked(counting.count);
                progress.checkCancelled();
            }
        } catch (IOException | DumpParseException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        return temp;
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            p.toFile().deleteOnExit();
        }
    }

    @Override public void close() {
        bytes.release();
        try {
            channel.close();
        } catch (IOException e) {
            // read-only channel: nothing to lose
        }
        deleteQuietly(tempFile);
    }

    /** Counts the compressed bytes consumed, for progress and for offsets in messages. */
    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
