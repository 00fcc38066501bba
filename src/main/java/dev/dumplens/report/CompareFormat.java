package dev.dumplens.report;

import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.analysis.compare.GroupTrend;
import dev.dumplens.model.DumpThread;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Short texts about a comparison for the desktop app and the reports: counts, times, growth, a group's text. */
public final class CompareFormat {
    private static final double SECONDS_SHOWN_AS_MINUTES = 120;

    private CompareFormat() { }

    /** {@code 5 → 10 → 15 → 20}. */
    public static String counts(List<Integer> counts) {
        return counts.stream().map(String::valueOf).collect(Collectors.joining(" → "));
    }

    /**
     * When dump {@code index} was taken: {@code +3.4 s} or {@code +2.5 min} after the first dump when the time
     * between dumps is known, else the dump's own time of day, else "".
     */
    public static String when(Comparison c, int index) {
        Double offset = c.timeline().offsetSeconds(index);
        if (offset != null) {
            return offset >= SECONDS_SHOWN_AS_MINUTES ? String.format(Locale.ROOT, "+%.1f min", offset / 60)
                    : String.format(Locale.ROOT, "+%.1f s", offset);
        }
        var ts = c.dumps().get(index).original().timestamp();
        return ts == null ? "" : ts.toLocalTime().toString();
    }

    /** {@code +91/min} when the time is known, else {@code +5/dump}; "" when the group ends where it started. */
    public static String growth(GroupTrend g) {
        if (g.netGrowth() == 0) return "";
        String sign = g.netGrowth() > 0 ? "+" : "";
        if (g.growthPerMinute() != null) return sign + Text.number(round(g.growthPerMinute())) + "/min";
        return sign + Text.number(round(g.growthPerDump())) + "/dump";
    }

    /** A group of a comparison as text: counts, trend, state, template, a latest member's stack, the members. */
    public static String group(GroupTrend g) {
        StringBuilder sb = new StringBuilder();
        sb.append(counts(g.counts())).append(" threads  ").append(g.trend().label()).append("  ").append(g.state())
                .append("  ").append(Text.label(g)).append("\n\n");
        List<DumpThread> members = g.latestThreads();
        if (!members.isEmpty()) {
            sb.append(StackFormat.thread(members.get(0)));
            sb.append("\nMembers in the latest dump that has any:\n");
            for (DumpThread t : members) sb.append("  \"").append(Text.oneLine(t.name())).append("\"\n");
        }
        return sb.toString();
    }

    private static double round(double v) {
        return Math.abs(v) >= 10 ? Math.rint(v) : Math.rint(v * 10) / 10;
    }
}
