package dev.dumplens.ui;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * Every thread of a dump in a virtualized table: filter by name, state or frame text; sort by any column
 * (cpu included). Selecting a thread shows its stack with lock lines.
 */
final class ThreadsTable extends BorderPane {
    private final TextField filter = new TextField();
    private final TableView<DumpThread> table = new TableView<>();
    private final StackText stack = new StackText();

    ThreadsTable(List<DumpThread> threads) {
        filter.setPromptText("Filter by name, state or frame text (Ctrl+F)");
        filter.setId("threads-filter");
        FilteredList<DumpThread> filtered = new FilteredList<>(FXCollections.observableArrayList(threads));
        filter.textProperty().addListener((o, a, text) -> {
            String q = text.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(q.isEmpty() ? null : t -> matches(t, q));
        });
        SortedList<DumpThread> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("threads-table");
        table.getColumns().add(column("Name", 260, t -> t.name().replace('\n', '⏎')));
        table.getColumns().add(column("State", 130, t -> t.state().name()));
        TableColumn<DumpThread, Double> cpu = new TableColumn<>("CPU ms");
        cpu.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().cpuMillis()));
        cpu.setPrefWidth(90);
        cpu.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(cpu);
        table.getColumns().add(column("Top frame", 520, t -> t.topFrame() == null ? "" : t.topFrame().text()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> stack.show(t));

        VBox top = new VBox(filter);
        top.setPadding(new javafx.geometry.Insets(6));
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(table, stack);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        setTop(top);
        setCenter(split);
    }

    void focusFilter() { filter.requestFocus(); }

    TableView<DumpThread> table() { return table; }

    private static boolean matches(DumpThread t, String q) {
        if (t.name().toLowerCase(Locale.ROOT).contains(q) || t.state().name().toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        for (StackFrame f : t.frames()) if (f.text().toLowerCase(Locale.ROOT).contains(q)) return true;
        return false;
    }

    private static TableColumn<DumpThread, String> column(String title, double width,
                                                          java.util.function.Function<DumpThread, String> value) {
        TableColumn<DumpThread, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
