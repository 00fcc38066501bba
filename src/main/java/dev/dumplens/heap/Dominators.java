package dev.dumplens.heap;

import dev.dumplens.progress.ProgressMonitor;

import java.util.Arrays;

/**
 * Dominator tree of an object graph in compressed-sparse-row form, by the Lengauer–Tarjan algorithm (simple
 * version: path compression, no balancing) with every step iterative, so object chains of any length need no call
 * stack. Work happens in DFS preorder numbers: the DFS from the root numbers every reachable node, then the
 * predecessor lists are built directly in those numbers, and the semidominator and dominator arrays are indexed by
 * them. Memory: six ints per reachable node plus the predecessor lists.
 */
final class Dominators {
    private Dominators() { }

    /** The result of the depth-first search. */
    record Dfs(int reachable, int[] pre, int[] vertex, int[] parent, int[] inDegree) { }

    /**
     * Depth-first search from {@code root}: {@code pre[node]} gets the preorder number (or -1 when unreachable),
     * {@code vertex[number]} the node, {@code parent[number]} the DFS parent's number (-1 for the root),
     * {@code inDegree[number]} the number of edges into the node. Every edge of a reachable node is visited once, and
     * rewritten in place to its target's preorder number, so that {@link #predecessors} needs no lookups.
     */
    static Dfs dfs(int root, int[] offsets, int[] edges, int nodes, ProgressMonitor progress) {
        int[] inDegree = new int[nodes + 1];
        int[] pre = new int[nodes];
        Arrays.fill(pre, -1);
        int[] vertex = new int[nodes];
        int[] parent = new int[nodes];
        int[] stackNode = new int[1024];
        int[] stackPos = new int[1024];
        int sp = 0;
        int count = 0;
        pre[root] = count;
        vertex[count] = root;
        parent[count++] = -1;
        stackNode[sp] = root;
        stackPos[sp++] = offsets[root];
        progress.phase("Ordering objects", nodes);
        while (sp > 0) {
            int v = stackNode[sp - 1];
            int k = stackPos[sp - 1];
            if (k < offsets[v + 1]) {
                stackPos[sp - 1] = k + 1;
                int w = edges[k];
                int pw = pre[w];
                if (pw >= 0) {
                    edges[k] = pw;
                    inDegree[pw]++;
                } else {
                    edges[k] = count;
                    inDegree[count]++;
                    pre[w] = count;
                    vertex[count] = w;
                    parent[count++] = pre[v];
                    if (sp == stackNode.length) {
                        stackNode = Arrays.copyOf(stackNode, sp * 2);
                        stackPos = Arrays.copyOf(stackPos, sp * 2);
                    }
                    stackNode[sp] = w;
                    stackPos[sp++] = offsets[w];
                    if ((count & 0xFFFFF) == 0) {
                        progress.worked(count);
                        progress.checkCancelled();
                    }
                }
            } else {
                sp--;
            }
        }
        return new Dfs(count, pre, vertex, parent, inDegree);
    }

    /**
     * Predecessor lists in preorder numbers: {@code [offsets, preds]} for the {@code dfs.reachable()} nodes, from
     * the edges {@link #dfs} rewrote to preorder numbers. Consumes {@code dfs.inDegree()}.
     */
    static int[][] predecessors(Dfs dfs, int[] offsets, int[] edges, int nodes) {
        int r = dfs.reachable();
        int[] pre = dfs.pre();
        int[] start = dfs.inDegree();
        for (int i = 1; i < r; i++) start[i] += start[i - 1];
        int total = r == 0 ? 0 : start[r - 1];
        int[] preds = new int[total];
        for (int v = 0; v < nodes; v++) {
            int pv = pre[v];
            if (pv < 0) continue;
            for (int k = offsets[v], e = offsets[v + 1]; k < e; k++) preds[--start[edges[k]]] = pv;
        }
        start[r] = total;
        return new int[][] {start, preds};
    }

