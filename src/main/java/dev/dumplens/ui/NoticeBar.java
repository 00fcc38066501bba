package dev.dumplens.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Non-modal messages above the workspace: errors naming file and line, warnings, information. Each can be
 * dismissed; none blocks the window.
 */
final class NoticeBar extends VBox {

    enum Level { ERROR, WARNING, INFO }

    NoticeBar() {
        setSpacing(2);
        getStyleClass().add("notice-bar");
    }

    /** Adds a message; {@code details} (may be empty) are shown as extra lines, e.g. one per file. */
    void show(Level level, String message, java.util.List<String> details) {
        Label text = new Label(details.isEmpty() ? message : message + "\n" + String.join("\n", details));
        text.setWrapText(true);
        text.setId("notice-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        FontIcon icon = new FontIcon(switch (level) {
            case ERROR -> "mdi2a-alert-circle-outline";
            case WARNING -> "mdi2a-alert-outline";
            case INFO -> "mdi2i-information-outline";
        });
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.getStyleClass().addAll("flat", "notice-close");
        HBox row = new HBox(8, icon, text, close);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 10, 6, 10));
        row.getStyleClass().addAll("notice", "notice-" + level.name().toLowerCase());
        close.setOnAction(e -> getChildren().remove(row));
        getChildren().add(row);
        while (getChildren().size() > 5) getChildren().remove(0);
    }

    void show(Level level, String message) { show(level, message, java.util.List.of()); }

    /** The texts currently shown, for tests and the status line. */
    java.util.List<String> texts() {
        return getChildren().stream()
                .map(n -> ((Label) ((HBox) n).getChildren().get(1)).getText()).toList();
    }
}
