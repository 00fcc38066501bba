package dev.dumplens.heap;

import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heap dump segments in another order than HotSpot writes them — here the segment with the class dumps moved to the
 * end, after the objects that use those classes — must give the same analysis (classes are then read late and the
 * objects counted again).
 */
class RecordOrderTest {

    @TempDir
    Path dir;

    @Test
    void classDumpsAfterTheirInstances() throws Exception {
        Path original = ScenarioDumps.current();
        byte[] d = Files.readAllBytes(original);
        ByteBuffer b = ByteBuffer.wrap(d);
        int nul = 0;
        while (d[nul] != 0) nul++;
        int p = nul + 13;
        int firstSegment = -1;
        int firstSegmentEnd = -1;
        int end = -1;
        while (p < d.length) {
            int tag = d[p] & 0xff;
            int next = p + 9 + b.getInt(p + 5);
            if (tag == Hprof.HEAP_DUMP_SEGMENT && firstSegment < 0) {
                firstSegment = p;
                firstSegmentEnd = next;
            }
            if (tag == Hprof.HEAP_DUMP_END) end = p;
            p = next;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        out.write(d, 0, firstSegment);
        out.write(d, firstSegmentEnd, end - firstSegmentEnd);
        out.write(d, firstSegment, firstSegmentEnd - firstSegment);
        out.write(d, end, d.length - end);
        Path moved = dir.resolve("moved.hprof");
        Files.write(moved, out.toByteArray());
        try (HeapSnapshot a = HeapSnapshot.open(original, "a", ProgressMonitor.NONE);
             HeapSnapshot m = HeapSnapshot.open(moved, "m", ProgressMonitor.NONE)) {
            assertThat(m.objectCount()).isEqualTo(a.objectCount());
            assertThat(m.shallowBytes()).isEqualTo(a.shallowBytes());
            assertThat(m.threads()).extracting(HeapThread::name, HeapThread::retainedBytes)
                    .containsExactlyElementsOf(a.threads().stream()
                            .map(t -> org.assertj.core.groups.Tuple.tuple(t.name(), t.retainedBytes())).toList());
            assertThat(m.histogram()).isEqualTo(a.histogram());
        }
    }
}