    /**
     * Immediate dominators in preorder numbers ({@code -1} for the root, number 0). Consumes {@code parent}: the
     * returned array is the same array, overwritten. {@code scratch} are int arrays no longer needed by the caller;
     * those long enough are reused for the working arrays instead of allocating new ones.
     */
    static int[] compute(int r, int[] parent, int[] predStart, int[] preds, ProgressMonitor progress,
                         int[]... scratch) {
        progress.phase("Computing dominators", r);
        Scratch pool = new Scratch(scratch);
        int[] semi = pool.take(r);
        int[] bucket = pool.take(r);
        for (int i = 0; i < r; i++) semi[i] = i;
        Arrays.fill(bucket, 0, r, -1);
        Forest forest = new Forest(r, pool.take(3 * r));
        // parent[w] doubles as the bucket chain link of w and finally as dom[w]: parent[w] is not needed after step w
        int[] dom = parent;
        for (int w = r - 1; w > 0; w--) {
            int p = dom[w];
            int sw = semi[w];
            for (int k = predStart[w], e = predStart[w + 1]; k < e; k++) {
                int s = forest.evalSemi(preds[k]);
                if (s < sw) sw = s;
            }
            semi[w] = sw;
            dom[w] = bucket[sw];
            bucket[sw] = w;
            forest.link(p, w, sw);
            for (int v = bucket[p]; v >= 0; ) {
                int next = dom[v];
                int u = forest.eval(v);
                dom[v] = semi[u] < semi[v] ? u : p;
                v = next;
            }
            bucket[p] = -1;
            if ((w & 0xFFFFF) == 0) {
                progress.worked(r - w);
                progress.checkCancelled();
            }
        }
        for (int w = 1; w < r; w++) {
            if (dom[w] != semi[w]) dom[w] = dom[dom[w]];
        }
        if (r > 0) dom[0] = -1;
        return dom;
    }

    /** Hands out the longest fitting scratch arrays, or new ones. */
    private static final class Scratch {
        private final int[][] arrays;

        Scratch(int[][] arrays) {
            this.arrays = arrays.clone();
        }

        int[] take(int length) {
            int best = -1;
            for (int i = 0; i < arrays.length; i++) {
                if (arrays[i] != null && arrays[i].length >= length
                        && (best < 0 || arrays[i].length < arrays[best].length)) {
                    best = i;
                }
            }
            if (best < 0) return new int[length];
            int[] a = arrays[best];
            arrays[best] = null;
            return a;
        }
    }

    /**
     * The LINK/EVAL forest with iterative path compression. Per node, three ints side by side (one cache line for
     * what a compression step reads): the forest ancestor (-1 until linked), the label (the node with the smallest
     * semidominator on the compressed path) and that label's semidominator.
     */
    private static final class Forest {
        private final int[] f;
        private int[] stack = new int[256];

        Forest(int r, int[] space) {
            f = space;
            for (int i = 0; i < r; i++) {
                f[3 * i] = -1;
                f[3 * i + 1] = i;
                f[3 * i + 2] = i;
            }
        }

        /** Links {@code w} (whose semidominator is now final) below {@code p}. */
        void link(int p, int w, int semiW) {
            f[3 * w] = p;
            f[3 * w + 2] = semiW;
        }

        /** The node with the smallest semidominator on the path from {@code v} up to its forest root (exclusive). */
        int eval(int v) {
            int a = f[3 * v];
            if (a < 0) return v;
            if (f[3 * a] >= 0) compress(v);
            return f[3 * v + 1];
        }

        /** The semidominator of {@link #eval}'s node; an unlinked node is its own, unprocessed, semidominator. */
        int evalSemi(int v) {
            int a = f[3 * v];
            if (a < 0) return v;
            if (f[3 * a] >= 0) compress(v);
            return f[3 * v + 2];
        }

        private void compress(int v) {
            int sp = 0;
            for (int x = v; f[3 * f[3 * x]] >= 0; x = f[3 * x]) {
                if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                stack[sp++] = x;
            }
            while (sp > 0) {
                int x = 3 * stack[--sp];
                int a = 3 * f[x];
                if (f[a + 2] < f[x + 2]) {
                    f[x + 1] = f[a + 1];
                    f[x + 2] = f[a + 2];
                }
                f[x] = f[a];
            }
        }
    }
}
