package dev.dumplens.heap;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Empty, foreign, cut-off and corrupted files: a clear message naming file and offset, partial results, no hang. */
class HeapBadInputTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static HeapSnapshot open(Path p) throws DumpParseException {
        return assertTimeoutPreemptively(LIMIT, () -> HeapSnapshot.open(p, p.getFileName().toString(),
                ProgressMonitor.NONE));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static byte[] dump() throws IOException {
        return Files.readAllBytes(ScenarioDumps.current());
    }

    @Test
    void emptyFile() throws Exception {
        Path p = write("empty.hprof", new byte[0]);
        assertThatThrownBy(() -> open(p)).isInstanceOf(DumpParseException.class)
                .extracting(e -> ((DumpParseException) e).userMessage()).isEqualTo("empty.hprof: file is empty");
    }

    @Test
    void textFile() throws Exception {
        Path p = write("notes.hprof", "\"main\" #1 prio=5 os_prio=0 tid=0x1 nid=0x2 runnable\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> open(p)).isInstanceOf(DumpParseException.class)
                .extracting(e -> ((DumpParseException) e).userMessage())
                .isEqualTo("notes.hprof:@0: not an HPROF heap dump (no \"JAVA PROFILE\" header)");
    }

    @Test
    void headerOnly() throws Exception {
        byte[] d = dump();
        Path p = write("header.hprof", java.util.Arrays.copyOf(d, headerLength(d)));
        assertThatThrownBy(() -> open(p)).isInstanceOf(DumpParseException.class)
                .extracting(e -> ((DumpParseException) e).userMessage())
                .isEqualTo("header.hprof:@31: contains no heap dump records (HPROF header only)");
    }

    @Test
    void cutInsideTheHeader() throws Exception {
        Path p = write("cut.hprof", java.util.Arrays.copyOf(dump(), 24));
        assertThatThrownBy(() -> open(p)).isInstanceOf(DumpParseException.class)
                .extracting(e -> ((DumpParseException) e).userMessage())
                .isEqualTo("cut.hprof:@24: truncated HPROF header");
    }

    @Test
    void cutBeforeTheHeapDump() throws Exception {
        byte[] d = dump();
        long heap = firstRecord(d, Hprof.HEAP_DUMP_SEGMENT);
        Path p = write("strings-only.hprof", java.util.Arrays.copyOf(d, (int) heap + 5));
        assertThatThrownBy(() -> open(p)).isInstanceOf(DumpParseException.class)
                .extracting(e -> ((DumpParseException) e).userMessage())
                .isEqualTo("strings-only.hprof:@" + heap + ": contains no heap dump records; record header cut off "
                        + "by the end of the file: file truncated");
    }

    @Test
    void truncatedMidRecordYieldsWhatWasRead() throws Exception {
        byte[] d = dump();
        int cut = d.length * 3 / 5;
        Path p = write("truncated.hprof", java.util.Arrays.copyOf(d, cut));
        try (HeapSnapshot s = open(p)) {
            assertThat(s.objectCount()).isGreaterThan(500);
            assertThat(s.warnings()).first().satisfies(w -> {
                assertThat(w.offset()).isBetween(0L, (long) cut);
                assertThat(w.message()).contains("file truncated");
                assertThat(w.toString()).startsWith("truncated.hprof:@");
            });
            assertThat(s.warnings()).anySatisfy(w -> assertThat(w.message()).contains("runs past the end"));
            assertThat(s.warnings()).last().satisfies(w -> assertThat(w.message())
                    .contains("objects that nothing references are taken as GC roots"));
        }
    }

    @Test
    void recordLengthBeyondTheEndOfTheFile() throws Exception {
        byte[] d = dump();
        int seg = (int) firstRecord(d, Hprof.HEAP_DUMP_SEGMENT);
        long next = seg + 9 + (ByteBuffer.wrap(d).getInt(seg + 5) & 0xffffffffL);
        ByteBuffer.wrap(d).putInt(seg + 5, 0x7fffff00);
        Path p = write("long-record.hprof", d);
        try (HeapSnapshot s = open(p)) {
            ParseWarning w = s.warnings().get(0);
            assertThat(w.offset()).isEqualTo(seg);
            assertThat(w.message()).contains("declares 2147483392 bytes").contains("record length corrupt");
            assertThat(s.warnings().get(1).message()).startsWith("unknown heap dump sub-record tag 0x1C at @" + next);
            assertThat(s.objectCount()).isPositive();
        }
    }

    @Test
    void recordLengthTooShort() throws Exception {
        byte[] d = dump();
        int seg = (int) firstRecord(d, Hprof.HEAP_DUMP_SEGMENT);
        ByteBuffer.wrap(d).putInt(seg + 5, 1001);
        Path p = write("short-record.hprof", d);
        try (HeapSnapshot s = open(p)) {
            assertThat(s.warnings()).extracting(ParseWarning::message)
                    .anySatisfy(m -> assertThat(m).contains("runs past the end of its record"))
                    .anySatisfy(m -> assertThat(m).startsWith("unknown record tag"));
        } catch (DumpParseException e) {
            assertThat(e.userMessage()).startsWith("short-record.hprof:@");
        }
    }

    @Test
    void corruptSubRecordTagSkipsTheRestOfItsSegment() throws Exception {
        byte[] d = dump();
        int seg = (int) firstRecord(d, Hprof.HEAP_DUMP_SEGMENT);
        d[seg + 9] = (byte) 0x77;
        Path p = write("bad-tag.hprof", d);
        try (HeapSnapshot s = open(p)) {
            assertThat(s.warnings()).first().satisfies(w -> {
                assertThat(w.message()).startsWith("unknown heap dump sub-record tag 0x77 at @" + (seg + 9));
                assertThat(w.offset()).isEqualTo(seg + 9);
            });
        }
    }

    @Test
    void gzipCompressedDumpReadsLikeThePlainOne() throws Exception {
        Path plain = ScenarioDumps.current();
        Path gz = dir.resolve("scenario.hprof.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        try (HeapSnapshot a = open(plain); HeapSnapshot b = open(gz)) {
            assertThat(b.objectCount()).isEqualTo(a.objectCount());
            assertThat(b.threads()).extracting(HeapThread::name, HeapThread::retainedBytes)
                    .isEqualTo(a.threads().stream().map(t -> org.assertj.core.groups.Tuple.tuple(t.name(),
                            t.retainedBytes())).toList());
        }
        byte[] z = Files.readAllBytes(gz);
        Path cut = write("cut.hprof.gz", java.util.Arrays.copyOf(z, z.length - 4096));
        try (HeapSnapshot s = open(cut)) {
            assertThat(s.warnings()).first().satisfies(w -> assertThat(w.message())
                    .startsWith("compressed data ends early"));
        }
    }

    @Test
    void gzipOfSomethingElse() throws Exception {
        Path gz = dir.resolve("text.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> open(gz)).isInstanceOf(DumpParseException.class)
                .extracting(e -> ((DumpParseException) e).userMessage())
                .isEqualTo("text.gz:@0: gzip file does not hold an HPROF heap dump");
    }

    private static int headerLength(byte[] d) {
        int nul = 0;
        while (d[nul] != 0) nul++;
        return nul + 13;
    }

    /** Offset of the first top-level record with this tag. */
    private static long firstRecord(byte[] d, int tag) {
        ByteBuffer b = ByteBuffer.wrap(d);
        long p = headerLength(d);
        while (p + 9 <= d.length) {
            if ((d[(int) p] & 0xff) == tag) return p;
            p += 9 + (b.getInt((int) p + 5) & 0xffffffffL);
        }
        throw new AssertionError("no record " + tag);
    }
}
