package dev.dumplens.heap;

/**
 * The analysed object graph, in DFS preorder numbers ("nodes"): node 0 is the virtual super-root, nodes
 * {@code 1 … reachable-1} are the objects reachable from GC roots and the virtual frame nodes, nodes from
 * {@code reachable} on are objects no root reaches (MAT discards those; they are kept here only to be counted).
 * Per node: id, class, shallow size and position in the file (the first three stored in file order and reached
 * through {@link #fileIndex}); per reachable node: immediate dominator, retained size and predecessors (references
 * from reachable objects; references into GC roots are left out, they cannot change any dominator). The
 * predecessors, read only to find paths to GC roots, stay in the builder's temporary file, mapped; {@link #close()}
 * deletes it.
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
    final long[] retained;
    private final Spill.Mapped predStart;
    private final Spill.Mapped preds;
    private final Spill spill;

    HeapGraph(int nodes, int reachable, IdColumn ids, int[] classOf, int[] shallowUnits, int[] fileIndex,
              int[] dominator, long[] retained, Spill.Mapped predStart, Spill.Mapped preds, Spill spill) {
        this.nodes = nodes;
        this.reachable = reachable;
        this.ids = ids;
        this.classOf = classOf;
        this.shallowUnits = shallowUnits;
        this.fileIndex = fileIndex;
        this.dominator = dominator;
        this.retained = retained;
        this.predStart = predStart;
        this.preds = preds;
        this.spill = spill;
    }

    /** Where the predecessors of {@code node} start in {@link #pred}; they end where those of {@code node + 1} start. */
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
