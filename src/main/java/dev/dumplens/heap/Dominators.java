package dev.dumplens.heap;

import dev.dumplens.progress.ProgressMonitor;

import java.util.Arrays;

/**
 * Dominator tree of an object graph in compressed-sparse-row form, by the semi-NCA algorithm (Lengauer–Tarjan's
 * semidominators with path compression, then nearest common ancestors in the dominator tree instead of buckets),
 * with every step iterative, so object chains of any length need no call stack. Work happens in DFS preorder
 * numbers: the DFS from the root numbers every reachable node, then the predecessor lists are built directly in
 * those numbers, and the semidominator and dominator arrays are indexed by them.
 */
final class Dominators {
    private Dominators() { }

    /**
     * The result of the depth-first search. In the temporary file: {@code vertex} (length {@code nodes}),
     * {@code parent} (length {@code reachable}), the edge offsets and the edges in preorder numbers.
     * {@code unreached} objects got numbers after the reachable nodes.
     */
    record Dfs(int reachable, int unreached, int[] pre, int[] inDegree, Spill.Column vertex, Spill.Column parent,
               Spill.Column edgeStart, Spill.Column forward) { }

    /**
     * Depth-first search from {@code root}. {@code pre[node]} gets the preorder number; the nodes below
     * {@code objects} that the search does not reach get the numbers after the reachable ones, in node order (the
     * others keep -1). Written to {@code spill} as the numbers are given: {@code vertex[number]}, the node (-1 for
     * nodes from {@code objects} on, the virtual ones), and {@code parent[number]}, the DFS parent's number (-1 for
     * the root). Afterwards every edge of a reachable node is rewritten in place to its target's preorder number, so
     * that {@link #predecessors} needs no lookups, and written to {@code spill} with the offsets ({@code forward},
     * {@code edgeStart}), so that the caller can drop both arrays; the edges into each reachable node are counted
     * ({@code inDegree}).
     * <p>
     * The search itself only tests a bit set (small enough to stay in the processor cache) for visited nodes; the
     * preorder numbers of targets are looked up in a second, sequential pass over the edges, whose independent
     * random reads the processor can overlap, where inside the search each lookup would stall the next step.
     */
    static Dfs dfs(int root, int[] offsets, int[] edges, int nodes, int objects, Spill spill,
                   ProgressMonitor progress) {
        int[] pre = new int[nodes];
        Arrays.fill(pre, -1);
        long[] visited = new long[(nodes + 63) >>> 6];
        Spill.Sink parent = spill.sink(nodes);
        Spill.Sink vertex = spill.sink(nodes);
        int[] stackNode = new int[1024];
        int[] stackPos = new int[1024];
        int[] stackEnd = new int[1024];
        int sp = 0;
        int count = 0;
        pre[root] = count++;
        vertex.add(root < objects ? root : -1);
        parent.add(-1);
        visited[root >>> 6] |= 1L << root;
        stackNode[sp] = 0;
        stackPos[sp] = offsets[root];
        stackEnd[sp++] = offsets[root + 1];
        progress.phase("Ordering objects", nodes);
        while (sp > 0) {
            int k = stackPos[sp - 1];
            if (k < stackEnd[sp - 1]) {
                stackPos[sp - 1] = k + 1;
                int w = edges[k];
                long bit = 1L << w;
                if ((visited[w >>> 6] & bit) != 0) continue;
                visited[w >>> 6] |= bit;
                pre[w] = count;
                vertex.add(w < objects ? w : -1);
                parent.add(stackNode[sp - 1]);
                if (sp == stackNode.length) {
                    stackNode = Arrays.copyOf(stackNode, sp * 2);
                    stackPos = Arrays.copyOf(stackPos, sp * 2);
                    stackEnd = Arrays.copyOf(stackEnd, sp * 2);
                }
                stackNode[sp] = count++;
                stackPos[sp] = offsets[w];
                stackEnd[sp++] = offsets[w + 1];
                if ((count & 0xFFFFF) == 0) {
                    progress.worked(count);
                    progress.checkCancelled();
                }
            } else {
                sp--;
            }
        }
        Spill.Column parents = parent.finish();
        int reachable = count;
        for (int v = 0; v < objects; v++) {
            if (pre[v] < 0) {
                pre[v] = count++;
                vertex.add(v);
            }
        }
        for (int p = count; p < nodes; p++) vertex.add(-1);
        Spill.Column vertices = vertex.finish();
        int parts = parts(offsets[nodes]);
        int[] bounds = splitByEdges(offsets, nodes, parts);
        Spill.Column edgeStart = spill.reserve(nodes + 1);
        Spill.Column forward = spill.reserve(offsets[nodes]);
        Workers.run(parts, "dumplens-heap-preorder-", t -> {
            for (int v = bounds[t]; v < bounds[t + 1]; v++) {
                if (pre[v] < 0 || pre[v] >= reachable) continue;
                for (int k = offsets[v], e = offsets[v + 1]; k < e; k++) edges[k] = pre[edges[k]];
            }
            int first = offsets[bounds[t]];
            spill.writeAt(forward, first, edges, first, offsets[bounds[t + 1]] - first);
            if (t == 0) spill.writeAt(edgeStart, 0, offsets, 0, nodes + 1);
        });
        int[] inDegree = new int[reachable + 1];
        Workers.run(parts, "dumplens-heap-in-degrees-", t -> {
            int lo = (int) ((long) reachable * t / parts);
            int hi = (int) ((long) reachable * (t + 1) / parts);
            for (int v = 0; v < nodes; v++) {
                if (pre[v] < 0 || pre[v] >= reachable) continue;
                for (int k = offsets[v], e = offsets[v + 1]; k < e; k++) {
                    int pw = edges[k];
                    if (pw >= lo && pw < hi) inDegree[pw]++;
                }
            }
        });
        return new Dfs(reachable, count - reachable, pre, inDegree, vertices, parents, edgeStart, forward);
    }

