package dev.dumplens.report;

import dev.dumplens.analysis.Deadlock;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.GoroutineWaits;
import dev.dumplens.analysis.LockGraph;
import dev.dumplens.analysis.LockInfo;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.GoWaitCategory;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
        if (d.fatalError() != null) d.fatalError().lines().forEach(l -> out.println("!! " + l));
        StringJoiner states = new StringJoiner(", ");
        a.stateCounts().forEach((s, n) -> states.add(s + " " + n));
        boolean go = GoroutineWaits.areGoroutines(d.threads());
        if (go) {
            out.println(a.threadCount() + " goroutines: " + states);
            out.println("waiting for: " + categories(d.threads()));
        } else {
            out.println(a.threadCount() + " threads (" + a.virtualThreadCount() + " virtual): " + states);
        }
        writeDeadlocks(a.deadlocks(), out);
        writeGroups(a, out);
        if (go) writeLongBlocked(a.groups(), out);
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
                String waits = lock == null ? "" : " waits for " + describe(lock)
                        + " held by " + quote(threads.get((i + 1) % threads.size()).name());
                out.println("    " + quote(threads.get(i).name()) + waits);
            }
        }
    }

    private static void writeGroups(DumpAnalysis a, PrintWriter out) {
        List<StackGroup> groups = a.groups();
        out.println();
        out.println("Stack groups (" + a.similarity() + " similarity): " + groups.size()
                + (groups.size() > MAX_GROUPS ? ", the largest " + MAX_GROUPS + " below" : ""));
        for (StackGroup g : groups.subList(0, Math.min(MAX_GROUPS, groups.size()))) {
            GoroutineWaits go = GoroutineWaits.of(g);
            String template = go != null ? goWait(go) : g.nameTemplate().isEmpty() ? "(unnamed)" : oneLine(g.nameTemplate());
            out.printf("  %5d  %-13s %s%n", g.size(), g.state(), template);
            int shown = Math.min(MAX_FRAMES, g.frames().size());
            for (int i = 0; i < shown; i++) {
                StackFrame f = g.frames().get(i);
                out.println((f.isCreatedBy() ? "           " : "           at ") + f.text());
            }
            if (g.frames().size() > shown) out.println("           … " + (g.frames().size() - shown) + " more frames");
            if (g.frames().isEmpty()) out.println("           (no Java frames)");
        }
    }

    /** {@code [chan receive] 30 blocked 1–3 minutes}: the wait reason as printed (else the category) and minutes. */
    private static String goWait(GoroutineWaits w) {
        String reason = w.group().threads().get(0).stateDetail();
        String text = "[" + (reason.isEmpty() ? w.category().label() : reason) + "]";
        return w.withMinutes() == 0 ? text : text + " " + w.withMinutes() + " blocked " + w.minutesText();
    }

    /** "channel receive 10, select 6, mutex 5, …", most frequent first. */
    private static String categories(List<DumpThread> goroutines) {
        Map<GoWaitCategory, Integer> counts = new EnumMap<>(GoWaitCategory.class);
        for (DumpThread t : goroutines) counts.merge(GoWaitCategory.of(t), 1, Integer::sum);
        StringJoiner sj = new StringJoiner(", ");
        counts.entrySet().stream().sorted((x, y) -> Integer.compare(y.getValue(), x.getValue()))
                .forEach(e -> sj.add(e.getKey().label() + " " + e.getValue()));
        return sj.toString();
    }

    /** Goroutines blocked for a minute or more, from the minutes their headers print. */
    private static void writeLongBlocked(List<StackGroup> groups, PrintWriter out) {
        List<GoroutineWaits> blocked = GoroutineWaits.longBlocked(groups, 1);
        if (blocked.isEmpty()) return;
        out.println();
        out.println("Goroutines blocked for a minute or more: " + blocked.size() + " groups"
                + (blocked.size() > MAX_GROUPS ? ", the longest " + MAX_GROUPS + " below" : ""));
        for (GoroutineWaits w : blocked.subList(0, Math.min(MAX_GROUPS, blocked.size()))) {
            StackFrame own = w.firstOwnFrame();
            StackFrame creator = w.createdBy();
            out.println("  " + w.withMinutes() + " in " + w.category().label() + " for " + w.minutesText()
                    + (own == null ? "" : " at " + own.qualifiedMethod())
                    + (creator == null ? "" : " (created by " + creator.qualifiedMethod() + ")"));
        }
    }

    private static void writeLocks(LockGraph graph, PrintWriter out) {
        List<LockInfo> waitedFor = graph.locks().stream().filter(l -> l.waiterCount() > 0).toList();
        if (waitedFor.isEmpty()) return;
        out.println();
        out.println("Locks with waiting threads: " + waitedFor.size()
                + (waitedFor.size() > MAX_LOCKS ? ", the busiest " + MAX_LOCKS + " below" : ""));
        for (LockInfo l : waitedFor.subList(0, Math.min(MAX_LOCKS, waitedFor.size()))) {
            out.println("  " + describe(l));
            out.println("      " + owner(graph, l));
            if (!l.blocked().isEmpty()) out.println("      blocked " + l.blocked().size() + ": " + names(l.blocked()));
            if (!l.waiting().isEmpty()) out.println("      in wait() " + l.waiting().size() + ": " + names(l.waiting()));
            if (!l.parked().isEmpty()) out.println("      parked " + l.parked().size() + ": " + names(l.parked()));
        }
    }

    /** "owner "x", which waits for <…> held by "y"" along the chain, or why the owner is not known. */
    private static String owner(LockGraph graph, LockInfo l) {
        return Text.owner(graph, l);
    }

    private static String describe(LockInfo l) {
        return Text.lock(l);
    }

    private static String names(List<DumpThread> threads) {
        StringJoiner sj = new StringJoiner(", ");
        for (DumpThread t : threads.subList(0, Math.min(MAX_NAMES, threads.size()))) sj.add(quote(t.name()));
        return threads.size() > MAX_NAMES ? sj + ", …" : sj.toString();
    }

    private static String quote(String name) {
        return Text.quote(name);
    }

    /** Control characters (newlines in thread names) shown as escapes so that every entry stays on one line. */
    static String oneLine(String s) {
        return Text.oneLine(s);
    }
}
