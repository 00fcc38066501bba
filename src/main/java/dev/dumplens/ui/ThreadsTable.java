package dev.dumplens.ui;

import atlantafx.base.theme.Styles;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import dev.dumplens.report.Text;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every thread of a dump in a virtualized table: filter by name, state or frame text; sort by any column
 * (cpu included). Selecting a thread shows its stack with lock lines.
 */
final class ThreadsTable extends BorderPane {
    /** Above this many threads the filter waits for a pause in typing. */
    private static final int DEBOUNCE_ABOVE = 2000;
    private final TextField filter = new TextField();
    private final Label count = new Label();
    private final TableView<DumpThread> table = new TableView<>();
    private final StackText stack = new StackText();
    private final FilteredList<DumpThread> filtered;
    /** Lower-cased frame texts; frames are interned, so this holds one entry per distinct frame. */
    private final Map<StackFrame, String> lowerFrames = new IdentityHashMap<>();
    private final int total;

    ThreadsTable(List<DumpThread> threads) {
        total = threads.size();
        filter.setPromptText("Filter by name, state or frame text (Ctrl+F)");
        filter.setId("threads-filter");
        HBox.setHgrow(filter, Priority.ALWAYS);
        count.setId("threads-count");
        count.getStyleClass().add("text-muted");
        filtered = new FilteredList<>(FXCollections.observableArrayList(threads));
        PauseTransition typing = new PauseTransition(Duration.millis(200));
        typing.setOnFinished(e -> applyFilter());
        filter.textProperty().addListener((o, a, text) -> {
            if (total > DEBOUNCE_ABOVE) typing.playFromStart();
            else applyFilter();
        });
        SortedList<DumpThread> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("threads-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setPlaceholder(UiBits.muted("No thread matches the filter."));
        table.getColumns().add(UiBits.column("Name", 240, t -> Text.oneLine(t.name())));
        table.getColumns().add(UiBits.stateColumn("State", 270, DumpThread::state, UiBits::stateText));
        table.getColumns().addAll(UiBits.threadNumberColumns(true));
        UiBits.fitNumberColumns(table, threads);
        table.getColumns().add(UiBits.column("Top frame", 520, t -> UiBits.frame(t.topFrame())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> stack.show(t));
        table.setContextMenu(UiBits.menu(UiBits.copyItem("Copy stack",
                () -> stack.getText().isEmpty() ? null : stack.getText())));
        updateCount();

        HBox top = new HBox(10, filter, count);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        SplitPane split = new SplitPane(table, stack);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setTop(top);
        setCenter(split);
    }

    void focusFilter() { filter.requestFocus(); }

    TextField filter() { return filter; }

    TableView<DumpThread> table() { return table; }

    private void applyFilter() {
        String q = filter.getText().trim().toLowerCase(Locale.ROOT);
        filtered.setPredicate(q.isEmpty() ? null : t -> matches(t, q));
        updateCount();
    }

    private void updateCount() {
        count.setText(filtered.size() == total ? total + " threads" : filtered.size() + " of " + total + " threads");
    }

    private boolean matches(DumpThread t, String q) {
        if (t.name().toLowerCase(Locale.ROOT).contains(q) || t.state().name().toLowerCase(Locale.ROOT).contains(q)
                || t.stateDetail().toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        for (StackFrame f : t.frames()) {
            if (lowerFrames.computeIfAbsent(f, k -> k.text().toLowerCase(Locale.ROOT)).contains(q)) return true;
        }
        return false;
    }
}
