package dev.dumplens.ui;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The desktop window (placeholder until the desktop-app issue replaces it). */
public final class DesktopApp extends Application {

    public static void start(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override public void start(Stage stage) {
        VBox root = new VBox(8, new Label("DumpLens"), new Label("Files: " + String.join(", ", getParameters().getRaw())));
        root.setPadding(new Insets(16));
        stage.setTitle("DumpLens");
        stage.setScene(new Scene(root, 800, 500));
        stage.show();
    }
}
