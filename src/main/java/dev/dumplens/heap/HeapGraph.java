package dev.dumplens.heap;

/**
 * The analysed object graph, in DFS preorder numbers ("nodes"): node 0 is the virtual super-root, nodes
 * {@code 1 … reachable-1} are the objects reachable from GC roots and the virtual frame nodes, nodes from
 * {@code reachable} on are objects no root reaches (MAT discards those; they are kept here only to be counted).
 * Per node: id, class, shallow size and position in the file (the first three stored in file order and reached
 * through {@link #fileIndex}); per reachable node: immediate dominator, retained size and predecessors (references
 * from reachable objects; references into GC roots are left out, they cannot change any dominator). The
 * predecessors (read only to find paths to GC roots) and the ids stay in the builder's temporary file, mapped;
 * {@link #close()} deletes it.
 */
final class HeapGraph implements AutoCloseable {
    final int nodes;
    final int reachable;
    private final IdColumn ids;
    /** Class index per object, in file order. */
    private final int[] classOf;
    /** Shallow size per object in file order, in 8-byte units (see {@link ShallowSizes}). */
    private final int[] shallowUnits;
    /** Object index in file order per node (to find its record again); -1 for virtual nodes. */
    final int[] fileIndex;
    final int[] dominator;
    /** Retained sizes in 8-byte units, unsigned, when the whole heap fits 32 bits of them (32 GB); else null. */
    private final int[] retainedUnits;
    /** Retained sizes in bytes, for larger heaps; else null. */
    private final long[] retainedBytes;
    private final Spill.Mapped predStart;
    private final Spill.Mapped preds;
    private final Spill spill;

    HeapGraph(int nodes, int reachable, IdColumn ids, int[] classOf, int[] shallowUnits, int[] fileIndex,
              int[] dominator, Retained retained, Spill.Mapped predStart, Spill.Mapped preds, Spill spill) {
        this.nodes = nodes;
        this.reachable = reachable;
        this.ids = ids;
        this.classOf = classOf;
        this.shallowUnits = shallowUnits;
        this.fileIndex = fileIndex;
        this.dominator = dominator;
        this.retainedUnits = retained.units;
        this.retainedBytes = retained.bytes;
        this.predStart = predStart;
        this.preds = preds;
        this.spill = spill;
    }

    /** The retained size of a reachable node in bytes. */
    long retained(int node) {
        return retainedUnits != null ? ShallowSizes.bytes(retainedUnits[node]) : retainedBytes[node];
    }

    /**
     * Retained sizes by accumulation: each node's shallow size, added to its immediate dominator's in decreasing
     * preorder (a dominator is numbered before what it dominates), so that the root ends with the whole heap.
     */
    static final class Retained {
        final int[] units;
        final long[] bytes;

        Retained(int reachable, int[] dominator, int[] fileIndex, int[] shallowUnits) {
            long total = 0;
            for (int p = 0; p < reachable; p++) {
                int f = fileIndex[p];
                if (f >= 0) total += shallowUnits[f] & 0xffffffffL;
            }
            if (total <= 0xffffffffL) {
                int[] u = new int[reachable];
                for (int p = 0; p < reachable; p++) u[p] = fileIndex[p] < 0 ? 0 : shallowUnits[fileIndex[p]];
                for (int p = reachable - 1; p > 0; p--) u[dominator[p]] += u[p];
                units = u;
                bytes = null;
            } else {
                long[] b = new long[reachable];
                for (int p = 0; p < reachable; p++) {
                    b[p] = fileIndex[p] < 0 ? 0 : ShallowSizes.bytes(shallowUnits[fileIndex[p]]);
                }
                for (int p = reachable - 1; p > 0; p--) b[dominator[p]] += b[p];
                units = null;
                bytes = b;
            }
        }
    }

    /** Where the predecessors of {@code node} start in {@link #pred}; they end where those of the next node start. */
    int predStart(int node) { return predStart.get(node); }

    /** The {@code k}-th entry of the predecessor lists. */
    int pred(int k) { return preds.get(k); }

    @Override public void close() { spill.close(); }

    /** The object id of a node; 0 for a virtual node. */
    long id(int node) {
        int f = fileIndex[node];
        return f < 0 ? 0 : ids.get(f);
    }

    /** The class index of a node; -1 for the super-root and frame nodes. */
    int classOf(int node) {
        int f = fileIndex[node];
        return f < 0 ? -1 : classOf[f];
    }

    long shallow(int node) {
        int f = fileIndex[node];
        return f < 0 ? 0 : ShallowSizes.bytes(shallowUnits[f]);
    }
}
