package dev.dumplens.report;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.heap.ClassHistogramEntry;
import dev.dumplens.heap.HeapFrame;
import dev.dumplens.heap.HeapObject;
import dev.dumplens.heap.HeapSnapshot;
import dev.dumplens.heap.HeapThread;
import dev.dumplens.heap.HeapThreadGroups;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.report.ReportDoc.Align;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a heap dump, for {@link HtmlDoc} or {@link MarkdownDoc}: the file's facts and warnings, the threads
 * by retained heap (as a chart and a table) with the frames that retain heap and each one's largest local, the
 * thread groups (and those of the thread dumps given with it, and their leak suspects) by retained heap, the
 * classes by retained heap and the top dominators.
 */
public final class HeapReportDoc {
    static final int CHART_THREADS = 10;
    static final int CHART_WIDTH = 720;
    static final int CHART_HEIGHT = 300;

    private HeapReportDoc() { }

    /** The report as a self-contained HTML page. */
    public static String html(HeapReport report) {
        return write(report, new HtmlDoc());
    }

    /** The report as Markdown. */
    public static String markdown(HeapReport report) {
        return write(report, new MarkdownDoc());
    }

    /** Writes the report into {@code doc} and returns the finished document. */
    public static String write(HeapReport report, ReportDoc doc) {
        HeapSnapshot heap = report.heap();
        doc.title("Heap dump " + Path.of(heap.source()).getFileName());
        facts(heap, doc);
        threads(report, doc);
        groups(report, doc);
        for (Map.Entry<DumpAnalysis, List<HeapThreadGroups.Joined>> e : report.joins().entrySet()) {
            joined(e.getKey(), HeapReport.first(e.getValue(), report.top()), doc);
        }
        suspects(report.suspects(), doc);
        classes(report, doc);
        dominators(report, doc);
        doc.paragraph("Written by DumpLens.");
        return doc.finish();
    }

    private static void facts(HeapSnapshot heap, ReportDoc doc) {
        LocalDateTime when = LocalDateTime.ofInstant(Instant.ofEpochMilli(heap.timestampMillis()), ZoneId.systemDefault());
        doc.paragraph(heap.source() + " · dumped " + when.withNano(0).toString().replace('T', ' '));
        doc.table(List.of("HPROF", "Id size", "Threads", "Reachable objects", "Reachable heap", "Unreachable objects",
                        "Shallow sizes"),
                List.of(Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT),
                List.of(List.of(heap.hprofVersion(), heap.idSize() + " bytes", count(heap.threads().size()),
                        count(heap.objectCount()), Text.bytes(heap.shallowBytes()),
                        count(heap.unreachableObjectCount()), heap.shallowSizeModel().toString())));
        if (heap.warnings().isEmpty()) return;
        doc.heading(2, "Warnings (" + heap.warnings().size() + ")");
        doc.list(heap.warnings().stream().map(ParseWarning::toString).toList());
    }

