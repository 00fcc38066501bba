package dev.dumplens.report;

import dev.dumplens.analysis.Deadlock;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.LockInfo;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.report.ReportDoc.Align;

import java.util.ArrayList;
import java.util.List;

/**
 * The report of one thread dump, for {@link HtmlDoc} or {@link MarkdownDoc}: facts and totals, the state chart,
 * deadlocks, every stack group in a table and the largest ones with their stacks and members, the locks threads
 * wait for with owners and chains, and the reader's warnings.
 */
public final class DumpReport {
    static final int GROUPS_WITH_STACKS = 25;
    static final int MEMBERS_LISTED = 30;
    static final int CHART_WIDTH = 640;
    static final int CHART_HEIGHT = 220;

    private DumpReport() { }

    /** The report of {@code a} as a self-contained HTML page. */
    public static String html(DumpAnalysis a, boolean severalInFile) {
        return write(a, severalInFile, new HtmlDoc());
    }

    /** The report of {@code a} as Markdown. */
    public static String markdown(DumpAnalysis a, boolean severalInFile) {
        return write(a, severalInFile, new MarkdownDoc());
    }

    /** Writes the report of {@code a} into {@code doc} and returns the finished document. */
    public static String write(DumpAnalysis a, boolean severalInFile, ReportDoc doc) {
        ThreadDump d = a.dump();
        String name = java.nio.file.Path.of(d.source()).getFileName().toString();
        doc.title("Thread dump " + name + (severalInFile ? " #" + (d.index() + 1) : ""));
        doc.paragraph(facts(d, severalInFile));
        deadlocks(a, doc);
        summary(a, doc);
        groups(a, doc);
        locks(a, doc);
        warnings(a.warnings(), doc);
        doc.paragraph("Written by DumpLens.");
        return doc.finish();
    }

    private static String facts(ThreadDump d, boolean severalInFile) {
        List<String> facts = new ArrayList<>();
        facts.add(d.label(severalInFile));
        facts.add("format " + d.format());
        if (d.timestamp() != null) facts.add("taken " + d.timestamp().toString().replace('T', ' '));
        if (d.processId() != null) facts.add("pid " + d.processId());
        if (!d.vmBanner().isEmpty()) facts.add(d.vmBanner());
        return String.join(" · ", facts);
    }

    private static void deadlocks(DumpAnalysis a, ReportDoc doc) {
        if (a.deadlocks().isEmpty()) return;
        doc.alert(a.deadlocks().size() == 1 ? "1 deadlock" : a.deadlocks().size() + " deadlocks");
        for (Deadlock dl : a.deadlocks()) {
            String origin = dl.reportedByJvm() ? "reported by the JVM" : "found in the stacks, not reported by the JVM";
            if (dl.involvesClassInit()) origin += ", class initialization";
            doc.paragraph("Deadlock of " + dl.threads().size() + " threads (" + origin + "):");
            List<String> lines = new ArrayList<>();
            List<DumpThread> threads = dl.threads();
            for (int i = 0; i < threads.size(); i++) {
                LockInfo lock = i < dl.locks().size() ? dl.locks().get(i) : null;
                lines.add(Text.quote(threads.get(i).name()) + (lock == null ? "" : " waits for " + Text.lock(lock)
                        + " held by " + Text.quote(threads.get((i + 1) % threads.size()).name())));
            }
            doc.list(lines);
        }
    }

    private static void summary(DumpAnalysis a, ReportDoc doc) {
        doc.heading(2, "Summary");
        long contended = a.locks().locks().stream().filter(LockInfo::contended).count();
        doc.table(List.of("Threads", "Virtual", "Stack groups", "Contended locks", "Deadlocks"),
                List.of(Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT),
                List.of(List.of(Integer.toString(a.threadCount()), Long.toString(a.virtualThreadCount()),
                        Integer.toString(a.groups().size()), Long.toString(contended),
                        Integer.toString(a.deadlocks().size()))));
        List<List<String>> states = new ArrayList<>();
        a.stateCounts().forEach((s, n) -> states.add(List.of(s.name(), Integer.toString(n))));
        doc.table(List.of("State", "Threads"), List.of(Align.LEFT, Align.RIGHT), states);
        doc.image("Threads per state", Charts.png(Charts.states(a), CHART_WIDTH, CHART_HEIGHT), CHART_WIDTH,
                CHART_HEIGHT);
    }

    private static void groups(DumpAnalysis a, ReportDoc doc) {
        List<StackGroup> groups = a.groups();
        doc.heading(2, "Stack groups (" + a.similarity() + " similarity)");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            StackGroup g = groups.get(i);
            rows.add(List.of(Integer.toString(i + 1), Integer.toString(g.size()), g.state().name(),
                    Text.label(g), g.topFrame() == null ? "(no Java frames)" : g.topFrame().text()));
        }
        doc.table(List.of("#", "Threads", "State", "Name template", "Top frame"),
                List.of(Align.RIGHT, Align.RIGHT, Align.LEFT, Align.LEFT, Align.LEFT), rows);
        int shown = Math.min(GROUPS_WITH_STACKS, groups.size());
        if (groups.size() > shown) doc.paragraph("The stacks of the " + shown + " largest groups:");
        for (int i = 0; i < shown; i++) {
            StackGroup g = groups.get(i);
            doc.heading(3, "#" + (i + 1) + " · " + g.size() + (g.size() == 1 ? " thread" : " threads") + " · "
                    + g.state() + " · " + Text.label(g));
            doc.code(StackFormat.thread(g.threads().get(0)));
            if (g.size() > 1) doc.paragraph("Members: " + members(g.threads()));
        }
    }

    private static String members(List<DumpThread> threads) {
        List<String> names = new ArrayList<>();
        for (DumpThread t : threads.subList(0, Math.min(MEMBERS_LISTED, threads.size()))) names.add(Text.quote(t.name()));
        String list = String.join(", ", names);
        return threads.size() > MEMBERS_LISTED ? list + " … and " + (threads.size() - MEMBERS_LISTED) + " more" : list;
    }

    private static void locks(DumpAnalysis a, ReportDoc doc) {
        List<LockInfo> waitedFor = a.locks().locks().stream().filter(l -> l.waiterCount() > 0).toList();
        if (waitedFor.isEmpty()) return;
        doc.heading(2, "Locks with waiting threads");
        List<List<String>> rows = new ArrayList<>();
        for (LockInfo l : waitedFor) {
            rows.add(List.of(Text.lock(l), Text.owner(a.locks(), l).substring("owner: ".length()),
                    count(l.blocked()), count(l.waiting()), count(l.parked())));
        }
        doc.table(List.of("Lock", "Owner (and what it waits for)", "Blocked", "In wait()", "Parked"),
                List.of(Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT), rows);
    }

    private static String count(List<DumpThread> threads) {
        return threads.isEmpty() ? "" : Integer.toString(threads.size());
    }

    private static void warnings(List<ParseWarning> warnings, ReportDoc doc) {
        if (warnings.isEmpty()) return;
        doc.heading(2, "Warnings (" + warnings.size() + ")");
        doc.list(warnings.stream().map(ParseWarning::toString).toList());
    }
}
