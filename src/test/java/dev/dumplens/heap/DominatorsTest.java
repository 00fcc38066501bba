package dev.dumplens.heap;

import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dominator computation against the textbook definition (dominator sets by fixed-point iteration) on random
 * graphs of the shapes heaps have: long chains, back edges, shared hubs, self-references, unreachable parts.
 */
class DominatorsTest {
    private static final Random SEEDS = new Random(20261126);

    @RepeatedTest(200)
    void randomGraphsMatchTheDefinition() {
        long seed = SEEDS.nextLong();
        Random random = new Random(seed);
        int n = 2 + random.nextInt(60);
        List<List<Integer>> out = new ArrayList<>();
        for (int v = 0; v < n; v++) out.add(new ArrayList<>());
        int edges = random.nextInt(3 * n);
        for (int i = 0; i < edges; i++) {
            int v = random.nextInt(n);
            // mostly forward edges (chains), some back edges, self-loops and hubs
            int w = random.nextInt(4) == 0 ? random.nextInt(n) : Math.min(n - 1, v + 1 + random.nextInt(3));
            if (random.nextInt(10) == 0) w = n / 2;
            out.get(v).add(w);
        }
        assertThat(computed(out)).as("seed %d", seed).isEqualTo(expected(out));
    }

    @Test
    void longChainNeedsNoCallStack() {
        int n = 2_000_000;
        List<List<Integer>> out = new ArrayList<>();
        for (int v = 0; v < n; v++) out.add(v + 1 < n ? List.of(v + 1) : List.of());
        int[] idom = computed(out);
        assertThat(idom[n - 1]).isEqualTo(n - 2);
        assertThat(idom[1]).isZero();
    }

    @Test
    void diamondIsDominatedByItsTop() {
        // 0 -> 1 -> {2, 3} -> 4 -> 5, and 0 -> 3
        int[] idom = computed(List.of(List.of(1, 3), List.of(2, 3), List.of(4), List.of(4), List.of(5), List.of()));
        assertThat(idom).containsExactly(-1, 0, 1, 0, 0, 4);
    }

    /** Immediate dominators by node (not preorder number) from the production code; -1 for root and unreachable. */
    private static int[] computed(List<List<Integer>> out) {
        int n = out.size();
        int[] offsets = new int[n + 1];
        for (int v = 0; v < n; v++) offsets[v + 1] = offsets[v] + out.get(v).size();
        int[] edges = new int[offsets[n]];
        for (int v = 0, k = 0; v < n; v++) for (int w : out.get(v)) edges[k++] = w;
        try (Spill spill = Spill.create()) {
            Dominators.Dfs dfs = Dominators.dfs(0, offsets, edges, n, n, spill, ProgressMonitor.NONE);
            int r = dfs.reachable();
            int[] pre = dfs.pre();
            int[] vertex = spill.read(dfs.vertex());
            int[][] preds = Dominators.predecessors(r, pre, dfs.inDegree(), spill, dfs.edgeStart(), dfs.forward(), n);
            int[] dom = Dominators.compute(r, spill, dfs.parent(), preds, ProgressMonitor.NONE);
            int[] idom = new int[n];
            for (int v = 0; v < n; v++) idom[v] = pre[v] <= 0 || pre[v] >= r ? -1 : vertex[dom[pre[v]]];
            return idom;
        }
    }

    /** Dom(root) = {root}; Dom(v) = {v} ∪ ⋂ Dom(p) over reachable predecessors p; idom = the closest strict one. */
    private static int[] expected(List<List<Integer>> out) {
        int n = out.size();
        BitSet reachable = new BitSet();
        List<Integer> queue = new ArrayList<>(List.of(0));
        reachable.set(0);
        for (int i = 0; i < queue.size(); i++) {
            for (int w : out.get(queue.get(i))) {
                if (!reachable.get(w)) {
                    reachable.set(w);
                    queue.add(w);
                }
            }
        }
        BitSet[] dom = new BitSet[n];
        for (int v = 0; v < n; v++) {
            dom[v] = new BitSet();
            if (v == 0) dom[v].set(0); else dom[v].set(0, n);
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int v = 1; v < n; v++) {
                if (!reachable.get(v)) continue;
                BitSet d = null;
                for (int p = 0; p < n; p++) {
                    if (!reachable.get(p) || !out.get(p).contains(v)) continue;
                    if (d == null) d = (BitSet) dom[p].clone(); else d.and(dom[p]);
                }
                d.set(v);
                if (!d.equals(dom[v])) {
                    dom[v] = d;
                    changed = true;
                }
            }
        }
        int[] idom = new int[n];
        for (int v = 0; v < n; v++) {
            idom[v] = -1;
            if (v == 0 || !reachable.get(v)) continue;
            for (int d = dom[v].nextSetBit(0); d >= 0; d = dom[v].nextSetBit(d + 1)) {
                if (d != v && dom[d].cardinality() == dom[v].cardinality() - 1) idom[v] = d;
            }
        }
        return idom;
    }
}
