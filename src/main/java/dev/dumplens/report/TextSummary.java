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
    static final int MAX_NAME_LENGTH = 80;

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
            String template = g.nameTemplate().isEmpty() ? "(unnamed)" : oneLine(g.nameTemplate());
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
            out.println("  " + describe(l));
            out.println("      " + owner(graph, l));
            if (!l.blocked().isEmpty()) out.println("      blocked " + l.blocked().size() + ": " + names(l.blocked()));
            if (!l.waiting().isEmpty()) out.println("      in wait() " + l.waiting().size() + ": " + names(l.waiting()));
            if (!l.parked().isEmpty()) out.println("      parked " + l.parked().size() + ": " + names(l.parked()));
        }
    }

    /** "owner "x", which waits for <…> held by "y"" along the chain, or why the owner is not known. */
    private static String owner(LockGraph graph, LockInfo l) {
        switch (l.ownerStatus()) {
            case NONE:
                return "owner: none";
            case UNKNOWN:
                return "owner: unknown (" + l.ownerNote() + ")";
            default:
                StringBuilder sb = new StringBuilder("owner: " + quote(l.owner().name()));
                if (!l.ownerNote().isEmpty()) sb.append(" (").append(l.ownerNote()).append(')');
                List<LockInfo> chain = graph.chain(l);
                for (LockInfo next : chain.subList(1, chain.size())) {
                    sb.append(", which waits for ").append(describe(next));
                    if (next.owner() != null) sb.append(" held by ").append(quote(next.owner().name()));
                    else if (next.ownerStatus() == LockInfo.OwnerStatus.UNKNOWN) sb.append(" (owner unknown)");
                }
                return sb.toString();
        }
    }

    /** {@code <0x…> (a pkg.Cls)}; just {@code <pkg.Cls@hash>} when the id already names the class. */
    private static String describe(LockInfo l) {
        if (l.kind() == LockInfo.Kind.CLASS_INIT) return "the initialization of " + l.className();
        if (l.className().isEmpty() || l.id().startsWith(l.className() + "@")) return "<" + l.id() + ">";
        return l.lock().display();
    }

    private static String names(List<DumpThread> threads) {
        StringJoiner sj = new StringJoiner(", ");
        for (DumpThread t : threads.subList(0, Math.min(MAX_NAMES, threads.size()))) sj.add(quote(t.name()));
        return threads.size() > MAX_NAMES ? sj + ", …" : sj.toString();
    }

    /** The name in quotes on one line, cut to {@value #MAX_NAME_LENGTH} characters. */
    private static String quote(String name) {
        String shown = name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) + "…" : name;
        return '"' + oneLine(shown) + '"';
    }

    /** Control characters (newlines in thread names) shown as escapes so that every entry stays on one line. */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (Character.isISOControl(c)) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
