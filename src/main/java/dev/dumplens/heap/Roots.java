package dev.dumplens.heap;

import dev.dumplens.model.ParseWarning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GC roots resolved to objects, with MAT's semantics: roots in a thread's context (Java frame locals, JNI locals,
 * native stack, thread block) belong to their thread when its thread object is in the dump, else they are ordinary
 * roots; every other root is an ordinary root (an edge from the virtual super-root); classes of the boot class loader
 * are roots too.
 */
final class Roots {
    final List<ThreadRoots> threads;
    /** Ordinary roots: node numbers, and for each a bit set of {@link GcRootKind} ordinals. */
    int[] nodes;
    int[] kinds;
    final int frameNodes;

    private Roots(List<ThreadRoots> threads, int[] nodes, int[] kinds, int frameNodes) {
        this.threads = threads;
        this.nodes = nodes;
        this.kinds = kinds;
        this.frameNodes = frameNodes;
    }

    static Roots resolve(RootTable table, IdIndex index, ClassTable classes, StackTraces traces, int objects,
                         List<ParseWarning> warnings, String source) {
        Map<Integer, ThreadRoots> bySerial = new LinkedHashMap<>();
        LongLongMap position = new LongLongMap(1 << 10);
        IntList nodes = new IntList();
        IntList kinds = new IntList();
        int missing = 0;
        for (int i = 0; i < table.size(); i++) {
            if (table.tag(i) != Hprof.ROOT_THREAD_OBJECT) continue;
            int obj = index.indexOf(table.id(i));
            if (obj < 0) {
                missing++;
                continue;
            }
            int serial = table.threadSerial(i);
            if (!bySerial.containsKey(serial)) {
                int trace = table.extra(i);
                bySerial.put(serial, new ThreadRoots(obj, trace, traces.depth(trace)));
            }
            addGlobal(obj, GcRootKind.THREAD_OBJECT, position, nodes, kinds);
        }
        for (int i = 0; i < table.size(); i++) {
            int tag = table.tag(i);
            if (tag == Hprof.ROOT_THREAD_OBJECT) continue;
            int obj = index.indexOf(table.id(i));
            if (obj < 0) {
                missing++;
                continue;
            }
            GcRootKind kind = GcRootKind.ofTag(tag);
            ThreadRoots t = kind.threadContext() ? bySerial.get(table.threadSerial(i)) : null;
            if (t != null) {
                boolean framed = tag == Hprof.ROOT_JAVA_FRAME || tag == Hprof.ROOT_JNI_LOCAL;
                t.addLocal(framed ? table.extra(i) : -1, obj, kind);
            } else {
                addGlobal(obj, kind, position, nodes, kinds);
            }
        }
        for (ClassInfo c : classes.all) {
            boolean bootClass = !c.isPseudo() && c.loaderId == 0 && !c.isArray() && c.objectIndex >= 0;
            if (bootClass && !position.contains(c.objectIndex)) {
                addGlobal(c.objectIndex, GcRootKind.SYSTEM_CLASS, position, nodes, kinds);
            }
        }
        if (missing > 0) {
            warnings.add(ParseWarning.atOffset(source, -1,
                    missing + " GC root records refer to objects not in the dump"));
        }
        int next = objects;
        for (ThreadRoots t : bySerial.values()) {
            for (int f = 0; f < t.depth; f++) if (t.frameLocals[f] != null) t.frameNode[f] = next++;
        }
        int[] n = new int[nodes.size()];
        int[] k = new int[nodes.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = nodes.get(i);
            k[i] = kinds.get(i);
        }
        return new Roots(new ArrayList<>(bySerial.values()), n, k, next - objects);
    }

    private static void addGlobal(int obj, GcRootKind kind, LongLongMap position, IntList nodes, IntList kinds) {
        long p = position.get(obj, -1);
        if (p < 0) {
            position.put(obj, nodes.size());
            nodes.add(obj);
            kinds.add(1 << kind.ordinal());
        } else {
            kinds.set((int) p, kinds.get((int) p) | 1 << kind.ordinal());
        }
    }

    /** Adds ordinary roots of kind {@link GcRootKind#UNKNOWN} (objects taken as roots of an incomplete dump). */
    void addUnknown(IntList more) {
        int old = nodes.length;
        nodes = Arrays.copyOf(nodes, old + more.size());
        kinds = Arrays.copyOf(kinds, old + more.size());
        for (int i = 0; i < more.size(); i++) {
            nodes[old + i] = more.get(i);
            kinds[old + i] = 1 << GcRootKind.UNKNOWN.ordinal();
        }
    }

    /** Renumbers the roots ({@code map[old]} = new, -1 dropped) and sorts them by node. */
    void remap(int[] map) {
        for (ThreadRoots t : threads) t.remap(map);
        long[] packed = new long[nodes.length];
        for (int i = 0; i < nodes.length; i++) packed[i] = (long) map[nodes[i]] << 32 | (kinds[i] & 0xffffffffL);
        Arrays.sort(packed);
        for (int i = 0; i < packed.length; i++) {
            nodes[i] = (int) (packed[i] >> 32);
            kinds[i] = (int) packed[i];
        }
    }

    /** The root kinds of a node as a bit set of {@link GcRootKind} ordinals (0 when it is no ordinary root). */
    int kindsOf(int node) {
        int i = Arrays.binarySearch(nodes, node);
        return i < 0 ? 0 : kinds[i];
    }
}
