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
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
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
    private final TableView<DumpThread> members = new TableView<>();
    private final StackText stack = new StackText();
    private final Label groupTitle = new Label();
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
        size.setCellFactory(c -> new SizeBarCell());
        table.getColumns().add(size);
        table.getColumns().add(UiBits.stateColumn("State", 170, StackGroup::state, g -> g.state().name()));
        table.getColumns().add(UiBits.column("Name template", 210, g -> Text.oneLine(Text.template(g.nameTemplate()))));
        table.getColumns().add(UiBits.column("Top frame", 420, g -> UiBits.frame(g.topFrame())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> showGroup(g));
        table.setContextMenu(UiBits.menu(UiBits.copyItem("Copy group", this::selectedGroupText),
                UiBits.copyItem("Copy stack", this::shownStack)));

        members.setId("members-table");
        members.getStyleClass().add(Styles.DENSE);
        members.getColumns().add(UiBits.column("Member thread", 180, t -> Text.oneLine(t.name())));
        members.getColumns().add(UiBits.numberColumn("CPU ms", 85, DumpThread::cpuMillis, Text::number));
        members.getColumns().add(UiBits.numberColumn("Elapsed s", 90, DumpThread::elapsedSeconds, Text::number));
        members.getColumns().add(UiBits.stateColumn("State", 220, DumpThread::state, UiBits::stateText));
        members.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        members.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> stack.show(t));
        members.setContextMenu(UiBits.menu(UiBits.copyItem("Copy stack", this::shownStack)));
        stack.setContextMenu(UiBits.menu(UiBits.copyItem("Copy stack", this::shownStack),
                UiBits.copyItem("Copy group", this::selectedGroupText)));

        VBox left = new VBox(6, filter, table);
        left.setPadding(new Insets(6, 0, 0, 6));
        VBox.setVgrow(table, Priority.ALWAYS);

        groupTitle.setId("group-title");
        groupTitle.getStyleClass().add("title-4");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox actions = new HBox(4, groupTitle, grow, UiBits.copyButton("Copy stack", "copy-stack", this::shownStack),
                UiBits.copyButton("Copy group", "copy-group", this::selectedGroupText));
        actions.setAlignment(Pos.CENTER_LEFT);
        SplitPane detail = new SplitPane(stack, members);
        detail.setOrientation(Orientation.VERTICAL);
        detail.setDividerPositions(0.5);
        BorderPane right = new BorderPane(detail);
        right.setTop(actions);
        BorderPane.setMargin(actions, new Insets(6, 6, 6, 6));

        getItems().addAll(left, right);
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

    /** Selects the group holding {@code thread} and then the thread among its members. */
    void reveal(DumpThread thread) {
        filter.clear();
        for (StackGroup g : table.getItems()) {
            if (g.threads().contains(thread)) {
                table.getSelectionModel().select(g);
                table.scrollTo(g);
                members.getSelectionModel().select(thread);
                members.scrollTo(thread);
                return;
            }
        }
    }

    void focusFilter() { filter.requestFocus(); }

    TableView<StackGroup> table() { return table; }

    TableView<DumpThread> members() { return members; }

    StackText stack() { return stack; }

    private void showGroup(StackGroup g) {
        members.getItems().setAll(g == null ? List.of() : g.threads());
        groupTitle.setText(g == null ? "" : g.size() + (g.size() == 1 ? " thread · " : " threads · ") + g.state()
                + " · " + Text.oneLine(Text.template(g.nameTemplate())));
        if (g != null) members.getSelectionModel().select(0);
        else stack.show(null);
    }

    private String selectedGroupText() {
        StackGroup g = table.getSelectionModel().getSelectedItem();
        return g == null ? null : StackFormat.group(g);
    }

    private String shownStack() {
        return stack.getText().isEmpty() ? null : stack.getText();
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

    /** The group size as a number over a bar as long as the size relative to the largest group. */
    private final class SizeBarCell extends TableCell<StackGroup, Integer> {
        private final Region bar = new Region();
        private final Label label = new Label();
        private final StackPane box = new StackPane(bar, label);

        SizeBarCell() {
            bar.getStyleClass().add("size-bar");
            bar.setMaxHeight(14);
            StackPane.setAlignment(bar, Pos.CENTER_LEFT);
            StackPane.setAlignment(label, Pos.CENTER_RIGHT);
            box.setMinWidth(0);
        }

        @Override protected void updateItem(Integer size, boolean empty) {
            super.updateItem(size, empty);
            if (empty || size == null) {
                setGraphic(null);
                return;
            }
            label.setText(Integer.toString(size));
            bar.maxWidthProperty().bind(box.widthProperty().subtract(36).multiply(size / (double) largest));
            setGraphic(box);
        }
    }
}
