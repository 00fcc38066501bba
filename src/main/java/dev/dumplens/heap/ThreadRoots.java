package dev.dumplens.heap;

/**
 * The GC roots that belong to one thread: its thread object, the objects each stack frame references (ROOT_JAVA_FRAME
 * and ROOT_JNI_LOCAL with that frame number) and those held by the thread outside any frame (JNI locals without a
 * frame, native stack, thread block). In the graph the thread object gets an edge to one virtual node per frame that
 * has locals, and that node edges to the locals; so the thread retains what only its frames reach (MAT's semantics),
 * and each frame node retains what only that frame reaches.
 */
final class ThreadRoots {
    final int traceSerial;
    final int depth;
    /** The thread object: its file index while building, its node number afterwards. */
    int node;
    final IntList[] frameLocals;
    final IntList[] frameKinds;
    /** Virtual node of each frame, or -1 for a frame without locals. */
    final int[] frameNode;
    final IntList threadLocals = new IntList();
    final IntList threadKinds = new IntList();
    /** Name, id, state… read from the thread object. */
    ThreadDecoder.Facts facts;

    ThreadRoots(int node, int traceSerial, int depth) {
        this.node = node;
        this.traceSerial = traceSerial;
        this.depth = depth;
        this.frameLocals = new IntList[depth];
        this.frameKinds = new IntList[depth];
        this.frameNode = new int[depth];
        java.util.Arrays.fill(frameNode, -1);
    }

    void addLocal(int frame, int object, GcRootKind kind) {
        IntList objects;
        IntList kinds;
        if (frame >= 0 && frame < depth) {
            if (frameLocals[frame] == null) {
                frameLocals[frame] = new IntList();
                frameKinds[frame] = new IntList();
            }
            objects = frameLocals[frame];
            kinds = frameKinds[frame];
        } else {
            objects = threadLocals;
            kinds = threadKinds;
        }
        if (!objects.contains(object)) {
            objects.add(object);
            kinds.add(kind.ordinal());
        }
    }

    /** Edges the thread object gets besides its fields: one per frame node and one per thread-level local. */
    int extraEdges() {
        int n = threadLocals.size();
        for (int f : frameNode) if (f >= 0) n++;
        return n;
    }

    /** Renumbers every node this thread refers to; {@code map[old]} is the new number. */
    void remap(int[] map) {
        node = map[node];
        for (int f = 0; f < depth; f++) {
            if (frameNode[f] >= 0) frameNode[f] = map[frameNode[f]];
            IntList l = frameLocals[f];
            if (l != null) for (int i = 0; i < l.size(); i++) l.set(i, map[l.get(i)]);
        }
        for (int i = 0; i < threadLocals.size(); i++) threadLocals.set(i, map[threadLocals.get(i)]);
    }
}
