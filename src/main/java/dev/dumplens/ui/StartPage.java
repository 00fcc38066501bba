package dev.dumplens.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Shown when nothing is open: Open…, the bundled samples, recent files and a large drop zone. */
final class StartPage extends ScrollPane {

    StartPage(List<Path> recent, List<Path> samples, Runnable openDialog, Runnable openSamplesDialog,
              Consumer<List<Path>> open) {
        Label title = new Label("DumpLens");
        title.getStyleClass().add("title-1");
        Label tagline = new Label("Which threads are stuck, which group keeps growing, who holds the lock, "
                + "and how much heap they pin.");
        tagline.getStyleClass().add("text-muted");
        tagline.setWrapText(true);

        Button openButton = new Button("Open…", new FontIcon("mdi2f-folder-open-outline"));
        openButton.setId("start-open");
        openButton.getStyleClass().add("accent");
        openButton.setOnAction(e -> openDialog.run());
        Button samplesButton = new Button("Open samples", new FontIcon("mdi2t-text-box-multiple-outline"));
        samplesButton.setId("start-samples");
        samplesButton.setDisable(samples.isEmpty());
        samplesButton.setOnAction(e -> openSamplesDialog.run());

        Label drop = new Label("Drop thread dumps or .hprof files here\n"
                + "one dump → dump view · several dumps → comparison · .hprof → heap view");
        drop.setId("drop-zone");
        drop.getStyleClass().add("drop-zone");
        drop.setGraphic(new FontIcon("mdi2f-file-download-outline"));
        drop.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        drop.setAlignment(Pos.CENTER);
        drop.setMaxWidth(Double.MAX_VALUE);
        drop.setMinHeight(150);

        VBox lists = new VBox(16, fileList("Recent files", "recent-files", recent, open, "No recent files yet."),
                fileList("Samples", "sample-files", samples, open, "No sample-dumps/ folder found."));
        VBox content = new VBox(18, title, tagline, new HBox(10, openButton, samplesButton), drop, lists);
        content.setPadding(new Insets(32, 40, 32, 40));
        content.setMaxWidth(900);
        StackPane centered = new StackPane(content);
        StackPane.setAlignment(content, Pos.TOP_CENTER);
        setContent(centered);
        setFitToWidth(true);
        setId("start-page");
    }

    private static VBox fileList(String heading, String id, List<Path> files, Consumer<List<Path>> open, String empty) {
        Label h = new Label(heading);
        h.getStyleClass().add("title-4");
        VBox box = new VBox(2, h);
        box.setId(id);
        if (files.isEmpty()) {
            Label none = new Label(empty);
            none.getStyleClass().add("text-muted");
            box.getChildren().add(none);
        }
        for (Path p : files) {
            Hyperlink link = new Hyperlink(p.getFileName().toString());
            Label dir = new Label(p.toAbsolutePath().getParent() == null ? "" : p.toAbsolutePath().getParent().toString());
            dir.getStyleClass().addAll("text-muted", "text-small");
            link.setOnAction(e -> open.accept(List.of(p)));
            HBox row = new HBox(8, link, dir);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(dir, Priority.ALWAYS);
            box.getChildren().add(row);
        }
        return box;
    }
}
