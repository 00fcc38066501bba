package dev.dumplens.heap;

import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small {@link SyntheticHprof} dump read by DumpLens gives exactly the designed answers: this checks the
 * synthetic file (and the engine) before the generator is trusted at 100 M objects.
 */
class SyntheticHprofTest {
    private static final int WORKERS = 8;
    private static final long OBJECTS = 240_000;

    @TempDir
    static Path dir;
    private static SyntheticHprof.Expected expected;
    private static HeapSnapshot heap;
    private static Map<String, HeapThread> byName;

    @BeforeAll
    static void writeAndOpen() throws Exception {
        Path file = dir.resolve("synthetic.hprof");
        expected = SyntheticHprof.write(file, OBJECTS, WORKERS, 7);
        heap = HeapSnapshot.open(file, file.toString(), ProgressMonitor.NONE);
        byName = heap.threads().stream().collect(Collectors.toMap(HeapThread::name, Function.identity()));
    }

    @AfterAll
    static void close() {
        if (heap != null) heap.close();
    }

    @Test
    void readsEveryObjectWithoutWarnings() {
        assertThat(heap.warnings()).isEmpty();
        assertThat(heap.hprofVersion()).isEqualTo("1.0.2");
        assertThat(heap.idSize()).isEqualTo(8);
        assertThat(heap.shallowSizeModel()).isEqualTo(ShallowSizeModel.HOTSPOT_64_COMPRESSED);
        assertThat(expected.objects()).isBetween(OBJECTS * 98 / 100, OBJECTS * 102 / 100);
        assertThat(heap.objectCount()).isEqualTo(expected.objects());
        assertThat(heap.unreachableObjectCount()).isZero();
        assertThat(heap.shallowBytes()).isEqualTo(expected.shallowBytes());
        assertThat(expected.segments()).isGreaterThanOrEqualTo(expected.fileBytes() >> 20);
    }

    @Test
    void threadsHaveTheirNamesIdsFlagsAndStacks() {
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(
                expected.threads().stream().map(SyntheticHprof.ThreadFigures::name).toList());
        for (SyntheticHprof.ThreadFigures e : expected.threads()) {
            HeapThread t = byName.get(e.name());
            assertThat(t.tid()).as(e.name()).isEqualTo(e.tid());
            assertThat(t.daemon()).as(e.name()).isEqualTo(e.daemon());
            assertThat(t.threadObject().id()).as(e.name()).isEqualTo(e.objectId());
            assertThat(t.frames()).as(e.name()).hasSize(e.frameRetainedBytes().length);
        }
        HeapThread w = byName.get("worker-003");
        assertThat(w.state()).isEqualTo(ThreadState.WAITING);
        assertThat(w.frames().stream().map(f -> f.frame().text()).toList()).containsExactly(
                "synthetic.Worker.inner(Worker.java:40)", "synthetic.Worker.middle(Worker.java:30)",
                "synthetic.Worker.outer(Worker.java:20)", "synthetic.Worker.run(Worker.java:12)",
                "java.lang.Thread.run(Thread.java:833)");
        assertThat(byName.get("main").state()).isEqualTo(ThreadState.RUNNABLE);
    }

    @Test
    void threadsAndFramesRetainExactlyTheDesignedBytes() {
        for (SyntheticHprof.ThreadFigures e : expected.threads()) {
            HeapThread t = byName.get(e.name());
            assertThat(t.retainedBytes()).as(e.name()).isEqualTo(e.retainedBytes());
            for (int f = 0; f < e.frameRetainedBytes().length; f++) {
                assertThat(t.frames().get(f).retainedBytes()).as(e.name() + " frame " + f)
                        .isEqualTo(e.frameRetainedBytes()[f]);
            }
        }
    }

    @Test
    void threadsAreRankedAsDesigned() {
        List<String> designed = expected.threads().stream().map(SyntheticHprof.ThreadFigures::name).toList();
        assertThat(heap.threads().stream().map(HeapThread::name).toList()).containsExactlyElementsOf(designed);
        assertThat(designed.get(0)).isEqualTo(String.format("worker-%03d", WORKERS - 1));
        assertThat(designed.get(designed.size() - 1)).isEqualTo("main");
    }

    /** The background node and the two shared arrays are frame 0's locals, yet not in its or the thread's figure. */
    @Test
    void backgroundAndSharedObjectsAreHeldButNotCredited() {
        for (SyntheticHprof.ThreadFigures e : expected.threads()) {
            if (e.backgroundLocalId() == 0) continue;
            HeapFrame inner = byName.get(e.name()).frames().get(0);
            Map<Long, HeapLocal> locals = inner.locals().stream()
                    .collect(Collectors.toMap(l -> l.object().id(), Function.identity()));
            HeapLocal background = locals.get(e.backgroundLocalId());
            assertThat(background).as(e.name()).isNotNull();
            assertThat(background.object().className()).isEqualTo("synthetic.Node");
            assertThat(background.kind()).isEqualTo(GcRootKind.JAVA_FRAME);
            for (long shared : e.sharedLocalIds()) {
                assertThat(locals.get(shared)).as(e.name()).isNotNull();
                assertThat(locals.get(shared).object().retainedBytes()).isEqualTo(1016);
            }
            long ownLocals = inner.locals().stream().mapToLong(l -> l.object().retainedBytes()).sum()
                    - background.object().retainedBytes() - 2 * 1016;
            assertThat(inner.retainedBytes()).as(e.name()).isEqualTo(ownLocals);
        }
    }
}
