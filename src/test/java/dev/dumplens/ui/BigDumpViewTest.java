package dev.dumplens.ui;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.dumplens.ui.UiTestSupport.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 20,000-thread dump (a real capture whose threads are replicated, each copy with its own names and locks) must
 * not block the FX thread: the analysis runs before the view is built, tables realize only the visible rows, the
 * locks tree builds children only when expanded. The FX-thread times are printed, not asserted (a shared test
 * machine makes wall-clock limits flaky); the structural checks are what keeps the cost independent of the count.
 */
@ExtendWith(ApplicationExtension.class)
class BigDumpViewTest {
    private static final int THREADS = 20_000;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.openWindow(stage);
    }

    @Test
    void twentyThousandThreadsOpenScrollAndFilterWithoutBlockingTheFxThread() throws Exception {
        ThreadDump dump = replicate(Formats.parse(UiTestSupport.sample("contention-jdk17-jstack-l.txt"),
                "big.txt", ProgressMonitor.NONE).dumps().get(0), THREADS);
        long started = System.nanoTime();
        DumpAnalysis analysis = DumpAnalysis.of(dump, Similarity.DEFAULT); // off the FX thread, as the app does
        System.out.printf("analysis of %d threads: %d ms%n", THREADS, (System.nanoTime() - started) / 1_000_000);

        AtomicLong buildNanos = new AtomicLong();
        DumpView[] view = new DumpView[1];
        fx(() -> {
            long t0 = System.nanoTime();
            view[0] = new DumpView(analysis, false, window.context());
            Tab tab = new Tab(view[0].title(), view[0].node());
            window.tabs().getTabs().add(tab);
            window.tabs().getSelectionModel().select(tab);
            view[0].node().applyCss();
            ((javafx.scene.Parent) view[0].node()).layout();
            buildNanos.set(System.nanoTime() - t0);
        });
        System.out.printf("view of %d threads built in %d ms%n", THREADS, buildNanos.get() / 1_000_000);
        long readers = dump.threads().stream().filter(t -> t.name().startsWith("ledger-reader-")).count();
        fx(() -> {
            assertThat(view[0].groups().table().getItems().get(0).size()).isEqualTo(readers);
            assertThat(view[0].groups().members().getItems()).hasSize((int) readers);
        });

        fx(() -> view[0].tabs().getSelectionModel().select(2));
        AtomicLong scrollNanos = new AtomicLong();
        fx(() -> {
            long t0 = System.nanoTime();
            view[0].threads().table().scrollTo(THREADS - 1);
            ((javafx.scene.Parent) view[0].node()).layout();
            scrollNanos.set(System.nanoTime() - t0);
        });
        fx(() -> {
            assertThat(view[0].threads().table().getItems()).hasSize(THREADS);
            int rows = view[0].threads().table().lookupAll(".table-row-cell").size();
            assertThat(rows).as("table rows realized for %d threads", THREADS).isBetween(5, 120);
        });
        System.out.printf("scrolled to the end in %d ms%n", scrollNanos.get() / 1_000_000);

        fx(() -> view[0].tabs().getSelectionModel().select(1));
        fx(() -> {
            ((javafx.scene.Parent) view[0].node()).layout();
            long expanded = view[0].locks().tree().getRoot().getChildren().stream()
                    .filter(item -> item.isExpanded()).count();
            assertThat(expanded).isZero();
            assertThat(view[0].locks().tree().getRoot().getChildren()).hasSize(analysis.locks().locks().size());
            int cells = view[0].locks().tree().lookupAll(".tree-cell").size();
            assertThat(cells).as("tree cells realized for %d locks", analysis.locks().locks().size()).isBetween(5, 120);
            view[0].tabs().getSelectionModel().select(2);
        });

        fx(() -> view[0].threads().filter().setText("vault-waiter-3"));
        UiTestSupport.waitUntil(10, () -> view[0].threads().table().getItems().size() < THREADS);
        long vault3 = dump.threads().stream().filter(t -> t.name().startsWith("vault-waiter-3")).count();
        fx(() -> assertThat(view[0].threads().table().getItems()).hasSize((int) vault3)
                .allMatch(t -> t.name().startsWith("vault-waiter-3")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@code n} threads: copies of {@code dump}'s threads, each copy renamed and with its own lock ids. */
    static ThreadDump replicate(ThreadDump dump, int n) {
        List<DumpThread> out = new ArrayList<>(n);
        List<DumpThread> source = dump.threads();
        for (int i = 0; out.size() < n; i++) {
            DumpThread t = source.get(i % source.size());
            int copy = i / source.size();
            if (copy == 0) {
                out.add(t);
                continue;
            }
            DumpThread.Builder b = t.toBuilder();
            b.name = t.name() + " copy" + copy;
            b.locks.clear();
            for (LockAction a : t.locks()) b.locks.add(new LockAction(a.frameIndex(), a.kind(), copyOf(a.lock(), copy)));
            b.ownedSynchronizers.clear();
            for (LockRef r : t.ownedSynchronizers()) b.ownedSynchronizers.add(copyOf(r, copy));
            out.add(b.build());
        }
        return new ThreadDump(dump.source(), 0, 1, dump.format(), dump.timestamp(), dump.vmBanner(), dump.processId(),
                out, List.of(), List.of());
    }

    private static LockRef copyOf(LockRef r, int copy) {
        return r == null ? null : new LockRef(r.id() + "-" + copy, r.className());
    }
}
