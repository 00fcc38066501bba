package dev.dumplens.analysis;

import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadDump;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Analyzes the dumps of a file on several threads, the calling one included: each worker takes the next dump not
 * yet taken, with its own {@link StackSignatures} (which is not thread-safe), and applies a function to the
 * analysis. A failure of any worker is thrown to the caller once every worker has stopped.
 */
final class ParallelAnalysis implements Runnable {
    private final List<ThreadDump> dumps;
    private final List<List<ParseWarning>> warnings;
    private final Similarity similarity;
    private final Function<DumpAnalysis, ?> then;
    private final Object[] out;
    private final AtomicInteger next = new AtomicInteger();
    private volatile Throwable failure;

    /**
     * Will put {@code then} of the analysis of {@code dumps[i]}, with the extra {@code warnings[i]}, into
     * {@code out[i]}.
     */
    ParallelAnalysis(List<ThreadDump> dumps, List<List<ParseWarning>> warnings, Similarity similarity,
                     Function<DumpAnalysis, ?> then, Object[] out) {
        this.dumps = dumps;
        this.warnings = warnings;
        this.similarity = similarity;
        this.then = then;
        this.out = out;
    }

    /** Analyzes every dump on {@code workers} threads (this one and {@code workers - 1} started for it). */
    void run(int workers) {
        Thread[] helpers = new Thread[Math.max(0, workers - 1)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(this, "dumplens-analysis");
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        run();
        boolean interrupted = false;
        for (Thread t : helpers) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable f = failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
    }

    /** One worker: analyzes dumps until none is left (or another worker failed). */
    @Override public void run() {
        StackSignatures signatures = new StackSignatures(similarity);
        try {
            for (int k = next.getAndIncrement(); k < dumps.size() && failure == null; k = next.getAndIncrement()) {
                out[k] = then.apply(DumpAnalysis.of(dumps.get(k), signatures, warnings.get(k)));
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }
}
