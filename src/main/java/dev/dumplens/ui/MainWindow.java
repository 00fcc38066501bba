package dev.dumplens.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The main window: menus, notices, the tabbed workspace (start page when empty), drag-and-drop and status bar. */
final class MainWindow {
    static final List<String> SIMILARITIES = List.of("exact", "normalized", "method", "top:3", "top:5", "top:10");

    private final Stage stage;
    private final Prefs prefs;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final NoticeBar notices = new NoticeBar();
    private final BackgroundWork work = new BackgroundWork();
    private final Tab startTab = new Tab("Start");
    private String similarity;

    MainWindow(Stage stage, Prefs prefs) {
        this.stage = stage;
        this.prefs = prefs;
        this.similarity = SIMILARITIES.contains(prefs.similarity()) ? prefs.similarity() : "normalized";
        tabs.setId("workspace");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        startTab.setClosable(false);
        refreshStartPage();
        tabs.getTabs().add(startTab);
        root.setTop(new VBox(menuBar(), notices));
        root.setCenter(tabs);
        root.setBottom(work);

        Scene scene = new Scene(root);
        scene.getStylesheets().add(MainWindow.class.getResource("dumplens.css").toExternalForm());
        scene.setOnDragOver(this::dragOver);
        scene.setOnDragDropped(this::dragDropped);
        double[] g = prefs.geometry();
        stage.setWidth(g[2]);
        stage.setHeight(g[3]);
        if (!Double.isNaN(g[0]) && !Double.isNaN(g[1])) { stage.setX(g[0]); stage.setY(g[1]); }
        stage.setTitle("DumpLens");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> prefs.geometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
    }

    Stage stage() { return stage; }

    NoticeBar notices() { return notices; }

    TabPane tabs() { return tabs; }

    BackgroundWork work() { return work; }

    String similarity() { return similarity; }

