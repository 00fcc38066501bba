package dev.dumplens.ui;

import dev.dumplens.progress.ProgressMonitor;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The status bar and the one place long work is started: work runs on a daemon worker thread, reports phase
 * and progress through a {@link ProgressMonitor}, and can be cancelled from the bar's Cancel button.
 */
final class BackgroundWork extends HBox {
    private final Label message = new Label("Ready");
    private final ProgressBar bar = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dumplens-worker");
        t.setDaemon(true);
        return t;
    });
    private Task<?> current;

    BackgroundWork() {
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        bar.setPrefWidth(220);
        bar.setVisible(false);
        cancel.setVisible(false);
        cancel.setId("cancel-work");
        cancel.setOnAction(e -> { if (current != null) current.cancel(); });
        message.setId("status-message");
        getChildren().addAll(message, grow, bar, cancel);
    }

    /** Whether work is queued or running (its state, as seen on the FX thread, is not final yet). */
    boolean busy() {
        if (current == null) return false;
        return switch (current.getState()) {
            case READY, SCHEDULED, RUNNING -> true;
            case SUCCEEDED, FAILED, CANCELLED -> false;
        };
    }

    /**
     * Runs {@code work} off the FX thread. {@code onDone} runs on the FX thread with the result;
     * {@code onError} with the failure (cancellation is reported in the status line only).
     */
    <T> void run(String title, Function<ProgressMonitor, T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            private volatile String phase = title;

            @Override protected T call() {
                ProgressMonitor monitor = new ProgressMonitor() {
                    private long total = -1;

                    @Override public void phase(String name, long totalWork) {
                        phase = name;
                        total = totalWork;
                        updateMessage(name);
                        updateProgress(totalWork > 0 ? 0 : -1, Math.max(1, totalWork));
                    }

                    @Override public void worked(long done) {
                        if (total > 0) updateProgress(Math.min(done, total), total);
                    }

                    @Override public boolean isCancelled() { return isCancelled0(); }
                };
                updateMessage(title);
                return work.apply(monitor);
            }

            private boolean isCancelled0() { return isCancelled(); }
        };
        message.textProperty().bind(task.messageProperty());
        bar.progressProperty().bind(task.progressProperty());
        bar.setVisible(true);
        cancel.setVisible(true);
        current = task;
        task.setOnSucceeded(e -> { finish(task, "Ready"); onDone.accept(task.getValue()); });
        task.setOnCancelled(e -> finish(task, "Cancelled: " + title));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            if (t instanceof dev.dumplens.progress.CancelledException) { finish(task, "Cancelled: " + title); return; }
            finish(task, "Failed: " + title);
            onError.accept(t);
        });
        worker.submit(task);
    }

    /** Resets the bar when {@code task} is the latest work; work queued after it keeps the bar. */
    private void finish(Task<?> task, String text) {
        if (task != current) return;
        message.textProperty().unbind();
        bar.progressProperty().unbind();
        message.setText(text);
        bar.setVisible(false);
        cancel.setVisible(false);
    }

    void status(String text) {
        if (!busy()) {
            if (Platform.isFxApplicationThread()) message.setText(text);
            else Platform.runLater(() -> message.setText(text));
        }
    }
}
