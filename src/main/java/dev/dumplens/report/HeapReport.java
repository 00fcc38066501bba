package dev.dumplens.report;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.heap.ClassHistogramEntry;
import dev.dumplens.heap.HeapFrame;
import dev.dumplens.heap.HeapObject;
import dev.dumplens.heap.HeapSnapshot;
import dev.dumplens.heap.HeapThread;
import dev.dumplens.heap.HeapThreadGroups;

import java.util.List;
import java.util.Map;

/**
 * What a heap report shows ({@code heap}, its {@code --json}, and the desktop app's exported report): the analysed
 * heap dump, its thread groups, and the joins of thread dumps given with it; with the selections every rendering
 * shares.
 *
 * @param heap     the heap dump
 * @param groups   its threads grouped by stack
 * @param joins    each thread dump given, with its groups joined to the heap dump's threads (in the order given)
 * @param suspects leak suspects of the comparison of those thread dumps (when there are two or more), joined
 * @param top      rows for the histogram, dominators and the summary's lists
 */
public record HeapReport(HeapSnapshot heap, List<HeapThreadGroups.Group> groups,
                         Map<DumpAnalysis, List<HeapThreadGroups.Joined>> joins,
                         List<HeapThreadGroups.JoinedSuspect> suspects, int top) {
    /** The frames of a thread listed under it: those that retain something, at most this many. */
    static final int FRAMES_PER_THREAD = 4;

    public HeapReport {
        groups = List.copyOf(groups);
        suspects = List.copyOf(suspects);
    }

    /** The first {@link #top} threads by retained heap. */
    List<HeapThread> topThreads() {
        return first(heap.threads(), top);
    }

    /** The first {@link #top} thread groups by retained heap. */
    List<HeapThreadGroups.Group> topGroups() {
        return first(groups, top);
    }

    /** The first {@link #top} classes by retained heap. */
    List<ClassHistogramEntry> topClasses() {
        return first(heap.histogram(), top);
    }

    /** The frames of {@code t} that retain heap, top frame first, at most {@value #FRAMES_PER_THREAD}. */
    static List<HeapFrame> retainingFrames(HeapThread t) {
        return t.frames().stream().filter(f -> f.retainedBytes() > 0).limit(FRAMES_PER_THREAD).toList();
    }

    /** The largest local of a frame that retains heap: {@code byte[] 0x1f2e, 8.0 MiB}. */
    static String largestLocal(HeapFrame f) {
        HeapObject o = f.locals().get(0).object();
        return o.className() + " " + o.idHex() + ", " + Text.bytes(o.retainedBytes());
    }

    /** The first {@code n} elements of {@code list} (all when it is shorter). */
    static <T> List<T> first(List<T> list, int n) {
        return list.subList(0, Math.min(n, list.size()));
    }
}
