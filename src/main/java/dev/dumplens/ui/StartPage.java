package dev.dumplens.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
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
    private static final int SAMPLE_COLUMNS = 3;

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

        VBox lists = new VBox(16, fileList("Recent files", "recent-files", recent, open, "No recent files yet.", true),
                fileList("Samples", "sample-files", samples, open, "No sample-dumps/ folder found.", false));
        VBox content = new VBox(18, title, tagline, new HBox(10, openButton, samplesButton), drop, lists);
        content.setPadding(new Insets(32, 40, 32, 40));
        content.setMaxWidth(900);
        StackPane centered = new StackPane(content);
        StackPane.setAlignment(content, Pos.TOP_CENTER);
        setContent(centered);
        setFitToWidth(true);
        setId("start-page");
    }

    /**
     * A heading and one link per file; with {@code showFolders} each file's folder is shown beside it, otherwise
     * once after the heading and the links flow in columns.
     */
    private static VBox fileList(String heading, String id, List<Path> files, Consumer<List<Path>> open, String empty,
                                 boolean showFolders) {
        Label h = new Label(heading);
        h.getStyleClass().add("title-4");
        VBox box = new VBox(2, h);
        box.setId(id);
        if (files.isEmpty()) {
            Label none = new Label(empty);
            none.getStyleClass().add("text-muted");
            box.getChildren().add(none);
            return box;
        }
        if (!showFolders) {
            Label dir = new Label(folder(files.get(0)));
            dir.getStyleClass().addAll("text-muted", "text-small");
            GridPane links = new GridPane();
            links.setHgap(18);
            int rows = (files.size() + SAMPLE_COLUMNS - 1) / SAMPLE_COLUMNS;
            for (int i = 0; i < files.size(); i++) links.add(link(files.get(i), open), i / rows, i % rows);
            box.getChildren().addAll(dir, links);
            List<List<Path>> series = SampleDumps.series(files);
            if (!series.isEmpty()) {
                HBox compare = new HBox(12, new Label("Compare a series:"));
                compare.setAlignment(Pos.CENTER_LEFT);
                compare.setId("sample-series");
                for (List<Path> s : series) {
                    String first = s.get(0).getFileName().toString();
                    String last = s.get(s.size() - 1).getFileName().toString();
                    Hyperlink link = new Hyperlink(first + " … " + last.substring(commonPrefix(first, last)));
                    link.setOnAction(e -> open.accept(s));
                    compare.getChildren().add(link);
                }
                VBox.setMargin(compare, new Insets(8, 0, 0, 0));
                box.getChildren().add(compare);
            }
            return box;
        }
        for (Path p : files) {
            Label dir = new Label(folder(p));
            dir.getStyleClass().addAll("text-muted", "text-small");
            HBox row = new HBox(8, link(p, open), dir);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(dir, Priority.ALWAYS);
            box.getChildren().add(row);
        }
        return box;
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) i++;
        return i;
    }

    private static Hyperlink link(Path p, Consumer<List<Path>> open) {
        Hyperlink link = new Hyperlink(p.getFileName().toString());
        link.setOnAction(e -> open.accept(List.of(p)));
        return link;
    }

    private static String folder(Path p) {
        Path parent = p.toAbsolutePath().normalize().getParent();
        return parent == null ? "" : parent.toString();
    }
}