    private static void threads(HeapReport report, ReportDoc doc) {
        List<HeapThread> threads = report.topThreads();
        doc.heading(2, "Threads by retained heap (" + threads.size() + " of " + report.heap().threads().size() + ")");
        if (threads.isEmpty()) {
            doc.paragraph("The heap dump holds no threads.");
            return;
        }
        doc.image("Retained heap of the largest threads",
                Charts.png(Charts.retainedHeap(HeapReport.first(threads, CHART_THREADS)), CHART_WIDTH, CHART_HEIGHT),
                CHART_WIDTH, CHART_HEIGHT);
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> frames = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            HeapThread t = threads.get(i);
            String rank = Integer.toString(i + 1);
            rows.add(List.of(rank, Text.oneLine(t.name()), t.tid() == null ? "" : t.tid().toString(), t.state().name(),
                    t.daemon() ? "daemon" : "", Text.bytes(t.retainedBytes()), count(t.retainedBytes())));
            for (HeapFrame f : HeapReport.retainingFrames(t)) {
                frames.add(List.of(rank, Text.oneLine(t.name()), f.frame().text(), Text.bytes(f.retainedBytes()),
                        HeapReport.largestLocal(f)));
            }
        }
        doc.table(List.of("#", "Thread", "Id", "State", "Daemon", "Retained", "Retained bytes"),
                List.of(Align.RIGHT, Align.LEFT, Align.RIGHT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT), rows);
        if (frames.isEmpty()) return;
        doc.heading(3, "Frames that retain heap (up to " + HeapReport.FRAMES_PER_THREAD + " per thread)");
        doc.table(List.of("#", "Thread", "Frame", "Retained", "Largest local"),
                List.of(Align.RIGHT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.LEFT), frames);
    }

    private static void groups(HeapReport report, ReportDoc doc) {
        List<HeapThreadGroups.Group> groups = report.topGroups();
        doc.heading(2, "Thread groups by retained heap (" + groups.size() + " of " + report.groups().size() + ")");
        List<List<String>> rows = new ArrayList<>();
        for (HeapThreadGroups.Group g : groups) rows.add(groupRow(g.group(), g.threads().size(), null, g.retainedBytes()));
        doc.table(List.of("Retained", "Threads", "State", "Name template", "Top frame"),
                List.of(Align.RIGHT, Align.RIGHT, Align.LEFT, Align.LEFT, Align.LEFT), rows);
    }

    private static void joined(DumpAnalysis dump, List<HeapThreadGroups.Joined> joined, ReportDoc doc) {
        doc.heading(2, "Groups of " + Path.of(dump.dump().source()).getFileName() + " by retained heap");
        List<List<String>> rows = new ArrayList<>();
        for (HeapThreadGroups.Joined j : joined) {
            rows.add(groupRow(j.group(), j.group().size(), j.matched().size(), j.retainedBytes()));
        }
        doc.table(List.of("Retained", "Threads", "Found in the heap dump", "State", "Name template", "Top frame"),
                List.of(Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT, Align.LEFT, Align.LEFT), rows);
    }

    /** Retained, threads, (found,) state, name template, top frame. */
    private static List<String> groupRow(StackGroup g, int threads, Integer matched, long retained) {
        List<String> row = new ArrayList<>(List.of(Text.bytes(retained), Integer.toString(threads)));
        if (matched != null) row.add(matched.toString());
        row.addAll(List.of(g.state().name(), Text.label(g), g.topFrame() == null ? "" : g.topFrame().text()));
        return row;
    }

    private static void suspects(List<HeapThreadGroups.JoinedSuspect> suspects, ReportDoc doc) {
        if (suspects.isEmpty()) return;
        doc.heading(2, "Leak suspects of the thread dumps, by the heap their threads retain");
        List<List<String>> rows = new ArrayList<>();
        int rank = 1;
        for (HeapThreadGroups.JoinedSuspect j : suspects) {
            rows.add(List.of(Integer.toString(rank++), j.suspect().kind().label(), Text.oneLine(j.suspect().summary()),
                    Integer.toString(j.suspect().threads().size()), Integer.toString(j.matched().size()),
                    Text.bytes(j.retainedBytes())));
        }
        doc.table(List.of("#", "Kind", "Suspect", "Threads", "Found in the heap dump", "Retained"),
                List.of(Align.RIGHT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT), rows);
    }

    private static void classes(HeapReport report, ReportDoc doc) {
        List<ClassHistogramEntry> classes = report.topClasses();
        doc.heading(2, "Classes by retained heap (" + classes.size() + " of " + report.heap().histogram().size() + ")");
        List<List<String>> rows = new ArrayList<>();
        for (ClassHistogramEntry e : classes) {
            rows.add(List.of(e.className(), count(e.instances()), Text.bytes(e.shallowBytes()),
                    Text.bytes(e.retainedBytes())));
        }
        doc.table(List.of("Class", "Instances", "Shallow", "Retained"),
                List.of(Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT), rows);
    }

    private static void dominators(HeapReport report, ReportDoc doc) {
        doc.heading(2, "Top dominators");
        long heap = Math.max(1, report.heap().shallowBytes());
        List<List<String>> rows = new ArrayList<>();
        int rank = 1;
        for (HeapObject o : report.heap().topDominators(report.top())) {
            rows.add(List.of(Integer.toString(rank++), o.className() + " " + o.idHex(), Text.bytes(o.shallowBytes()),
                    Text.bytes(o.retainedBytes()), String.format(Locale.ROOT, "%.1f %%", 100.0 * o.retainedBytes() / heap)));
        }
        doc.table(List.of("#", "Object", "Shallow", "Retained", "Of the reachable heap"),
                List.of(Align.RIGHT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT), rows);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
