package dev.dumplens.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.function.IntSupplier;

/** A count as a number over a bar as long as the count relative to the largest one in the table. */
final class SizeBarCell<S> extends TableCell<S, Integer> {
    private final IntSupplier largest;
    private final Region bar = new Region();
    private final Label label = new Label();
    private final StackPane box = new StackPane(bar, label);

    SizeBarCell(IntSupplier largest) {
        this.largest = largest;
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
        bar.maxWidthProperty().bind(box.widthProperty().subtract(36).multiply(size / (double) Math.max(1, largest.getAsInt())));
        setGraphic(box);
    }
}
