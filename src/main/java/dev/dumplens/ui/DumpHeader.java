package dev.dumplens.ui;

import atlantafx.base.theme.Styles;
import dev.dumplens.analysis.Deadlock;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.GoroutineWaits;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.report.Charts;
import dev.dumplens.report.Text;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The top of a dump view: a red banner per deadlock (its button jumps to the cycle), the file and dump facts,
 * the totals, and the thread-state chart.
 */
final class DumpHeader extends VBox {
    private static final int MAX_BANNERS = 6;

    private final VBox banners = new VBox(2);
    private final HBox totals = new HBox(24);
    private final ChartViewer chart = new ChartViewer(null, false);
    private final IntConsumer showDeadlock;

    DumpHeader(ThreadDump dump, boolean severalInFile, IntConsumer showDeadlock) {
        this.showDeadlock = showDeadlock;
        Label title = new Label(Path.of(dump.source()).getFileName() + (severalInFile ? "  #" + (dump.index() + 1) : ""));
        title.getStyleClass().add("title-3");
        title.setId("dump-title");
        List<String> facts = new ArrayList<>();
        facts.add(dump.format());
        if (dump.timestamp() != null) facts.add(dump.timestamp().toString().replace('T', ' '));
        if (dump.processId() != null) facts.add("pid " + dump.processId());
        Label sub = UiBits.muted(String.join("  ·  ", facts));
        Label banner = UiBits.muted(dump.vmBanner());
        banner.getStyleClass().add("text-small");
        totals.setId("dump-totals");
        VBox text = new VBox(4, title, sub, banner, totals);
        VBox.setMargin(totals, new Insets(10, 0, 0, 0));
        HBox.setHgrow(text, Priority.ALWAYS);

        chart.setId("state-chart");
        chart.setPrefSize(400, 150);
        chart.setMinSize(300, 120);
        HBox row = new HBox(16, text, chart);
        row.setPadding(new Insets(10, 14, 6, 14));
        banners.setId("deadlock-banners");
        getChildren().addAll(banners, row);
    }

    /** Shows the totals, the chart and the deadlock banners of {@code a}. */
    void show(DumpAnalysis a) {
        boolean go = GoroutineWaits.areGoroutines(a.dump().threads());
        totals.getChildren().setAll(stat(a.threadCount(), go ? "goroutines" : "threads"));
        if (!go) totals.getChildren().add(stat(a.virtualThreadCount(), "virtual"));
        totals.getChildren().addAll(stat(a.groups().size(), "groups"),
                stat(a.locks().locks().stream().filter(l -> l.contended()).count(), "contended locks"),
                stat(a.deadlocks().size(), "deadlocks"));
        chart.setChart(Charts.states(a));
        banners.getChildren().clear();
        if (!a.deadlocks().isEmpty()) banners.getChildren().add(banner(a.deadlocks()));
    }

    /** One red bar: how many deadlocks, and per cycle a button naming its threads that jumps to it. */
    private HBox banner(List<Deadlock> deadlocks) {
        Label title = new Label(deadlocks.size() == 1 ? "Deadlock" : deadlocks.size() + " deadlocks",
                new FontIcon("mdi2a-alert-octagon"));
        title.setId("deadlock-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane cycles = new FlowPane(6, 4);
        HBox.setHgrow(cycles, Priority.ALWAYS);
        for (int i = 0; i < Math.min(MAX_BANNERS, deadlocks.size()); i++) {
            int index = i;
            Deadlock d = deadlocks.get(i);
            Button show = new Button(cycleText(d));
            show.setId("show-deadlock-" + i);
            show.setTooltip(new Tooltip(LocksPane.deadlockTitle(d) + ": show the cycle in the Locks tab"));
            show.getStyleClass().addAll(Styles.SMALL, "deadlock-cycle");
            show.setOnAction(e -> showDeadlock.accept(index));
            cycles.getChildren().add(show);
        }
        if (deadlocks.size() > MAX_BANNERS) {
            cycles.getChildren().add(new Label("+ " + (deadlocks.size() - MAX_BANNERS) + " more in the Locks tab"));
        }
        HBox row = new HBox(14, title, cycles);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("deadlock-banner");
        return row;
    }

    private static String cycleText(Deadlock d) {
        List<String> names = d.threads().stream().map(t -> Text.oneLine(t.name())).toList();
        return names.size() == 2 ? names.get(0) + " ⇄ " + names.get(1)
                : String.join(" → ", names) + " → " + names.get(0);
    }

    private static VBox stat(long value, String caption) {
        Label number = new Label(Long.toString(value));
        number.getStyleClass().add("stat-number");
        Label label = UiBits.muted(caption);
        VBox box = new VBox(0, number, label);
        box.getStyleClass().add("stat");
        box.setId("stat-" + caption.replace(' ', '-'));
        return box;
    }
}
