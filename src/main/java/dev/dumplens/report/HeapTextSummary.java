package dev.dumplens.report;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.heap.ClassHistogramEntry;
import dev.dumplens.heap.HeapFrame;
import dev.dumplens.heap.HeapObject;
import dev.dumplens.heap.HeapSnapshot;
import dev.dumplens.heap.HeapThread;
import dev.dumplens.heap.HeapThreadGroups;
import dev.dumplens.model.ParseWarning;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human-readable summary of {@code heap}: threads by retained heap with the frames that retain something (and
 * each such frame's largest local), thread groups, joined thread-dump groups, classes and top dominators.
 */
public final class HeapTextSummary {
    private HeapTextSummary() { }

    public static void write(HeapReport report, PrintWriter out) {
        HeapSnapshot heap = report.heap();
        List<HeapThreadGroups.Group> groups = report.groups();
        Map<DumpAnalysis, List<HeapThreadGroups.Joined>> joins = report.joins();
        int top = report.top();
        out.printf(Locale.ROOT, "%s: HPROF %s, %d-byte ids, %,d objects, %s shallow (%s)%n", heap.source(),
                heap.hprofVersion(), heap.idSize(), heap.objectCount(), bytes(heap.shallowBytes()),
                heap.shallowSizeModel().name());
        List<HeapThread> threads = heap.threads();
        out.printf(Locale.ROOT, "%nThreads by retained heap (%d of %d):%n", Math.min(top, threads.size()),
                threads.size());
        for (HeapThread t : report.topThreads()) {
            out.printf(Locale.ROOT, "  %10s  %s%s  %s%s%n", bytes(t.retainedBytes()), t.name(),
                    t.tid() == null ? "" : " #" + t.tid(), t.state(), t.daemon() ? " daemon" : "");
            for (HeapFrame f : HeapReport.retainingFrames(t)) {
                out.printf(Locale.ROOT, "  %10s    at %s  (largest local: %s)%n", bytes(f.retainedBytes()),
                        f.frame().text(), HeapReport.largestLocal(f));
            }
        }
        out.printf(Locale.ROOT, "%nThread groups by retained heap (%d of %d):%n", Math.min(top, groups.size()),
                groups.size());
        for (HeapThreadGroups.Group g : report.topGroups()) {
            out.printf(Locale.ROOT, "  %10s  %4d × %s  %s  %s%n", bytes(g.retainedBytes()), g.threads().size(),
                    g.group().nameTemplate(), g.group().state(),
                    g.group().topFrame() == null ? "" : g.group().topFrame().text());
        }
        for (Map.Entry<DumpAnalysis, List<HeapThreadGroups.Joined>> e : joins.entrySet()) {
            out.printf(Locale.ROOT, "%nGroups of %s by retained heap:%n", e.getKey().dump().label(false));
            for (HeapThreadGroups.Joined j : HeapReport.first(e.getValue(), top)) {
                out.printf(Locale.ROOT, "  %10s  %4d × %s  %s  (%d matched in the heap dump)%n",
                        bytes(j.retainedBytes()), j.group().size(), j.group().nameTemplate(), j.group().state(),
                        j.matched().size());
            }
        }
        if (!report.suspects().isEmpty()) {
            out.printf(Locale.ROOT, "%nLeak suspects of those thread dumps, with the heap their threads retain:%n");
            int rank = 1;
            for (HeapThreadGroups.JoinedSuspect j : report.suspects()) {
                out.printf(Locale.ROOT, "  %2d. %10s  %s  (%d of %d threads matched)%n", rank++,
                        bytes(j.retainedBytes()), j.suspect().summary(), j.matched().size(),
                        j.suspect().threads().size());
            }
        }
        List<ClassHistogramEntry> hist = heap.histogram();
        out.printf(Locale.ROOT, "%nClasses by retained heap (%d of %d):%n", Math.min(top, hist.size()), hist.size());
        out.printf(Locale.ROOT, "  %10s  %10s  %12s  %s%n", "retained", "shallow", "instances", "class");
        for (ClassHistogramEntry e : report.topClasses()) {
            out.printf(Locale.ROOT, "  %10s  %10s  %,12d  %s%n", bytes(e.retainedBytes()), bytes(e.shallowBytes()),
                    e.instances(), e.className());
        }
        out.printf(Locale.ROOT, "%nTop dominators:%n");
        for (HeapObject o : heap.topDominators(top)) {
            out.printf(Locale.ROOT, "  %10s  %s %s%n", bytes(o.retainedBytes()), o.className(), o.idHex());
        }
        if (!heap.warnings().isEmpty()) {
            out.printf(Locale.ROOT, "%nWarnings:%n");
            for (ParseWarning w : heap.warnings()) out.println("  " + w);
        }
    }

    /** 1536 → "1.5 KiB". */
    static String bytes(long n) {
        return Text.bytes(n);
    }
}
