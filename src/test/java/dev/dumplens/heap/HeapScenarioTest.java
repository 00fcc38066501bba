package dev.dumplens.heap;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.dumplens.heap.HeapScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retained heap per thread, frame and local on dumps of {@link HeapScenario} taken by real JVMs (JDK 17, and JDK 25
 * when installed), against the scenario's designed ground truth.
 */
class HeapScenarioTest {
    /** What a thread retains besides its payloads: the Thread object, its name, locks, the lambda… */
    private static final long SLACK = 16 << 10;

    static Stream<Supplier<Path>> dumps() {
        return Stream.of(ScenarioDumps::current, ScenarioDumps::jdk25);
    }

    private static HeapSnapshot open(Supplier<Path> dump) throws Exception {
        Path p = dump.get();
        return HeapSnapshot.open(p, p.toString(), ProgressMonitor.NONE);
    }

    private static HeapThread thread(HeapSnapshot s, String name) {
        return s.threads().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name + " in " + s.threads().stream()
                        .map(HeapThread::name).toList()));
    }

    private static long array(long payload) {
        return payload + 16;
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void threadsAreRankedAsDesigned(Supplier<Path> dump) throws Exception {
        try (HeapSnapshot s = open(dump)) {
            List<String> ranked = s.threads().stream().map(HeapThread::name)
                    .filter(n -> n.startsWith("payload-") || n.startsWith("shared-") || n.equals("static-held")
                            || n.equals(UNICODE_NAME))
                    .toList();
            assertThat(ranked).containsExactly("payload-A", "payload-B", "payload-D", "payload-C", "shared-1",
                    UNICODE_NAME, "shared-2", "static-held");
            assertThat(s.threads().get(0).name()).isEqualTo("payload-A");
        }
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void threadsRetainExactlyTheirOwnPayloads(Supplier<Path> dump) throws Exception {
        try (HeapSnapshot s = open(dump)) {
            assertRetains(thread(s, "payload-A"), array(A_OUTER) + array(A_INNER));
            assertRetains(thread(s, "payload-B"), array(B));
            assertRetains(thread(s, "payload-C"), array(C));
            assertRetains(thread(s, "payload-D"), array(D));
            assertRetains(thread(s, "shared-1"), array(OWN_1));
            assertRetains(thread(s, "shared-2"), array(OWN_2));
            assertRetains(thread(s, "static-held"), array(OWN_STATIC));
            assertRetains(thread(s, UNICODE_NAME), array(UNICODE));
        }
    }

    private static void assertRetains(HeapThread t, long payloadBytes) {
        assertThat(t.retainedBytes()).as(t.name()).isBetween(payloadBytes, payloadBytes + SLACK);
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void sharedAndStaticPayloadsAreRetainedByNoThread(Supplier<Path> dump) throws Exception {
        try (HeapSnapshot s = open(dump)) {
            HeapObject shared = local(thread(s, "shared-1"), array(SHARED)).orElseThrow();
            assertThat(local(thread(s, "shared-2"), array(SHARED))).get().extracting(HeapObject::id)
                    .isEqualTo(shared.id());
            assertThat(s.topDominators(20)).extracting(HeapObject::id).contains(shared.id());
            HeapObject statik = local(thread(s, "static-held"), array(STATIC)).orElseThrow();
            assertThat(s.topDominators(20)).extracting(HeapObject::id).contains(statik.id());
        }
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void pathToGcRootGoesThroughTheFrame(Supplier<Path> dump) throws Exception {
        try (HeapSnapshot s = open(dump)) {
            HeapThread a = thread(s, "payload-A");
            HeapObject outer = local(a, array(A_OUTER)).orElseThrow();
            GcRootPath path = s.pathToGcRoot(outer);
            assertThat(path.steps()).hasSize(2);
            assertThat(path.steps().get(0).object()).isEqualTo(outer);
            assertThat(path.steps().get(0).via()).startsWith("local variable in dev.dumplens.heap.HeapScenario.holdOuter(");
            assertThat(path.steps().get(1).object()).isEqualTo(a.threadObject());
            assertThat(path.steps().get(1).rootKinds()).containsExactly(GcRootKind.THREAD_OBJECT);
            HeapObject name = s.findObject(a.threadObject().id()).orElseThrow();
            assertThat(name).isEqualTo(a.threadObject());
        }
    }

    private static Optional<HeapObject> local(HeapThread t, long shallow) {
        return t.frames().stream().flatMap(f -> f.locals().stream()).map(HeapLocal::object)
                .filter(o -> o.className().equals("byte[]") && o.shallowBytes() == shallow).findFirst();
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void framesRetainTheirOwnLocals(Supplier<Path> dump) throws Exception {
        try (HeapSnapshot s = open(dump)) {
            HeapThread a = thread(s, "payload-A");
            HeapFrame outer = frame(a, "holdOuter");
            HeapFrame inner = frame(a, "holdInner");
            assertThat(inner.depth()).isLessThan(outer.depth());
            assertThat(outer.retainedBytes()).isEqualTo(array(A_OUTER));
            assertThat(inner.retainedBytes()).isEqualTo(array(A_INNER));
            assertThat(outer.locals()).extracting(l -> l.object().shallowBytes()).contains(array(A_OUTER));
            assertThat(outer.locals()).allSatisfy(l -> assertThat(l.kind()).isEqualTo(GcRootKind.JAVA_FRAME));
            assertThat(outer.frame().text())
                    .matches("dev\\.dumplens\\.heap\\.HeapScenario\\.holdOuter\\(HeapScenario\\.java:\\d+\\)");
            assertThat(a.frames().get(0).frame().text()).startsWith("jdk.internal.misc.Unsafe.park(Native Method)");

            HeapThread d = thread(s, "payload-D");
            HeapFrame twice = frame(d, "holdTwice");
            HeapFrame once = frame(d, "holdOne");
            assertThat(twice.locals()).extracting(l -> l.object().shallowBytes()).contains(array(D));
            assertThat(once.locals()).extracting(l -> l.object().shallowBytes()).contains(array(D));
            assertThat(twice.retainedBytes()).isLessThan(D);
            assertThat(once.retainedBytes()).isLessThan(D);
            assertThat(twice.maxLocalRetainedBytes()).isEqualTo(array(D));
        }
    }

    private static HeapFrame frame(HeapThread t, String method) {
        return t.frames().stream().filter(f -> f.frame().methodName().equals(method)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void threadFactsAreReadFromThreadObjects(Supplier<Path> dump) throws Exception {
        try (HeapSnapshot s = open(dump)) {
            Map<String, long[]> facts = ScenarioDumps.threadFacts(dump.get());
            assertThat(facts).hasSize(9);
            facts.forEach((name, f) -> {
                assertThat(thread(s, name).tid()).as(name).isEqualTo(f[0]);
                assertThat(thread(s, name).daemon()).as(name).isEqualTo(f[1] == 1);
            });
            assertThat(thread(s, "payload-C").daemon()).isTrue();
            assertThat(thread(s, "payload-B").state()).isEqualTo(ThreadState.WAITING);
            assertThat(thread(s, "Reference Handler").daemon()).isTrue();
            assertThat(s.threads()).extracting(HeapThread::tid).doesNotContainNull().doesNotHaveDuplicates();
            ThreadDump td = s.toThreadDump();
            assertThat(td.format()).isEqualTo("hprof");
            DumpThread b = td.threads().stream().filter(t -> t.name().equals("payload-B")).findFirst().orElseThrow();
            assertThat(b.javaId()).isEqualTo(thread(s, "payload-B").tid());
            assertThat(b.frames()).extracting(f -> f.methodName()).contains("holdOne", "park");
        }
    }

    @org.junit.jupiter.api.Test
    void utf16ThreadNamesDecode() throws Exception {
        try (HeapSnapshot s = open(ScenarioDumps::utf16Strings)) {
            assertThat(s.threads()).extracting(HeapThread::name).contains(UNICODE_NAME, "payload-A", "main");
        }
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void histogramCountsPayloadArrays(Supplier<Path> dump) throws Exception {
        try (HeapSnapshot s = open(dump)) {
            ClassHistogramEntry bytes = s.histogram().stream().filter(e -> e.className().equals("byte[]"))
                    .findFirst().orElseThrow();
            long payloads = array(A_OUTER) + array(A_INNER) + array(B) + array(C) + array(D) + array(SHARED)
                    + array(OWN_1) + array(OWN_2) + array(STATIC) + array(OWN_STATIC) + array(UNICODE);
            assertThat(bytes.shallowBytes()).isGreaterThanOrEqualTo(payloads);
            assertThat(bytes.retainedBytes()).isEqualTo(bytes.shallowBytes());
            assertThat(s.histogram().get(0).className()).isIn("byte[]", "java.lang.Thread");
            long sum = s.histogram().stream().mapToLong(ClassHistogramEntry::shallowBytes).sum();
            assertThat(sum).isEqualTo(s.shallowBytes());
            assertThat(s.histogram().stream().mapToLong(ClassHistogramEntry::instances).sum())
                    .isEqualTo(s.objectCount());
        }
    }
}