    private MenuBar menuBar() {
        MenuItem open = item("Open…", "Shortcut+O", this::openDialog);
        Menu recent = new Menu("Open Recent");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (Path p : prefs.recentFiles()) recent.getItems().add(item(p.toString(), null, () -> open(List.of(p))));
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none)");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        recent.getItems().add(new MenuItem("(none)"));
        MenuItem compare = item("Compare…", "Shortcut+Shift+O", this::compareDialog);
        MenuItem export = item("Export Report…", "Shortcut+E", this::exportDialog);
        MenuItem close = item("Close", "Shortcut+W", this::closeCurrent);
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            prefs.geometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            Platform.exit();
        });
        Menu file = new Menu("File", null, open, recent, compare, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), close,
                new SeparatorMenuItem(), quit);

        Menu similarityMenu = new Menu("Stack similarity");
        ToggleGroup group = new ToggleGroup();
        for (String s : SIMILARITIES) {
            RadioMenuItem r = new RadioMenuItem(label(s));
            r.setToggleGroup(group);
            r.setSelected(s.equals(similarity));
            r.setOnAction(e -> setSimilarity(s));
            similarityMenu.getItems().add(r);
        }
        MenuItem find = item("Find", "Shortcut+F", () -> currentView().ifPresent(WorkspaceView::focusSearch));
        Menu view = new Menu("View", null, similarityMenu, find);

        Menu help = new Menu("Help", null,
                item("Keyboard Shortcuts", "F1", this::showShortcuts),
                item("About DumpLens", null, this::showAbout));
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static String label(String similarity) {
        return switch (similarity) {
            case "exact" -> "Exact (every frame and line)";
            case "normalized" -> "Normalized (ignore lambda/proxy noise)";
            case "method" -> "Method (ignore line numbers)";
            default -> "Top " + similarity.substring(4) + " frames";
        };
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }

    private void setSimilarity(String s) {
        similarity = s;
        prefs.similarity(s);
        for (Tab t : tabs.getTabs()) if (t.getUserData() instanceof WorkspaceView v) v.similarityChanged(s);
    }

    java.util.Optional<WorkspaceView> currentView() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t != null && t.getUserData() instanceof WorkspaceView v ? java.util.Optional.of(v) : java.util.Optional.empty();
    }

    private void closeCurrent() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t == null || t == startTab) return;
        tabs.getTabs().remove(t);
        if (t.getUserData() instanceof WorkspaceView v) v.close();
    }

    private void openDialog() { chooseAndOpen("Open dumps", null); }

    private void openSamplesDialog() { chooseAndOpen("Open samples", SampleDumps.folder().orElse(null)); }

    private void compareDialog() { chooseAndOpen("Choose successive dumps of one process", null); }

    private void chooseAndOpen(String title, Path initialDir) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialDir != null) chooser.setInitialDirectory(initialDir.toFile());
        else prefs.recentFiles().stream().map(Path::getParent).filter(p -> p != null && p.toFile().isDirectory())
                .findFirst().ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) open(files.stream().map(File::toPath).toList());
    }

    private void exportDialog() {
        WorkspaceView.Report report = currentView().map(WorkspaceView::report).orElse(null);
        if (report == null) {
            notices.show(NoticeBar.Level.INFO, "The current tab has no report: reports cover a thread dump, a comparison or a heap dump.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export report");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("HTML report (*.html)", "*.html"),
                new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md"));
        chooser.setInitialFileName(report.baseName() + ".html");
        File file = chooser.showSaveDialog(stage);
        if (file == null) return;
        Path path = file.toPath();
        boolean markdown = chooser.getSelectedExtensionFilter() != null
                && chooser.getSelectedExtensionFilter().getExtensions().contains("*.md");
        if (!path.getFileName().toString().contains(".")) path = Path.of(path + (markdown ? ".md" : ".html"));
        export(report, path);
    }

    /** Writes {@code report} to {@code path} off the FX thread: Markdown for {@code .md}, else HTML. */
    void export(WorkspaceView.Report report, Path path) {
        boolean markdown = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(md|markdown)$");
        work.run("Writing " + path.getFileName(), monitor -> {
            try {
                java.nio.file.Files.writeString(path, markdown ? report.markdown().get() : report.html().get());
                return path;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, p -> work.status("Report written to " + p), t -> notices.show(NoticeBar.Level.ERROR,
                "Could not write the report " + path + ": " + reason(t)));
    }

    /** A failure for people: the I/O problem's kind and its message (the path), never a stack trace. */
    private static String reason(Throwable t) {
        Throwable cause = t instanceof java.io.UncheckedIOException u ? u.getCause() : t;
        String kind = cause.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return cause.getMessage() == null ? kind : kind + " (" + cause.getMessage() + ")";
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
        e.consume();
    }

    private void dragDropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
        e.setDropCompleted(ok);
        e.consume();
    }

    /** Opens files off the FX thread, then shows them: one dump, a comparison, or a heap view. */
    void open(List<Path> files) {
        if (files.isEmpty()) return;
        if (work.busy()) {
            notices.show(NoticeBar.Level.INFO, "Still busy with the previous files; drop again when it is done.");
            return;
        }
        String s = similarity;
        work.run("Opening " + files.size() + " file(s)",
                monitor -> Views.prepare(OpenedFiles.load(files, monitor), s, monitor),
                this::show, t -> notices.show(NoticeBar.Level.ERROR, "Could not open the files: " + t));
    }

    private void show(Views.Prepared prepared) {
        OpenedFiles opened = prepared.opened();
        if (!prepared.errors().isEmpty()) {
            notices.show(NoticeBar.Level.ERROR, prepared.errors().size() == 1 ? "Could not open a file:"
                    : "Could not open " + prepared.errors().size() + " files:", prepared.errors());
        }
        if (!opened.warnings().isEmpty()) {
            List<String> shown = new ArrayList<>(opened.warnings().subList(0, Math.min(5, opened.warnings().size())));
            if (opened.warnings().size() > 5) shown.add("… and " + (opened.warnings().size() - 5) + " more");
            notices.show(NoticeBar.Level.WARNING, "Parts of the input could not be read:", shown);
        }
        for (Path p : opened.files()) if (prepared.errors().stream().noneMatch(e -> e.startsWith(p.toString()))) prefs.addRecent(p);
        refreshStartPage();
        List<WorkspaceView> views = Views.create(prepared, similarity, context());
        for (WorkspaceView v : views) addTab(v);
        work.status(opened.dumps().size() + " dump(s), " + opened.heapDumps().size() + " heap dump(s) opened");
    }

    /** What views may use of this window. */
    ViewContext context() {
        return new ViewContext(work, notices, this::addTab);
    }

    private void addTab(WorkspaceView view) {
        Tab tab = new Tab(view.title(), view.node());
        tab.setUserData(view);
        tab.setOnClosed(e -> view.close());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    private void refreshStartPage() {
        startTab.setContent(new StartPage(prefs.recentFiles(), SampleDumps.files(), this::openDialog,
                this::openSamplesDialog, this::open));
    }

    private void showShortcuts() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText("""
                Ctrl+O          Open…
                Ctrl+Shift+O    Compare successive dumps…
                Ctrl+E          Export the current tab as an HTML or Markdown report
                Ctrl+W          Close the current tab
                Ctrl+F          Search / filter in the current view
                Ctrl+Q          Quit
                F1              This list
                Drop files on the window to open them.""");
        a.show();
    }

    private void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("About DumpLens");
        a.setHeaderText("DumpLens 0.1.0");
        a.setContentText("Offline analyzer for JVM thread dumps and heap dumps.\nJava " + System.getProperty("java.version")
                + ", JavaFX " + System.getProperty("javafx.runtime.version"));
        a.show();
    }
}
