package dev.dumplens.report;

import dev.dumplens.analysis.GoroutineWaits;
import dev.dumplens.analysis.LockGraph;
import dev.dumplens.analysis.LockInfo;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.analysis.compare.GroupTrend;

import java.util.List;

import java.util.Locale;

/** Small text helpers shared by the summaries, reports and the desktop app. */
public final class Text {
    private Text() { }

    /** Control characters (newlines in thread names) as escapes, so that every entry stays on one line. */
    public static String oneLine(String s) {
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

    /** A group's name template, "(unnamed)" when the members have no names. */
    public static String template(String nameTemplate) {
        return nameTemplate.isEmpty() ? "(unnamed)" : nameTemplate;
    }

    /**
     * How a group reads, on one line: its name template ("(unnamed)" when none), or for goroutines (whose names
     * are only ids) their first own function and creator.
     */
    public static String label(StackGroup g) {
        return oneLine(GoroutineWaits.isGoroutine(g.threads().get(0)) ? GoroutineWaits.label(g.frames())
                : template(g.nameTemplate()));
    }

    /** How a group of a comparison reads, on one line (see {@link GroupTrend#label()}). */
    public static String label(GroupTrend g) {
        return oneLine(template(g.label()));
    }

    /** {@code <0x…> (a pkg.Cls)}; just {@code <pkg.Cls@hash>} when the id already names the class. */
    public static String lock(LockInfo l) {
        if (l.kind() == LockInfo.Kind.CLASS_INIT) return "the initialization of " + l.className();
        if (l.className().isEmpty() || l.id().startsWith(l.className() + "@")) return "<" + l.id() + ">";
        return l.lock().display();
    }

    /** Longer thread names are cut in summaries (a stack's own header keeps the whole name). */
    public static final int MAX_NAME_LENGTH = 80;

    /** A thread name in double quotes, on one line, cut to {@value #MAX_NAME_LENGTH} characters. */
    public static String quote(String name) {
        String shown = name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) + "…" : name;
        return '"' + oneLine(shown) + '"';
    }

    /** A measurement without a useless ".0": 12 or 12.5. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }

    /** A size in bytes for people: {@code 512 B}, {@code 1.5 KiB}, {@code 9.0 MiB}. */
    public static String bytes(long n) {
        if (n < 1024) return n + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** "owner "x", which waits for <…> held by "y"" along the chain, or why the owner is not known. */
    public static String owner(LockGraph graph, LockInfo l) {
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
                    sb.append(", which waits for ").append(lock(next));
                    if (next.owner() != null) sb.append(" held by ").append(quote(next.owner().name()));
                    else if (next.ownerStatus() == LockInfo.OwnerStatus.UNKNOWN) sb.append(" (owner unknown)");
                }
                return sb.toString();
        }
    }
}
