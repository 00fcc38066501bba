package dev.dumplens.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** A number over a bar whose length shows its share of the largest value: the graphic of the size cells. */
final class BarGraphic extends StackPane {
    /** Room kept free for the number at the right end. */
    private final double labelRoom;
    private final Region bar = new Region();
    private final Label label = new Label();

    BarGraphic(String barStyle, double labelRoom) {
        this.labelRoom = labelRoom;
        bar.getStyleClass().add(barStyle);
        bar.setMaxHeight(14);
        StackPane.setAlignment(bar, Pos.CENTER_LEFT);
        StackPane.setAlignment(label, Pos.CENTER_RIGHT);
        getChildren().addAll(bar, label);
        setMinWidth(0);
    }

    /** Shows {@code text} over a bar of {@code share} (0..1) of the width left of the number. */
    void set(String text, double share) {
        label.setText(text);
        bar.maxWidthProperty().bind(widthProperty().subtract(labelRoom).multiply(Math.max(0, Math.min(1, share))));
    }
}