    /**
     * Predecessor lists in preorder numbers: {@code [offsets, preds]} for the {@code r} reachable nodes, built from
     * the forward edges as {@link #dfs} left them (rewritten to preorder numbers) and then parked in {@code spill}
     * ({@code edgeStart}: the {@code nodes + 1} edge offsets, {@code forward}: the edges), read back sequentially.
     * Nodes numbered {@code r} or more are not reachable; their edges are skipped. Consumes {@code inDegree}
     * (from {@link #dfs}), which becomes the offsets.
     */
    static int[][] predecessors(int r, int[] pre, int[] inDegree, Spill spill, Spill.Column edgeStart,
                                Spill.Column forward, int nodes) {
        int[] start = inDegree;
        int parts = parts(forward.length());
        // each thread reads all edges and takes those into its own range of targets
        for (int i = 1; i < r; i++) start[i] += start[i - 1];
        int total = r == 0 ? 0 : start[r - 1];
        int[] preds = new int[total];
        Workers.run(parts, "dumplens-heap-referrers-",
                t -> fill(r, pre, spill, edgeStart, forward, nodes, t, parts, start, preds));
        start[r] = total;
        return new int[][] {start, preds};
    }

    /**
     * One thread's part of {@link #predecessors}: every edge from a reachable node into the thread's range of
     * targets, read from the file, filed into {@code preds}.
     */
    private static void fill(int r, int[] pre, Spill spill, Spill.Column edgeStart, Spill.Column forward,
                                      int nodes, int part, int parts, int[] start, int[] preds) {
        int lo = (int) ((long) r * part / parts);
        int hi = (int) ((long) r * (part + 1) / parts);
        Spill.Reader offsets = spill.reader(edgeStart);
        Spill.Reader edges = spill.reader(forward);
        int s = offsets.next();
        for (int v = 0; v < nodes; v++) {
            int e = offsets.next();
            int pv = pre[v];
            if (pv < 0 || pv >= r) {
                edges.skip(e - s);
            } else {
                for (int k = s; k < e; k++) {
                    int pw = edges.next();
                    if (pw >= lo && pw < hi) preds[--start[pw]] = pv;
                }
            }
            s = e;
        }
    }

