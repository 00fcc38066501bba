package dev.dumplens.report;

import dev.dumplens.analysis.compare.ComparedDump;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.analysis.compare.GroupTrend;
import dev.dumplens.analysis.compare.StackExplanations;
import dev.dumplens.analysis.compare.Suspect;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import dev.dumplens.report.ReportDoc.Align;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report of a comparison, for {@link HtmlDoc} or {@link MarkdownDoc}: the dumps in time order, warnings,
 * the group sizes over time as a chart, the leak suspects with their explanations and stacks, and every group
 * with one count per dump.
 */
public final class ComparisonReport {
    static final int CHART_WIDTH = 900;
    static final int CHART_HEIGHT = 320;

    private ComparisonReport() { }

    /** The report of {@code c} as a self-contained HTML page. */
    public static String html(Comparison c) {
        return write(c, new HtmlDoc());
    }

    /** The report of {@code c} as Markdown. */
    public static String markdown(Comparison c) {
        return write(c, new MarkdownDoc());
    }

    /** Writes the report of {@code c} into {@code doc} and returns the finished document. */
    public static String write(Comparison c, ReportDoc doc) {
        doc.title("Comparison of " + c.dumps().size() + " dumps");
        doc.paragraph(c.options().similarity() + " similarity · times from " + c.timeline().source());
        dumps(c, doc);
        if (!c.warnings().isEmpty()) {
            doc.heading(2, "Warnings");
            doc.list(c.warnings());
        }
        doc.image("Group sizes over the dumps", Charts.png(Charts.groupsOverTime(c), CHART_WIDTH, CHART_HEIGHT),
                CHART_WIDTH, CHART_HEIGHT);
        suspects(c.suspects(), doc);
        groups(c, doc);
        doc.paragraph("Written by DumpLens.");
        return doc.finish();
    }

    private static void dumps(Comparison c, ReportDoc doc) {
        doc.heading(2, "Dumps");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < c.dumps().size(); i++) {
            ComparedDump d = c.dumps().get(i);
            rows.add(List.of(Integer.toString(i + 1), d.label(),
                    d.original().timestamp() == null ? "" : d.original().timestamp().toString().replace('T', ' '),
                    CompareFormat.when(c, i), Integer.toString(d.threadCount())));
        }
        doc.table(List.of("#", "File", "Taken", "Since the first", "Threads"),
                List.of(Align.RIGHT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT), rows);
    }

    private static void suspects(List<Suspect> suspects, ReportDoc doc) {
        doc.heading(2, "Leak suspects");
        if (suspects.isEmpty()) {
            doc.paragraph("No leak suspects: no group grows, and no thread is stuck or spinning.");
            return;
        }
        int rank = 1;
        for (Suspect s : suspects) {
            doc.heading(3, rank++ + ". " + s.kind().label().replace('-', ' ').toUpperCase(Locale.ROOT) + ": "
                    + s.summary());
            doc.paragraph(s.explanation());
            doc.paragraph(s.threads().size() + (s.threads().size() == 1 ? " thread: " : " threads: ")
                    + s.threadsInShort());
            if (!s.frames().isEmpty()) doc.code(frames(s.frames()));
        }
    }

    private static String frames(List<StackFrame> frames) {
        StringBuilder sb = new StringBuilder();
        for (StackFrame f : frames) sb.append("\tat ").append(f.text()).append('\n');
        return sb.toString();
    }

    private static void groups(Comparison c, ReportDoc doc) {
        doc.heading(2, "Groups");
        List<String> headers = new ArrayList<>(List.of("Trend", "State", "Name template"));
        List<Align> align = new ArrayList<>(List.of(Align.LEFT, Align.LEFT, Align.LEFT));
        for (int i = 0; i < c.dumps().size(); i++) {
            headers.add("#" + (i + 1));
            align.add(Align.RIGHT);
        }
        headers.addAll(List.of("Growth", "What the threads do"));
        align.addAll(List.of(Align.RIGHT, Align.LEFT));
        List<List<String>> rows = new ArrayList<>();
        for (GroupTrend g : c.groups()) {
            List<String> row = new ArrayList<>(List.of(g.trend().label(), g.state().name(),
                    Text.label(g)));
            for (int count : g.counts()) row.add(Integer.toString(count));
            List<DumpThread> members = g.latestThreads();
            row.add(CompareFormat.growth(g));
            row.add(members.isEmpty() || members.get(0).frames().isEmpty() ? ""
                    : StackExplanations.activity(members.get(0)));
            rows.add(row);
        }
        doc.table(headers, align, rows);
    }
}
