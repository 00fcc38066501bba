package dev.dumplens.ui;

import atlantafx.base.theme.Styles;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import dev.dumplens.report.StackFormat;
import dev.dumplens.report.Text;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * Stack groups of one dump: a filterable table (size with a bar, state, name template, top frame), largest first;
 * the selected group's member threads and the selected member's full stack with lock lines, copyable.
 */
final class GroupsPane extends SplitPane {
    private final TextField filter = new TextField();
    private final ObservableList<StackGroup> groups = FXCollections.observableArrayList();
    private final FilteredList<StackGroup> filtered = new FilteredList<>(groups);
    private final TableView<StackGroup> table = new TableView<>();
    private final GroupDetail detail = new GroupDetail(false);
    private int largest = 1;

    GroupsPane() {
        filter.setPromptText("Filter groups by name, state or frame text (Ctrl+F)");
        filter.setId("groups-filter");
        filter.textProperty().addListener((o, a, text) -> applyFilter(text));
        SortedList<StackGroup> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("groups-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setPlaceholder(UiBits.muted("No group matches the filter."));
        TableColumn<StackGroup, Integer> size = UiBits.column("Threads", 100, StackGroup::size);
        size.setMinWidth(80);
        size.setId("group-size");
        size.setSortType(TableColumn.SortType.DESCENDING);
        size.setCellFactory(c -> SizeBarCell.counts(() -> largest));
        table.getColumns().add(size);
        table.getColumns().add(UiBits.stateColumn("State", 170, StackGroup::state, g -> g.state().name()));
        table.getColumns().add(UiBits.column("Name template", 210, g -> Text.label(g)));
        table.getColumns().add(UiBits.column("Top frame", 420, g -> UiBits.frame(g.topFrame())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> showGroup(g));
        table.setContextMenu(UiBits.menu(UiBits.copyItem("Copy group", this::selectedGroupText)));

        VBox left = new VBox(6, filter, table);
        left.setPadding(new Insets(6, 0, 0, 6));
        VBox.setVgrow(table, Priority.ALWAYS);

        getItems().addAll(left, detail);
        setDividerPositions(0.56);
        setId("groups-pane");
    }

    /** Shows {@code list} (largest first) and selects the largest group. */
    void show(List<StackGroup> list) {
        largest = list.isEmpty() ? 1 : list.stream().mapToInt(StackGroup::size).max().getAsInt();
        groups.setAll(list);
        table.getSortOrder().clear();
        if (!table.getItems().isEmpty()) table.getSelectionModel().select(0);
        else showGroup(null);
    }

    void focusFilter() { filter.requestFocus(); }

    TableView<StackGroup> table() { return table; }

    TableView<DumpThread> members() { return detail.members(); }

    StackText stack() { return detail.stack(); }

    private void showGroup(StackGroup g) {
        if (g == null) detail.show("", List.of(), () -> null);
        else detail.show(g.size() + (g.size() == 1 ? " thread · " : " threads · ") + g.state() + " · "
                + Text.label(g), g.threads(), () -> StackFormat.group(g));
    }

    private String selectedGroupText() {
        StackGroup g = table.getSelectionModel().getSelectedItem();
        return g == null ? null : StackFormat.group(g);
    }

    private void applyFilter(String text) {
        String q = text.trim().toLowerCase(Locale.ROOT);
        filtered.setPredicate(q.isEmpty() ? null : g -> matches(g, q));
    }

    private static boolean matches(StackGroup g, String q) {
        if (g.nameTemplate().toLowerCase(Locale.ROOT).contains(q) || g.state().name().toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        for (StackFrame f : g.frames()) if (f.text().toLowerCase(Locale.ROOT).contains(q)) return true;
        return false;
    }
}