    /**
     * How many threads share a pass over {@code edges} edges: each takes a range of sources (or of targets, scanning
     * every edge and writing only its own), so none writes where another does.
     */
    private static int parts(long edges) {
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), Math.min(4, edges >>> 22)));
    }

    /** Node ranges {@code [bounds[t], bounds[t + 1])} with about equally many edges each. */
    private static int[] splitByEdges(int[] offsets, int nodes, int parts) {
        int[] bounds = new int[parts + 1];
        bounds[parts] = nodes;
        long total = offsets[nodes];
        for (int t = 1; t < parts; t++) {
            long target = total * t / parts;
            int lo = bounds[t - 1];
            int hi = nodes;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (offsets[mid] < target) lo = mid + 1; else hi = mid;
            }
            bounds[t] = lo;
        }
        return bounds;
    }

    /**
     * Immediate dominators in preorder numbers ({@code -1} for the root, number 0), by the semi-NCA algorithm:
     * semidominators as in Lengauer–Tarjan (path compression over the DFS forest, in decreasing preorder), then each
     * node's immediate dominator as the nearest ancestor of its DFS parent, in the dominator tree built so far, whose
     * number is at most its semidominator.
     * <p>
     * Memory beyond the predecessor lists: two ints per node for the forest, then one for the result. The DFS parents
     * are read from the file, backwards and then forwards. The lists ({@code predecessors[0]} the offsets,
     * {@code [1]} the entries) are consumed: the entries are dropped from the array once the semidominators are
     * known, and once node {@code w} is done the start of node {@code w + 1}'s predecessors is never read again, so
     * the offsets array holds {@code w}'s semidominator there.
     */
    static int[] compute(int r, Spill spill, Spill.Column parents, int[][] predecessors, ProgressMonitor progress) {
        progress.phase("Computing dominators", r);
        int[] predStart = predecessors[0];
        int[] semi = predStart;
        semidominators(r, spill.reverseReader(parents), predStart, predecessors[1], progress);
        predecessors[1] = null;
        int[] dom = new int[r];
        Spill.Reader parent = spill.reader(parents);
        if (r > 0) {
            parent.skip(1);
            dom[0] = -1;
        }
        for (int w = 1; w < r; w++) {
            int d = parent.next();
            int sw = semi[w + 1];
            while (d > sw) d = dom[d];
            dom[w] = d;
            if ((w & 0xFFFFF) == 0) {
                progress.worked(r / 2 + w / 2);
                progress.checkCancelled();
            }
        }
        return dom;
    }

    /** The first half of {@link #compute}: {@code semi[w + 1]} becomes the semidominator of {@code w}. */
    private static void semidominators(int r, Spill.ReverseReader parent, int[] predStart, int[] preds,
                                       ProgressMonitor progress) {
        Forest forest = new Forest(r);
        for (int w = r - 1; w > 0; w--) {
            int sw = w;
            for (int k = predStart[w], e = predStart[w + 1]; k < e; k++) {
                int v = preds[k];
                int s = v <= w ? v : forest.eval(v);
                if (s < sw) sw = s;
            }
            predStart[w + 1] = sw;
            forest.link(parent.previous(), w, sw);
            if ((w & 0xFFFFF) == 0) {
                progress.worked((r - w) / 2);
                progress.checkCancelled();
            }
        }
    }

    /**
     * The LINK/EVAL forest with iterative path compression. Per node, two ints side by side (what a compression step
     * reads, in one cache line): the forest ancestor (-1 until linked) and the smallest semidominator on the
     * compressed path from the node up to (excluding) its forest root.
     */
    private static final class Forest {
        private final int[] f;
        private int[] stack = new int[256];

        Forest(int r) {
            f = new int[2 * r];
            Arrays.fill(f, -1);
        }

        /** Links {@code w}, whose semidominator is now final, below its DFS parent {@code p}. */
        void link(int p, int w, int semiW) {
            f[2 * w] = p;
            f[2 * w + 1] = semiW;
        }

        /**
         * The smallest semidominator on the path from the linked node {@code v} up to its forest root (exclusive);
         * the root is a node not yet processed.
         */
        int eval(int v) {
            int a = f[2 * v];
            if (f[2 * a] >= 0) compress(v);
            return f[2 * v + 1];
        }

        private void compress(int v) {
            int sp = 0;
            for (int x = v; f[2 * f[2 * x]] >= 0; x = f[2 * x]) {
                if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                stack[sp++] = x;
            }
            while (sp > 0) {
                int x = 2 * stack[--sp];
                int a = 2 * f[x];
                if (f[a + 1] < f[x + 1]) f[x + 1] = f[a + 1];
                f[x] = f[a];
            }
        }
    }
}
