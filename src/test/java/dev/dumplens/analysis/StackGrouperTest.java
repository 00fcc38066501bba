package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.dumplens.model.ThreadState.BLOCKED;
import static dev.dumplens.model.ThreadState.NONE;
import static dev.dumplens.model.ThreadState.RUNNABLE;
import static dev.dumplens.model.ThreadState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

class StackGrouperTest {
    private final Threads t = new Threads();

    private DumpThread worker(String name, String lambdaFrame, String runFrame) {
        return t.thread(name, WAITING,
                "jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)",
                "app.Worker.take(Worker.java:20)", lambdaFrame, runFrame).build();
    }

    @Test
    void everyThreadLandsInExactlyOneGroup() {
        List<DumpThread> threads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            threads.add(t.thread("w-" + i, i % 3 == 0 ? BLOCKED : WAITING, "a.B.c(B.java:" + (i % 4) + ")").build());
        }
        threads.add(t.thread("GC Thread#0", NONE).build());
        for (Similarity s : List.of(Similarity.EXACT, Similarity.NORMALIZED, Similarity.METHOD, Similarity.topN(1))) {
            List<StackGroup> groups = StackGrouper.group(threads, s);
            List<DumpThread> all = new ArrayList<>();
            groups.forEach(g -> all.addAll(g.threads()));
            assertThat(all).as(s.toString()).hasSize(threads.size());
            assertThat(all).as(s.toString()).containsExactlyInAnyOrderElementsOf(threads);
        }
    }

    @Test
    void stateIsPartOfTheGroup() {
        DumpThread a = t.thread("a", BLOCKED, "x.Y.z(Y.java:1)").build();
        DumpThread b = t.thread("b", RUNNABLE, "x.Y.z(Y.java:1)").build();
        assertThat(StackGrouper.group(List.of(a, b), Similarity.METHOD)).hasSize(2);
    }

    @Test
    void levelsFoldMoreAndMore() {
        DumpThread jdk17 = worker("pool-1-thread-1", "app.Main$$Lambda$5/0x00007fadbc001208.run(Unknown Source)",
                "java.lang.Thread.run(java.base@17.0.15/Thread.java:840)");
        DumpThread sameButLambdaAddress = worker("pool-1-thread-2",
                "app.Main$$Lambda$9/0x00007fadbc00aa10.run(Unknown Source)",
                "java.lang.Thread.run(java.base@17.0.15/Thread.java:840)");
        DumpThread otherLine = worker("pool-2-thread-1", "app.Main$$Lambda$5/0x00007fadbc001208.run(Unknown Source)",
                "java.lang.Thread.run(java.base@17.0.15/Thread.java:833)");
        List<DumpThread> all = List.of(jdk17, sameButLambdaAddress, otherLine);

        assertThat(sizes(StackGrouper.group(all, Similarity.EXACT))).containsExactly(1, 1, 1);
        assertThat(sizes(StackGrouper.group(all, Similarity.NORMALIZED))).containsExactly(2, 1);
        assertThat(sizes(StackGrouper.group(all, Similarity.METHOD))).containsExactly(3);
        assertThat(sizes(StackGrouper.group(all, Similarity.topN(2)))).containsExactly(3);
    }

    @Test
    void topNGroupShowsOnlyTheComparedFrames() {
        DumpThread a = t.thread("a", WAITING, "x.A.wait(A.java:1)", "x.B.one(B.java:2)").build();
        DumpThread b = t.thread("b", WAITING, "x.A.wait(A.java:1)", "x.C.two(C.java:3)").build();
        StackGroup g = StackGrouper.group(List.of(a, b), Similarity.topN(1)).get(0);
        assertThat(g.size()).isEqualTo(2);
        assertThat(g.frames()).extracting(Object::toString).containsExactly("x.A.wait(A.java:1)");
        assertThat(g.signature()).containsExactly("x.A.wait(A.java:1)");
    }

    @Test
    void representativeFramesAreAsPrintedWhileTheSignatureIsNormalized() {
        DumpThread a = worker("p-1", "app.Main$$Lambda$5/0x00007fadbc001208.run(Unknown Source)",
                "java.lang.Thread.run(java.base@17.0.15/Thread.java:840)");
        StackGroup g = StackGrouper.group(List.of(a), Similarity.NORMALIZED).get(0);
        assertThat(g.frames().get(2).text()).isEqualTo("app.Main$$Lambda$5/0x00007fadbc001208.run(Unknown Source)");
        assertThat(g.signature().get(2)).isEqualTo("app.Main$$Lambda.run(Unknown Source)");
        assertThat(g.topFrame().text()).isEqualTo("jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)");
    }

    @Test
    void largestFirstThenFirstAppearance() {
        List<DumpThread> threads = List.of(
                t.thread("solo", RUNNABLE, "s.S.s(S.java:1)").build(),
                t.thread("b-1", WAITING, "b.B.b(B.java:1)").build(),
                t.thread("a-1", WAITING, "a.A.a(A.java:1)").build(),
                t.thread("a-2", WAITING, "a.A.a(A.java:1)").build(),
                t.thread("b-2", WAITING, "b.B.b(B.java:1)").build(),
                t.thread("c-1", WAITING, "c.C.c(C.java:1)").build(),
                t.thread("c-2", WAITING, "c.C.c(C.java:1)").build(),
                t.thread("c-3", WAITING, "c.C.c(C.java:1)").build());
        List<StackGroup> groups = StackGrouper.group(threads, Similarity.NORMALIZED);
        assertThat(groups).extracting(StackGroup::nameTemplate).containsExactly("c-*", "b-*", "a-*", "solo");
        assertThat(groups.get(1).threads()).extracting(DumpThread::name).containsExactly("b-1", "b-2");
    }

    @Test
    void keyIsStableAcrossDumpsAndRunsAndSplitsByNameTemplate() {
        String frame = "jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)";
        List<DumpThread> first = List.of(t.thread("pool-1-thread-1", WAITING, frame).build(),
                t.thread("pool-2-thread-1", WAITING, frame).build(),
                t.thread("pool-2-thread-2", WAITING, frame).build());
        Threads otherParse = new Threads();
        List<DumpThread> second = List.of(otherParse.thread("pool-1-thread-1", WAITING,
                "jdk.internal.misc.Unsafe.park(java.base@17.0.16/Native Method)").build());

        StackGroup g1 = StackGrouper.group(first, Similarity.NORMALIZED).get(0);
        StackGroup g2 = StackGrouper.group(second, Similarity.NORMALIZED).get(0);
        assertThat(g1.key()).isEqualTo(g2.key()).matches("WAITING/[0-9a-f]{16}")
                .isEqualTo(StackGrouper.key(ThreadState.WAITING, List.of("jdk.internal.misc.Unsafe.park(Native Method)")));
        assertThat(StackGrouper.group(first, Similarity.EXACT).get(0).key())
                .isNotEqualTo(StackGrouper.group(second, Similarity.EXACT).get(0).key());

        assertThat(g1.nameTemplate()).isEqualTo("pool-*-thread-*");
        DumpThread x = t.thread("reader-1", WAITING, frame).build();
        DumpThread y = t.thread("writer-1", WAITING, frame).build();
        DumpThread z = t.thread("writer-2", WAITING, frame).build();
        StackGroup mixed = StackGrouper.group(List.of(x, y, z), Similarity.NORMALIZED).get(0);
        assertThat(mixed.nameTemplate()).isEqualTo("writer-*|reader-*");
        List<StackGroup> parts = mixed.splitByNameTemplate();
        assertThat(parts).extracting(StackGroup::nameTemplate).containsExactly("writer-*", "reader-*");
        assertThat(parts).extracting(StackGroup::size).containsExactly(2, 1);
        assertThat(parts).allSatisfy(p -> assertThat(p.key()).isEqualTo(mixed.key()));
    }

    @Test
    void normalizesEachDistinctFrameOnce() {
        StackSignatures sigs = new StackSignatures(Similarity.NORMALIZED);
        DumpThread a = worker("a", "app.Main$$Lambda$5/0x00007fadbc001208.run(Unknown Source)", "x.Y.z(Y.java:1)");
        DumpThread b = worker("b", "app.Main$$Lambda$5/0x00007fadbc001208.run(Unknown Source)", "x.Y.z(Y.java:1)");
        List<String> sa = sigs.signature(a);
        List<String> sb = sigs.signature(b);
        for (int i = 0; i < sa.size(); i++) assertThat(sa.get(i)).isSameAs(sb.get(i));
    }

    private static List<Integer> sizes(List<StackGroup> groups) {
        return groups.stream().map(StackGroup::size).toList();
    }
}
