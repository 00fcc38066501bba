package dev.dumplens.report;

import dev.dumplens.analysis.Deadlock;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.LockGraph;
import dev.dumplens.analysis.LockInfo;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadDump;

import java.io.PrintWriter;
import java.util.List;
import java.util.StringJoiner;

/**
 * The human-readable {@code analyze} summary of one dump: totals and states, deadlocks, the largest groups with
 * their top frames, the locks threads wait for with their owners and chains, and warnings.
 */
public final class TextSummary {
    static final int MAX_GROUPS = 10;
    static final int MAX_FRAMES = 6;
    static final int MAX_LOCKS = 15;
    static final int MAX_NAMES = 5;

    private TextSummary() { }

    /** Writes the summary of {@code a}; {@code severalInFile} labels the dump {@code file#N}. */
    public static void write(DumpAnalysis a, boolean severalInFile, PrintWriter out) {
        ThreadDump d = a.dump();
        out.println("== " + d.label(severalInFile) + "  [" + d.format() + "]"
                + (d.timestamp() == null ? "" : "  " + d.timestamp()));
        if (!d.vmBanner().isEmpty()) out.println(d.vmBanner());
        StringJoiner states = new StringJoiner(", ");
        a.stateCounts().forEach((s, n) -> states.add(s + " " + n));
        out.println(a.threadCount() + " threads (" + a.virtualThreadCount() + " virtual): " + states);
        writeDeadlocks(a.deadlocks(), out);
        writeGroups(a, out);
        writeLocks(a.locks(), out);
        if (!a.warnings().isEmpty()) {
            out.println();
            out.println("Warnings (" + a.warnings().size() + "):");
            for (ParseWarning w : a.warnings()) out.println("  " + w);
        }
        out.println();
    }

    private static void writeDeadlocks(List<Deadlock> deadlocks, PrintWriter out) {
        if (deadlocks.isEmpty()) return;
        out.println();
        out.println("DEADLOCKS (" + deadlocks.size() + "):");
        for (Deadlock dl : deadlocks) {
            String origin = dl.reportedByJvm() ? "reported by the JVM" : "not reported by the JVM";
            if (dl.involvesClassInit()) origin += ", class initialization";
            out.println("  " + dl.threads().size() + " threads (" + origin + "):");
            List<DumpThread> threads = dl.threads();
            for (int i = 0; i < threads.size(); i++) {
                LockInfo lock = i < dl.locks().size() ? dl.locks().get(i) : null;
                String waits = lock == null ? "" : " waits for " + Text.lock(lock)
                        + " held by " + Text.quote(threads.get((i + 1) % threads.size()).name());
                out.println("    " + Text.quote(threads.get(i).name()) + waits);
            }
        }
    }

    private static void writeGroups(DumpAnalysis a, PrintWriter out) {
        List<StackGroup> groups = a.groups();
        out.println();
        out.println("Stack groups (" + a.similarity() + " similarity): " + groups.size()
                + (groups.size() > MAX_GROUPS ? ", the largest " + MAX_GROUPS + " below" : ""));
        for (StackGroup g : groups.subList(0, Math.min(MAX_GROUPS, groups.size()))) {
            String template = Text.oneLine(Text.template(g.nameTemplate()));
            out.printf("  %5d  %-13s %s%n", g.size(), g.state(), template);
            int shown = Math.min(MAX_FRAMES, g.frames().size());
            for (int i = 0; i < shown; i++) out.println("           at " + g.frames().get(i).text());
            if (g.frames().size() > shown) out.println("           … " + (g.frames().size() - shown) + " more frames");
            if (g.frames().isEmpty()) out.println("           (no Java frames)");
        }
    }

    private static void writeLocks(LockGraph graph, PrintWriter out) {
        List<LockInfo> waitedFor = graph.locks().stream().filter(l -> l.waiterCount() > 0).toList();
        if (waitedFor.isEmpty()) return;
        out.println();
        out.println("Locks with waiting threads: " + waitedFor.size()
                + (waitedFor.size() > MAX_LOCKS ? ", the busiest " + MAX_LOCKS + " below" : ""));
        for (LockInfo l : waitedFor.subList(0, Math.min(MAX_LOCKS, waitedFor.size()))) {
            out.println("  " + Text.lock(l));
            out.println("      " + Text.owner(graph, l));
            if (!l.blocked().isEmpty()) out.println("      blocked " + l.blocked().size() + ": " + names(l.blocked()));
            if (!l.waiting().isEmpty()) out.println("      in wait() " + l.waiting().size() + ": " + names(l.waiting()));
            if (!l.parked().isEmpty()) out.println("      parked " + l.parked().size() + ": " + names(l.parked()));
        }
    }

    private static String names(List<DumpThread> threads) {
        StringJoiner sj = new StringJoiner(", ");
        for (DumpThread t : threads.subList(0, Math.min(MAX_NAMES, threads.size()))) sj.add(Text.quote(t.name()));
        return threads.size() > MAX_NAMES ? sj + ", …" : sj.toString();
    }
}
