package dev.dumplens.ui;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.mockito.Mockito;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Shared helpers for headless UI tests: isolated preferences, a synthetic file drop, waiting for work. */
final class UiTestSupport {
    private UiTestSupport() { }

    /** Fresh preferences kept in memory, so tests neither read nor change the user's recent files. */
    static Prefs freshPrefs() {
        return new Prefs(new MemoryPreferences(null, ""));
    }

    /** A preferences tree that lives in memory only. */
    private static final class MemoryPreferences extends java.util.prefs.AbstractPreferences {
        private final java.util.Map<String, String> values = new java.util.HashMap<>();
        private final java.util.Map<String, MemoryPreferences> children = new java.util.HashMap<>();

        MemoryPreferences(MemoryPreferences parent, String name) { super(parent, name); }

        @Override protected void putSpi(String key, String value) { values.put(key, value); }
        @Override protected String getSpi(String key) { return values.get(key); }
        @Override protected void removeSpi(String key) { values.remove(key); }
        @Override protected void removeNodeSpi() { children.clear(); }
        @Override protected String[] keysSpi() { return values.keySet().toArray(String[]::new); }
        @Override protected String[] childrenNamesSpi() { return children.keySet().toArray(String[]::new); }
        @Override protected java.util.prefs.AbstractPreferences childSpi(String name) {
            return children.computeIfAbsent(name, n -> new MemoryPreferences(this, n));
        }
        @Override protected void syncSpi() { }
        @Override protected void flushSpi() { }
    }

    static MainWindow openWindow(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        MainWindow w = new MainWindow(stage, freshPrefs());
        stage.show();
        return w;
    }

    /** Fires DRAG_OVER and DRAG_DROPPED carrying {@code files} at {@code target}, as a real drop would. */
    static void dropFiles(Node target, List<Path> files) {
        Dragboard board = Mockito.mock(Dragboard.class);
        Mockito.when(board.hasFiles()).thenReturn(true);
        Mockito.when(board.getFiles()).thenReturn(files.stream().map(Path::toFile).toList());
        javafx.application.Platform.runLater(() -> {
            Event.fireEvent(target, drag(DragEvent.DRAG_OVER, board, target));
            Event.fireEvent(target, drag(DragEvent.DRAG_DROPPED, board, target));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static DragEvent drag(javafx.event.EventType<DragEvent> type, Dragboard board, Node target) {
        return new DragEvent(target, target, type, board, 10, 10, 10, 10, TransferMode.COPY, null, null, null);
    }

    /** A file of the bundled {@code sample-dumps/}. */
    static Path sample(String name) {
        return Path.of("sample-dumps", name);
    }

    /** Opens {@code files} as the app does and waits until the work is done and the new tab is selected. */
    static WorkspaceView openAndWait(MainWindow window, List<Path> files) throws Exception {
        int before = WaitForAsyncUtils.asyncFx(() -> window.tabs().getTabs().size()).get();
        javafx.application.Platform.runLater(() -> window.open(files));
        waitUntil(60, () -> window.tabs().getTabs().size() > before && !window.work().busy());
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() ->
                (WorkspaceView) window.tabs().getSelectionModel().getSelectedItem().getUserData()).get();
    }

    /** Runs {@code action} on the FX thread and waits for it and the events it causes. */
    static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until {@code condition} holds (checked on the FX thread), at most {@code seconds}. */
    static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            java.util.concurrent.atomic.AtomicBoolean ok = new java.util.concurrent.atomic.AtomicBoolean();
            WaitForAsyncUtils.asyncFx(() -> ok.set(condition.getAsBoolean())).get();
            return ok.get();
        });
    }
}
