package dev.dumplens.heap;

import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario dump rewritten with 4-byte identifiers (as a 32-bit VM writes them): same threads, names, frames and
 * retained objects; sizes follow the 32-bit layout.
 */
class FourByteIdTest {

    @TempDir
    Path dir;

    @Test
    void fourByteIdsGiveTheSameAnalysis() throws Exception {
        Path wide = ScenarioDumps.current();
        try (HeapSnapshot a = HeapSnapshot.open(wide, "wide", ProgressMonitor.NONE)) {
            long base = lowestObjectId(a);
            Path narrow = dir.resolve("narrow.hprof");
            IdSizeConverter.convert(wide, narrow, base);
            try (HeapSnapshot b = HeapSnapshot.open(narrow, "narrow", ProgressMonitor.NONE)) {
                assertThat(b.idSize()).isEqualTo(4);
                assertThat(b.shallowSizeModel()).isEqualTo(ShallowSizeModel.HOTSPOT_32);
                assertThat(b.objectCount()).isEqualTo(a.objectCount());
                assertThat(b.threads()).extracting(HeapThread::name).containsExactlyElementsOf(
                        a.threads().stream().map(HeapThread::name).toList());
                for (int i = 0; i < a.threads().size(); i++) {
                    HeapThread ta = a.threads().get(i);
                    HeapThread tb = b.threads().get(i);
                    assertThat(tb.tid()).isEqualTo(ta.tid());
                    assertThat(tb.frames()).extracting(f -> f.frame().text())
                            .isEqualTo(ta.frames().stream().map(f -> f.frame().text()).toList());
                    assertThat(tb.threadObject().id()).isEqualTo(IdSizeConverter.objectId(ta.threadObject().id(), base));
                    assertThat(retainedIds(b, tb.threadObject()))
                            .isEqualTo(retainedIds(a, ta.threadObject()).stream()
                                    .map(id -> IdSizeConverter.objectId(id, base)).sorted().toList());
                }
                HeapThread payloadA = b.threads().get(0);
                assertThat(payloadA.name()).isEqualTo("payload-A");
                assertThat(payloadA.retainedBytes()).isBetween((9L << 20) + 32, (9L << 20) + (16 << 10));
            }
        }
    }

    private static long lowestObjectId(HeapSnapshot s) {
        HeapGraph g = s.graph();
        long min = Long.MAX_VALUE;
        for (int p = 1; p < g.nodes; p++) if (g.classOf(p) >= 0) min = Math.min(min, g.id(p));
        return min;
    }

    /** Ids of the objects in a node's dominator subtree, sorted. */
    private static List<Long> retainedIds(HeapSnapshot s, HeapObject o) {
        HeapGraph g = s.graph();
        boolean[] in = new boolean[g.reachable];
        in[o.node()] = true;
        java.util.List<Long> out = new java.util.ArrayList<>(List.of(g.id(o.node())));
        for (int p = o.node() + 1; p < g.reachable; p++) {
            if (in[g.dominator[p]]) {
                in[p] = true;
                if (g.classOf(p) >= 0) out.add(g.id(p));
            }
        }
        out.sort(null);
        return out;
    }
}
