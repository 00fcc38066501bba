package dev.dumplens.ui;

import atlantafx.base.theme.Styles;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.analysis.compare.ComparedDump;
import dev.dumplens.analysis.compare.GroupTrend;
import dev.dumplens.analysis.compare.StackExplanations;
import dev.dumplens.analysis.compare.Trend;
import dev.dumplens.model.DumpThread;
import dev.dumplens.report.CompareFormat;
import dev.dumplens.report.Text;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The groups of a comparison: one count column per dump, a trend arrow, growing groups highlighted; the selected
 * group's stack and its members in the latest dump that has any.
 */
final class TrendGroupsPane extends SplitPane {
    private static final PseudoClass GROWING = PseudoClass.getPseudoClass("growing");

    /** A table row: the group and, worked out once, what its threads are doing. */
    record Row(GroupTrend group, String activity) { }

    private final TextField filter = new TextField();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> filtered = new FilteredList<>(rows);
    private final TableView<Row> table = new TableView<>();
    private final GroupDetail detail = new GroupDetail(true);
    private int largest = 1;

    TrendGroupsPane() {
        filter.setPromptText("Filter groups by name, state, trend or frame text (Ctrl+F)");
        filter.setId("trend-filter");
        filter.textProperty().addListener((o, a, text) -> {
            String q = text.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(q.isEmpty() ? null : r -> matches(r, q));
        });
        SortedList<Row> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("trend-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setPlaceholder(UiBits.muted("No group matches the filter."));
        table.setRowFactory(t -> new TableRow<>() {
            @Override protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(GROWING, !empty && r != null && r.group().trend() == Trend.GROWING);
            }
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> showGroup(r == null ? null : r.group()));
        table.setContextMenu(UiBits.menu(UiBits.copyItem("Copy group", () -> {
            Row r = table.getSelectionModel().getSelectedItem();
            return r == null ? null : CompareFormat.group(r.group());
        })));

        VBox top = new VBox(6, filter, table);
        top.setPadding(new Insets(6, 6, 0, 6));
        VBox.setVgrow(table, Priority.ALWAYS);
        getItems().addAll(top, detail);
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(0.45);
    }

    /** Shows the groups of {@code c}: columns for its dumps, rows largest first, the first row selected. */
    void show(Comparison c) {
        table.getColumns().setAll(columns(c));
        largest = c.groups().stream().mapToInt(GroupTrend::maxCount).max().orElse(1);
        rows.setAll(c.groups().stream().map(g -> new Row(g, activity(g))).toList());
        table.getSortOrder().clear();
        if (!table.getItems().isEmpty()) table.getSelectionModel().select(0);
        else showGroup(null);
    }

    /** Selects {@code g}'s row (clearing the filter if it hides it); {@code null} clears the selection. */
    void select(GroupTrend g) {
        if (g == null) {
            table.getSelectionModel().clearSelection();
            return;
        }
        if (table.getItems().stream().noneMatch(r -> r.group() == g)) filter.clear();
        for (Row r : table.getItems()) {
            if (r.group() == g) {
                table.getSelectionModel().select(r);
                table.scrollTo(r);
                return;
            }
        }
    }

    void focusFilter() { filter.requestFocus(); }

    TableView<Row> table() { return table; }

    GroupDetail detail() { return detail; }

    private List<TableColumn<Row, ?>> columns(Comparison c) {
        TableColumn<Row, Trend> trend = UiBits.column("Trend", 115, r -> r.group().trend());
        trend.setCellFactory(col -> new TrendCell());
        trend.setMinWidth(110);
        TableColumn<Row, Row> state = UiBits.stateColumn("State", 160, r -> r.group().state(),
                r -> r.group().state().name());
        TableColumn<Row, String> name = UiBits.column("Name template", 170,
                r -> Text.label(r.group()));
        name.setMinWidth(150);
        List<TableColumn<Row, ?>> out = new java.util.ArrayList<>(List.of(trend, state, name));
        List<ComparedDump> dumps = c.dumps();
        for (int i = 0; i < dumps.size(); i++) {
            int index = i;
            TableColumn<Row, Integer> count = UiBits.column(null, 70, r -> r.group().count(index));
            Label header = new Label("#" + (i + 1) + "\n" + CompareFormat.when(c, i));
            header.setTooltip(new Tooltip(Path.of(dumps.get(i).original().source()).getFileName() + " · "
                    + dumps.get(i).threadCount() + " threads"));
            header.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            count.setGraphic(header);
            count.setId("count-" + (i + 1));
            count.setMinWidth(64);
            count.setCellFactory(col -> SizeBarCell.counts(() -> largest));
            out.add(count);
        }
        TableColumn<Row, String> growth = UiBits.column("Growth", 90, r -> CompareFormat.growth(r.group()));
        growth.setMinWidth(80);
        growth.getStyleClass().add("number-column");
        out.add(growth);
        out.add(UiBits.column("What the threads do", 360, Row::activity));
        return out;
    }

    private static String activity(GroupTrend g) {
        List<DumpThread> members = g.latestThreads();
        if (members.isEmpty()) return "";
        return members.get(0).frames().isEmpty() ? "(no Java frames)" : StackExplanations.activity(members.get(0));
    }

    private void showGroup(GroupTrend g) {
        if (g == null) {
            detail.show("", List.of(), () -> null);
            return;
        }
        detail.show(CompareFormat.counts(g.counts()) + " · " + g.trend().label() + " · " + g.state() + " · "
                + Text.label(g), g.latestThreads(), () -> CompareFormat.group(g));
    }

    private static boolean matches(Row r, String q) {
        GroupTrend g = r.group();
        if (g.nameTemplate().toLowerCase(Locale.ROOT).contains(q) || g.state().name().toLowerCase(Locale.ROOT).contains(q)
                || g.trend().label().contains(q) || r.activity().toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        return g.frames().stream().anyMatch(f -> f.text().toLowerCase(Locale.ROOT).contains(q));
    }

    /** An arrow and the trend's name, coloured: growing red, shrinking green, the rest muted. */
    private static final class TrendCell extends TableCell<Row, Trend> {
        @Override protected void updateItem(Trend t, boolean empty) {
            super.updateItem(t, empty);
            getStyleClass().removeIf(c -> c.startsWith("trend-"));
            if (empty || t == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(t.label());
            setGraphic(new FontIcon(switch (t) {
                case GROWING -> "mdi2t-trending-up";
                case SHRINKING -> "mdi2t-trending-down";
                case STABLE -> "mdi2t-trending-neutral";
                case NEW -> "mdi2p-plus-circle-outline";
                case GONE -> "mdi2m-minus-circle-outline";
                case FLUCTUATING -> "mdi2s-swap-vertical";
            }));
            getStyleClass().add("trend-" + t.label());
        }
    }
}
