package dev.dumplens.ui;

import dev.dumplens.report.Text;
import javafx.scene.control.TableCell;

import java.util.function.DoubleSupplier;
import java.util.function.Function;

/** A table cell showing a count or size over a bar as long as its share of the largest one in the table. */
final class SizeBarCell<S, N extends Number> extends TableCell<S, N> {
    private final DoubleSupplier largest;
    private final Function<N, String> format;
    private final BarGraphic graphic;

    private SizeBarCell(DoubleSupplier largest, Function<N, String> format, double labelRoom, String barStyle) {
        this.largest = largest;
        this.format = format;
        this.graphic = new BarGraphic(barStyle, labelRoom);
    }

    /** Counts: the number as is, room for a few digits. */
    static <S> SizeBarCell<S, Integer> counts(DoubleSupplier largest) {
        return new SizeBarCell<>(largest, String::valueOf, 36, "size-bar");
    }

    /** Sizes in bytes ("9.0 MiB"), in the colour of retained heap. */
    static <S> SizeBarCell<S, Long> bytes(DoubleSupplier largest) {
        return new SizeBarCell<>(largest, Text::bytes, 76, "retained-bar");
    }

    @Override protected void updateItem(N value, boolean empty) {
        super.updateItem(value, empty);
        if (empty || value == null) {
            setGraphic(null);
            return;
        }
        graphic.set(format.apply(value), value.doubleValue() / Math.max(1, largest.getAsDouble()));
        setGraphic(graphic);
    }
}
