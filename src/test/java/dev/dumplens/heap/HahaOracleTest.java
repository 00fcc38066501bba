package dev.dumplens.heap;

import dev.dumplens.progress.ProgressMonitor;
import org.eclipse.mat.parser.internal.SnapshotFactory;
import org.eclipse.mat.snapshot.ISnapshot;
import org.eclipse.mat.util.VoidProgressListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares retained sets with {@code com.squareup.haha} 1.3 (a fork of Eclipse MAT's engine) on the scenario dumps,
 * for every thread, every frame local and the top 25 dominators. Sizes are compared through the sets: our retained
 * size must equal the sum of our shallow sizes over the objects MAT retains (MAT's own byte figures differ by its
 * shallow-size model, see {@link ShallowSizeModel}).
 * <p>
 * One known difference is checked rather than ignored: Square's fork leaves out the {@code referent} field of
 * {@code java.lang.ref.Reference} objects (a LeakCanary change), where Eclipse MAT — and DumpLens — keep it as a
 * reference. So where the sets differ, every object in the difference must be reachable (for us) through a
 * {@code referent} field, and objects MAT does not know at all must be reachable only that way. The scenario's own
 * threads involve no {@code java.lang.ref} objects and must match exactly.
 */
class HahaOracleTest {

    static Stream<Supplier<Path>> dumps() {
        return HeapScenarioTest.dumps();
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void retainedSetsMatchMat(Supplier<Path> dump) throws Exception {
        Path hprof = dump.get();
        Path copy = Files.createTempDirectory("dumplens-haha").resolve("oracle.hprof");
        Files.copy(hprof, copy);
        ISnapshot mat = new SnapshotFactory().openSnapshot(copy.toFile(), new HashMap<>(), new VoidProgressListener());
        try (HeapSnapshot ours = HeapSnapshot.open(hprof, hprof.toString(), ProgressMonitor.NONE)) {
            Oracle oracle = new Oracle(mat, ours);
            for (HeapThread t : ours.threads()) {
                boolean scenario = t.name().matches("payload-.*|shared-.*|static-held|unicode-.*");
                oracle.compare(t.threadObject(), "thread " + t.name(), scenario);
                for (HeapFrame f : t.frames()) {
                    for (HeapLocal l : f.locals()) oracle.compare(l.object(), t.name() + " local", scenario);
                }
            }
            for (HeapObject o : ours.topDominators(25)) {
                if (oracle.unknownToMat(o.id())) {
                    assertThat(oracle.throughReferent(o.node())).as(o + " is unknown to MAT").isTrue();
                    continue;
                }
                oracle.compare(o, "dominator " + o.className(), false);
                assertThat(mat.getImmediateDominatorId(mat.mapAddressToId(o.id()))).as("MAT's dominator of " + o)
                        .isEqualTo(-1);
            }
            assertThat(oracle.exact).isGreaterThan(100);
            assertThat(oracle.differing).as("comparisons explained by referent fields").isLessThan(oracle.exact / 20);
        } finally {
            mat.dispose();
        }
    }

    private static final class Oracle {
        private final ISnapshot mat;
        private final HeapSnapshot ours;
        private final HeapGraph g;
        private final Map<Long, Integer> nodeById = new HashMap<>();
        int exact;
        int differing;

        Oracle(ISnapshot mat, HeapSnapshot ours) {
            this.mat = mat;
            this.ours = ours;
            this.g = ours.graph();
            for (int p = 1; p < g.reachable; p++) if (g.classOf(p) >= 0) nodeById.put(g.id(p), p);
        }

        void compare(HeapObject o, String what, boolean mustBeExact) throws Exception {
            int matId = mat.mapAddressToId(o.id());
            Set<Long> theirs = new HashSet<>();
            for (int r : mat.getRetainedSet(new int[] {matId}, new VoidProgressListener())) {
                theirs.add(mat.mapIdToAddress(r));
            }
            Set<Long> mine = retainedSet(o.node());
            if (theirs.equals(mine)) {
                long sum = 0;
                for (long id : theirs) sum += g.shallow(nodeById.get(id));
                assertThat(o.retainedBytes()).as(what).isEqualTo(sum);
                exact++;
                return;
            }
            assertThat(mustBeExact).as(what + ": retained sets differ from MAT's").isFalse();
            differing++;
            for (long id : mine) {
                if (!theirs.contains(id)) {
                    assertThat(unknownToMat(id)).as(what + ": we retain 0x" + Long.toHexString(id)
                            + ", which MAT knows but does not retain").isTrue();
                    assertThat(throughReferent(nodeById.get(id))).as(what + ": 0x" + Long.toHexString(id)).isTrue();
                }
            }
            for (long id : theirs) {
                if (!mine.contains(id)) {
                    assertThat(throughReferent(nodeById.get(id))).as(what + ": MAT retains 0x"
                            + Long.toHexString(id) + ", we do not, and no referent explains it").isTrue();
                }
            }
        }

        boolean unknownToMat(long id) {
            try {
                return mat.mapAddressToId(id) < 0;
            } catch (org.eclipse.mat.SnapshotException e) {
                return true;
            }
        }

        /** Whether some chain of references from a GC root to {@code node} passes a {@code referent} field. */
        boolean throughReferent(int node) {
            Set<Integer> seen = new HashSet<>();
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
            queue.add(node);
            seen.add(node);
            while (!queue.isEmpty()) {
                int u = queue.poll();
                for (int k = g.predStart(u); k < g.predStart(u + 1); k++) {
                    int v = g.pred(k);
                    if (v == 0 || !seen.add(v)) continue;
                    if ("referent".equals(ours.via(v, u))) return true;
                    queue.add(v);
                }
            }
            return false;
        }

        /** Our retained set of a node: its subtree in the dominator tree (dominators precede in preorder). */
        private Set<Long> retainedSet(int node) {
            boolean[] in = new boolean[g.reachable];
            in[node] = true;
            Set<Long> out = new HashSet<>();
            if (g.classOf(node) >= 0) out.add(g.id(node));
            for (int p = node + 1; p < g.reachable; p++) {
                if (in[g.dominator[p]]) {
                    in[p] = true;
                    if (g.classOf(p) >= 0) out.add(g.id(p));
                }
            }
            return out;
        }
    }
}
