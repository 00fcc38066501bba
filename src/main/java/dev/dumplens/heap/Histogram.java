package dev.dumplens.heap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The class histogram: instances and shallow size per class, and the retained size of all instances of a class
 * together — the sum of the retained sizes of those instances no other instance of the same class dominates. That
 * needs one walk over the dominator tree keeping, per class, how many instances are on the current path.
 */
final class Histogram {
    private Histogram() { }

    /** Entries by retained size; {@code totals[0]} receives the summed shallow size. */
    static List<ClassHistogramEntry> compute(HeapGraph g, ClassTable classes, long[] totals) {
        int r = g.reachable;
        int[] childStart = new int[r + 1];
        for (int p = 1; p < r; p++) childStart[g.dominator[p]]++;
        for (int i = 1; i <= r; i++) childStart[i] += childStart[i - 1];
        int[] children = new int[Math.max(0, r - 1)];
        for (int p = r - 1; p > 0; p--) children[--childStart[g.dominator[p]]] = p;
        int nc = classes.size();
        long[] count = new long[nc];
        long[] shallow = new long[nc];
        long[] retained = new long[nc];
        int[] onPath = new int[nc];
        int[] stack = new int[256];
        int[] next = new int[256];
        int sp = 0;
        stack[sp] = 0;
        next[sp++] = childStart[0];
        while (sp > 0) {
            int v = stack[sp - 1];
            int k = next[sp - 1];
            if (k < childStart[v + 1]) {
                next[sp - 1] = k + 1;
                int w = children[k];
                int c = g.classOf(w);
                if (c >= 0) {
                    count[c]++;
                    shallow[c] += g.shallow(w);
                    if (onPath[c]++ == 0) retained[c] += g.retained(w);
                }
                if (sp == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, sp * 2);
                    next = java.util.Arrays.copyOf(next, sp * 2);
                }
                stack[sp] = w;
                next[sp++] = childStart[w];
            } else {
                int c = g.classOf(v);
                if (v != 0 && c >= 0) onPath[c]--;
                sp--;
            }
        }
        List<ClassHistogramEntry> out = new ArrayList<>();
        long total = 0;
        for (int c = 0; c < nc; c++) {
            if (count[c] == 0) continue;
            total += shallow[c];
            out.add(new ClassHistogramEntry(classes.get(c).name, count[c], shallow[c], retained[c]));
        }
        totals[0] = total;
        out.sort(Comparator.comparingLong(ClassHistogramEntry::retainedBytes).reversed()
                .thenComparing(Comparator.comparingLong(ClassHistogramEntry::shallowBytes).reversed())
                .thenComparing(ClassHistogramEntry::className));
        return out;
    }
}
