package dev.dumplens.report;

import dev.dumplens.analysis.GoroutineWaits;
import dev.dumplens.analysis.compare.ComparedDump;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.analysis.compare.GroupTrend;
import dev.dumplens.analysis.compare.Suspect;
import dev.dumplens.analysis.compare.StackExplanations;
import dev.dumplens.analysis.compare.Trend;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The human-readable {@code compare} report: the dumps in time order, warnings, the ranked leak suspects with
 * their explanations, then the groups with one count per dump — changing groups first, then the largest stable
 * ones.
 */
public final class CompareText {
    static final int WIDTH = 100;
    static final int MAX_STABLE_GROUPS = 10;
    static final int MAX_FRAMES = 4;

    private CompareText() { }

    /** Writes the report of {@code c}. */
    public static void write(Comparison c, PrintWriter out) {
        List<ComparedDump> dumps = c.dumps();
        out.println("== Comparing " + dumps.size() + " dumps (" + c.options().similarity() + " similarity)");
        for (int i = 0; i < dumps.size(); i++) {
            ComparedDump d = dumps.get(i);
            Double offset = c.timeline().offsetSeconds(i);
            out.printf("  #%-3d %s%s  %d %s%s%s%n", i + 1, TextSummary.oneLine(d.label()),
                    d.original().timestamp() == null ? "" : "  " + CompareJsonWriter.timestamp(d.original()), d.threadCount(),
                    GoroutineWaits.areGoroutines(d.original().threads()) ? "goroutines" : "threads",
                    d.ignoredThreads() == 0 ? "" : " (" + d.ignoredThreads() + " ignored)",
                    offset == null ? "" : String.format("  +%.1f s", offset));
        }
        if (!c.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            for (String w : c.warnings()) wrap(out, "  ! ", w);
        }
        writeSuspects(c.suspects(), out);
        writeGroups(c, out);
        out.println();
    }

    private static void writeSuspects(List<Suspect> suspects, PrintWriter out) {
        out.println();
        if (suspects.isEmpty()) {
            out.println("No leak suspects.");
            return;
        }
        out.println("Leak suspects (" + suspects.size() + "), most serious first:");
        int rank = 1;
        for (Suspect s : suspects) {
            out.println();
            out.println(String.format("%2d. [%s] ", rank++, s.kind().label()) + TextSummary.oneLine(s.summary()));
            wrap(out, "      ", s.explanation());
            String members = !s.threads().isEmpty() && GoroutineWaits.isGoroutine(s.threads().get(0).latest())
                    ? "goroutines" : "threads";
            out.println("      " + members + " (" + s.threads().size() + "): " + TextSummary.oneLine(s.threadsInShort()));
            writeFrames(s.frames(), "        at ", out);
        }
    }

    private static void writeGroups(Comparison c, PrintWriter out) {
        List<GroupTrend> changing = c.groups().stream().filter(g -> g.trend() != Trend.STABLE).toList();
        List<GroupTrend> stable = c.groups().stream().filter(g -> g.trend() == Trend.STABLE).toList();
        out.println();
        out.println("Groups that change (" + changing.size() + "):");
        for (GroupTrend g : changing) writeGroup(g, out);
        out.println();
        out.println("Stable groups (" + stable.size() + ")" + (stable.size() > MAX_STABLE_GROUPS
                ? ", the largest " + MAX_STABLE_GROUPS + ":" : ":"));
        for (GroupTrend g : stable.subList(0, Math.min(MAX_STABLE_GROUPS, stable.size()))) writeGroup(g, out);
    }

    private static void writeGroup(GroupTrend g, PrintWriter out) {
        String counts = g.counts().stream().map(String::valueOf).collect(Collectors.joining(" → "));
        String template = g.label().isEmpty() ? "(unnamed)" : TextSummary.oneLine(g.label());
        out.printf("  %-24s %-11s %-13s %s%n", counts, g.trend().label(), g.state(), template);
        List<DumpThread> members = g.latestThreads();
        if (!members.isEmpty() && !members.get(0).frames().isEmpty()) {
            out.println("        " + TextSummary.oneLine(StackExplanations.activity(members.get(0))));
        }
    }

    private static void writeFrames(List<StackFrame> frames, String indent, PrintWriter out) {
        int shown = Math.min(MAX_FRAMES, frames.size());
        for (int i = 0; i < shown; i++) {
            StackFrame f = frames.get(i);
            out.println((f.isCreatedBy() ? indent.replace("at ", "   ") : indent) + f.text());
        }
        if (frames.size() > shown) out.println(indent.replace("at ", "… ") + (frames.size() - shown) + " more frames");
    }

    /** Writes {@code text} word-wrapped at {@value #WIDTH} columns, each line starting with {@code indent}. */
    private static void wrap(PrintWriter out, String indent, String text) {
        String pad = " ".repeat(indent.length());
        StringBuilder line = new StringBuilder(indent);
        for (String word : TextSummary.oneLine(text).split(" ")) {
            if (line.length() > pad.length() && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(pad);
            }
            if (line.length() > pad.length()) line.append(' ');
            line.append(word);
        }
        out.println(line);
    }
}
