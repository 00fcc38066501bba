package dev.dumplens.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Screenshot mode for the README (run by {@code docs/screenshots.sh} under Xvfb): opens the sample dumps in the
 * real window and writes one PNG per view to the folder given as the first argument.
 */
public final class ScreenshotTour {
    private static final Path SAMPLES = Path.of("sample-dumps");
    private static Path out;
    private MainWindow window;

    public static void main(String[] args) throws IOException {
        out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Application.launch(App.class, args);
    }

    /** The JavaFX application (the main class itself must not be one, or the launcher asks for modules). */
    public static final class App extends Application {
        @Override public void start(Stage stage) { new ScreenshotTour().begin(stage); }
    }

    private void begin(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        window = new MainWindow(stage, UiTestSupport.freshPrefs());
        stage.setWidth(1440);
        stage.setHeight(900);
        stage.show();
        Thread tour = new Thread(() -> {
            try {
                tour();
            } catch (Throwable t) {
                t.printStackTrace();
                System.exit(1);
            }
            Platform.exit();
        }, "screenshot-tour");
        tour.setDaemon(true);
        tour.start();
    }

    private void tour() throws Exception {
        settle();
        shoot("start");
        open(List.of(SAMPLES.resolve("contention-jdk17-jstack-l.txt")));
        shoot("dump-groups");
        DumpView contention = currentDumpView();
        run(() -> {
            contention.tabs().getSelectionModel().select(1);
            var root = contention.locks().tree().getRoot();
            root.getChildren().get(0).setExpanded(true);
            root.getChildren().get(0).getChildren().forEach(c -> c.setExpanded(true));
            contention.locks().tree().getSelectionModel().select(3);
        });
        shoot("dump-locks");
        run(() -> {
            contention.tabs().getSelectionModel().select(2);
            contention.threads().table().getSortOrder().setAll(contention.threads().table().getColumns().get(2));
            contention.threads().table().getColumns().get(2).setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            contention.threads().table().getSelectionModel().select(0);
        });
        shoot("dump-threads");
        open(List.of(SAMPLES.resolve("deadlocks-jdk17-jstack-l.txt")));
        run(() -> ((javafx.scene.control.Button) currentDumpView().node().lookup("#show-deadlock-0")).fire());
        shoot("dump-deadlock-cycle");
        open(List.of(SAMPLES.resolve("leak-jdk17-jstack-1.txt"), SAMPLES.resolve("leak-jdk17-jstack-2.txt"),
                SAMPLES.resolve("leak-jdk17-jstack-3.txt"), SAMPLES.resolve("leak-jdk17-jstack-4.txt")));
        shoot("comparison");
        Path hprof = dev.dumplens.heap.ScenarioDumpsAccess.current();
        open(List.of(hprof, Path.of(hprof + ".jstack.txt")));
        run(() -> {
            HeapView heap = (HeapView) window.tabs().getSelectionModel().getSelectedItem().getUserData();
            var first = heap.threads().getRoot().getChildren().get(0);
            first.setExpanded(true);
            first.getChildren().forEach(f -> f.setExpanded(true));
            for (var frame : first.getChildren()) {
                if (frame.getValue().text().contains("holdOuter")) {
                    heap.threads().getSelectionModel().select(frame.getChildren().get(0));
                }
            }
        });
        waitFor(() -> !window.work().busy());
        shoot("heap-threads");
        run(() -> ((HeapView) window.tabs().getSelectionModel().getSelectedItem().getUserData()).tabs()
                .getSelectionModel().select(1));
        shoot("heap-groups");
    }

    private void open(List<Path> files) throws Exception {
        int before = fx(() -> window.tabs().getTabs().size());
        fx(() -> { window.open(files); return null; });
        waitFor(() -> window.tabs().getTabs().size() > before && !window.work().busy());
        settle();
    }

    private DumpView currentDumpView() {
        Tab t = window.tabs().getSelectionModel().getSelectedItem();
        return (DumpView) t.getUserData();
    }

    private void shoot(String name) throws Exception {
        settle();
        WritableImage image = fx(() -> {
            Scene scene = window.stage().getScene();
            return scene.snapshot(null);
        });
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) buffered.setRGB(x, y, pixels.getArgb(x, y));
        Path file = out.resolve(name + ".png");
        ImageIO.write(buffered, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void settle() throws Exception {
        Thread.sleep(600);
        fx(() -> null);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) throw new IllegalStateException("timed out");
            Thread.sleep(100);
        }
    }

    private static void run(Runnable r) throws Exception {
        fx(() -> { r.run(); return null; });
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
