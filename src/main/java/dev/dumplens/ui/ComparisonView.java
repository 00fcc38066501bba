package dev.dumplens.ui;

import dev.dumplens.analysis.GoroutineWaits;

import dev.dumplens.analysis.compare.CompareOptions;
import dev.dumplens.analysis.compare.ComparedDump;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.analysis.compare.Suspect;
import dev.dumplens.analysis.compare.ThreadTrack;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.report.Charts;
import dev.dumplens.report.CompareFormat;
import dev.dumplens.report.ComparisonReport;
import dev.dumplens.report.Text;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several dumps of one process compared: the group sizes over time as a chart, the ranked leak suspects with
 * their explanations, and the groups with one count per dump (growing ones highlighted). Clicking a suspect
 * selects its group and shows its threads and stack. Each dump can be opened in its own dump view.
 */
final class ComparisonView implements WorkspaceView {
    private final List<ThreadDump> dumps;
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final Label subtitle = UiBits.muted("");
    private final GridPane dumpList = new GridPane();
    private final ChartViewer chart = new ChartViewer(null, false);
    private final SuspectsList suspects = new SuspectsList(this::showSuspect);
    private final TrendGroupsPane groups = new TrendGroupsPane();
    private Comparison comparison;

    ComparisonView(Comparison comparison, ViewContext context) {
        this.comparison = comparison;
        this.dumps = comparison.dumps().stream().map(ComparedDump::original).toList();
        this.context = context;

        Label title = new Label("Comparison of " + dumps.size() + " dumps");
        title.getStyleClass().add("title-3");
        title.setId("comparison-title");
        dumpList.setHgap(14);
        dumpList.setVgap(1);
        VBox text = new VBox(4, title, subtitle, dumpList);
        VBox.setMargin(dumpList, new Insets(6, 0, 0, 0));
        text.setMinWidth(360);
        chart.setId("groups-chart");
        chart.setPrefSize(760, 210);
        chart.setMinSize(400, 180);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox header = new HBox(16, text, chart);
        header.setPadding(new Insets(10, 14, 6, 14));

        Label suspectsTitle = new Label("Leak suspects");
        suspectsTitle.getStyleClass().add("title-4");
        VBox left = new VBox(6, suspectsTitle, suspects);
        left.setPadding(new Insets(6, 0, 0, 8));
        VBox.setVgrow(suspects, Priority.ALWAYS);
        SplitPane center = new SplitPane(left, groups);
        center.setDividerPositions(0.28);

        root.setTop(header);
        root.setCenter(center);
        root.getStyleClass().add("comparison-view");
        show(comparison);
        if (!comparison.warnings().isEmpty()) {
            context.notices().show(NoticeBar.Level.WARNING, "Comparing the dumps:", comparison.warnings());
        }
    }

    @Override public String title() {
        return "Compare " + dumps.size() + " dumps";
    }

    @Override public Node node() { return root; }

    @Override public void focusSearch() { groups.focusFilter(); }

    @Override public void similarityChanged(String similarity) {
        Similarity s = Similarity.parse(similarity);
        if (s.equals(comparison.options().similarity())) return;
        CompareOptions options = new CompareOptions(s, comparison.options().ignore());
        context.work().run("Comparing " + dumps.size() + " dumps again (" + s + ")",
                monitor -> Comparison.of(dumps, options), this::show,
                t -> context.notices().show(NoticeBar.Level.ERROR, "Could not compare the dumps again: " + t));
    }

    @Override public Report report() {
        Comparison c = comparison;
        return new Report("comparison-report", () -> ComparisonReport.html(c), () -> ComparisonReport.markdown(c));
    }

    Comparison comparison() { return comparison; }

    SuspectsList suspects() { return suspects; }

    TrendGroupsPane groups() { return groups; }

    private void show(Comparison c) {
        comparison = c;
        subtitle.setText(c.options().similarity() + " similarity  ·  " + switch (c.timeline().source()) {
            case "uptime" -> "times from the JVM uptime";
            case "timestamps" -> "times from the dumps' timestamps";
            default -> "no times in the dumps: in the order given";
        });
        showDumps(c);
        chart.setChart(Charts.groupsOverTime(c));
        groups.show(c);
        suspects.show(c.suspects());
        if (!c.suspects().isEmpty()) suspects.select(0);
    }

    private void showDumps(Comparison c) {
        dumpList.getChildren().clear();
        Map<String, Integer> perFile = new HashMap<>();
        for (ComparedDump d : c.dumps()) perFile.merge(d.original().source(), 1, Integer::sum);
        for (int i = 0; i < c.dumps().size(); i++) {
            ComparedDump d = c.dumps().get(i);
            boolean several = perFile.get(d.original().source()) > 1;
            Hyperlink open = new Hyperlink(Path.of(d.original().source()).getFileName()
                    + (several ? " #" + (d.original().index() + 1) : ""));
            open.setId("open-dump-" + (i + 1));
            open.setOnAction(e -> context.openView().accept(new DumpView(d.analysis(), several, context)));
            dumpList.addRow(i, UiBits.muted("#" + (i + 1)), open, UiBits.muted(CompareFormat.when(c, i)),
                    UiBits.muted(d.threadCount() + (GoroutineWaits.areGoroutines(d.original().threads()) ? " goroutines" : " threads")));
        }
    }

    private void showSuspect(Suspect s) {
        groups.select(s.group());
        List<DumpThread> threads = s.threads().stream().map(ThreadTrack::latest).toList();
        groups.detail().show(SuspectsList.kindText(s.kind()) + " · " + Text.oneLine(s.summary()), threads,
                () -> Text.oneLine(s.summary()) + "\n\n" + s.explanation() + "\n\n"
                        + dev.dumplens.report.StackFormat.threads(threads));
    }
}
