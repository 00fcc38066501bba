package dev.dumplens.ui;

import dev.dumplens.report.Text;
import javafx.scene.control.TreeTableCell;

import java.util.function.LongSupplier;

/** A tree-table cell showing a size in bytes over a bar as long as its share of the largest one. */
final class RetainedCell<S> extends TreeTableCell<S, Long> {
    private final LongSupplier largest;
    private final BarGraphic graphic = new BarGraphic("retained-bar", 76);

    RetainedCell(LongSupplier largest) {
        this.largest = largest;
    }

    @Override protected void updateItem(Long bytes, boolean empty) {
        super.updateItem(bytes, empty);
        if (empty || bytes == null) {
            setGraphic(null);
            return;
        }
        graphic.set(Text.bytes(bytes), bytes / (double) Math.max(1, largest.getAsLong()));
        setGraphic(graphic);
    }
}
