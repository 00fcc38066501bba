package dev.dumplens.heap;

import dev.dumplens.progress.CancelledException;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Phases are reported in order with their progress, and cancelling stops the analysis with CancelledException. */
class HeapProgressTest {

    @Test
    void phasesAndProgress() throws Exception {
        Path dump = ScenarioDumps.current();
        List<String> phases = new ArrayList<>();
        List<long[]> reading = new ArrayList<>();
        ProgressMonitor monitor = new ProgressMonitor() {
            private long total;

            @Override public synchronized void phase(String name, long totalWork) {
                phases.add(name);
                total = totalWork;
            }

            @Override public synchronized void worked(long done) {
                if (phases.get(phases.size() - 1).equals("Reading records")) reading.add(new long[] {done, total});
            }

            @Override public boolean isCancelled() { return false; }
        };
        try (HeapSnapshot s = HeapSnapshot.open(dump, "d", monitor)) {
            assertThat(s.objectCount()).isPositive();
        }
        assertThat(phases).containsSubsequence("Reading records", "Indexing object ids", "Reading references",
                "Ordering objects", "Computing dominators", "Retained sizes");
        assertThat(reading).isNotEmpty();
        assertThat(reading).allSatisfy(w -> assertThat(w[0]).isBetween(0L, w[1]));
    }

    @Test
    void cancellingStopsTheAnalysis() {
        Path dump = ScenarioDumps.current();
        AtomicBoolean cancelled = new AtomicBoolean();
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override public void phase(String name, long totalWork) {
                if (name.equals("Reading references")) cancelled.set(true);
            }

            @Override public void worked(long done) { }

            @Override public boolean isCancelled() { return cancelled.get(); }
        };
        assertThatThrownBy(() -> HeapSnapshot.open(dump, "d", monitor)).isInstanceOf(CancelledException.class);
    }

    /**
     * The desktop app cancels by interrupting the worker thread (JavaFX's {@code Task.cancel()}); an interrupt that
     * lands while the temporary file is read or written closes its channel, which must still end as a cancellation.
     */
    @Test
    void interruptingTheThreadInTheGraphStepsEndsAsCancellation() throws Exception {
        Path dump = ScenarioDumps.current();
        AtomicBoolean cancelled = new AtomicBoolean();
        Throwable[] thrown = new Throwable[1];
        Thread worker = new Thread(() -> {
            ProgressMonitor monitor = new ProgressMonitor() {
                @Override public void phase(String name, long totalWork) {
                    if (name.equals("Ordering objects")) {
                        cancelled.set(true);
                        Thread.currentThread().interrupt();
                    }
                }

                @Override public void worked(long done) { }

                @Override public boolean isCancelled() { return cancelled.get(); }
            };
            try (HeapSnapshot s = HeapSnapshot.open(dump, "d", monitor)) {
                thrown[0] = null;
            } catch (Throwable e) {
                thrown[0] = e;
            }
        });
        worker.start();
        worker.join();
        assertThat(thrown[0]).isInstanceOf(CancelledException.class);
    }
}
