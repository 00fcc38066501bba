package dev.dumplens.ui;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadState;
import dev.dumplens.report.Charts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Small building blocks shared by the views: state badges, table columns, copy actions. */
final class UiBits {
    /** Wide enough for a dot and "TIMED_WAITING". */
    private static final double STATE_MIN_WIDTH = 160;

    private UiBits() { }

    /** The JavaFX colour of a thread state (the charts' colour). */
    static Color color(ThreadState state) {
        java.awt.Color c = Charts.color(state);
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** A coloured dot, for a state label's graphic. */
    static Circle dot(ThreadState state) {
        return new Circle(5, color(state));
    }

    /** Puts {@code text} on the system clipboard. */
    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A small flat button with an icon that copies what {@code text} supplies (nothing when it supplies null). */
    static Button copyButton(String label, String id, Supplier<String> text) {
        Button b = new Button(label, new FontIcon("mdi2c-content-copy"));
        b.setId(id);
        b.getStyleClass().addAll("small", "flat");
        b.setOnAction(e -> { String t = text.get(); if (t != null) copy(t); });
        return b;
    }

    /** A context-menu item that copies what {@code text} supplies. */
    static MenuItem copyItem(String label, Supplier<String> text) {
        MenuItem m = new MenuItem(label, new FontIcon("mdi2c-content-copy"));
        m.setOnAction(e -> { String t = text.get(); if (t != null) copy(t); });
        return m;
    }

    static ContextMenu menu(MenuItem... items) { return new ContextMenu(items); }

    /** A read-only column showing {@code value} of each row. */
    static <S, T> TableColumn<S, T> column(String title, double width, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A right-aligned numeric column ({@code null} shows as empty), sorted as numbers. */
    static <S, T extends Number & Comparable<T>> TableColumn<S, T> numberColumn(String title, double width,
                                                                                Function<S, T> value,
                                                                                Function<T, String> format) {
        TableColumn<S, T> c = column(title, width, value);
        c.setMinWidth(width);
        c.getStyleClass().add("number-column");
        c.setCellFactory(col -> new TableCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return c;
    }

    /** A column with a state's coloured dot and {@code text} of the row, sorted by state, then text. */
    static <S> TableColumn<S, S> stateColumn(String title, double width, Function<S, ThreadState> state,
                                             Function<S, String> text) {
        TableColumn<S, S> c = column(title, width, row -> row);
        c.setMinWidth(STATE_MIN_WIDTH);
        c.setComparator(java.util.Comparator.comparing(state).thenComparing(text));
        c.setCellFactory(col -> new TableCell<>() {
            @Override protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
                setGraphic(empty || item == null ? null : dot(state.apply(item)));
            }
        });
        return c;
    }

    /** The state as printed ("WAITING (parking)"), or the bare state when the dump gives no detail. */
    static String stateText(DumpThread t) {
        return t.stateDetail().isEmpty() ? t.state().name() : t.stateDetail();
    }

    /** A frame for a table cell: method and location without the module prefix. */
    static String frame(StackFrame f) {
        if (f == null) return "(no Java frames)";
        String location = f.location();
        return location.isEmpty() ? f.qualifiedMethod() : f.qualifiedMethod() + "(" + location + ")";
    }

    /** A muted label. */
    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        return l;
    }

    /**
     * The per-thread number columns: CPU time and, with {@code withElapsed}, elapsed time (HotSpot {@code -e} /
     * jcmd), and the minutes a goroutine has been blocked (Go). {@link #fitNumberColumns} shows only those the
     * shown threads have values for.
     */
    static List<TableColumn<DumpThread, ?>> threadNumberColumns(boolean withElapsed) {
        List<TableColumn<DumpThread, ?>> out = new java.util.ArrayList<>();
        out.add(numberColumn("CPU ms", 85, DumpThread::cpuMillis, dev.dumplens.report.Text::number));
        if (withElapsed) {
            out.add(numberColumn("Elapsed s", 90, DumpThread::elapsedSeconds, dev.dumplens.report.Text::number));
        }
        out.add(numberColumn("Blocked min", 100, DumpThread::waitMinutes, String::valueOf));
        for (TableColumn<DumpThread, ?> c : out) c.getProperties().put(NUMBER_COLUMN, Boolean.TRUE);
        return out;
    }

    /** Hides the number columns of {@code table} that no thread of {@code threads} has a value for. */
    static void fitNumberColumns(javafx.scene.control.TableView<DumpThread> table, List<DumpThread> threads) {
        for (TableColumn<DumpThread, ?> c : table.getColumns()) {
            if (!c.getProperties().containsKey(NUMBER_COLUMN)) continue;
            boolean any = false;
            for (DumpThread t : threads) {
                if (c.getCellObservableValue(t) != null && c.getCellObservableValue(t).getValue() != null) {
                    any = true;
                    break;
                }
            }
            c.setVisible(any);
        }
    }

    private static final String NUMBER_COLUMN = "dumplens.number-column";
}
