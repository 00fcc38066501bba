package dev.dumplens.progress;

/**
 * Progress reporting and cancellation for long work (parsing, heap analysis). The UI and the CLI both implement
 * it; the core only calls it. Implementations must be thread-safe: work calls them from a worker thread.
 */
public interface ProgressMonitor {

    /** Starts a named phase; {@code totalWork} is in the phase's own units, or -1 when unknown. */
    void phase(String name, long totalWork);

    /** Reports absolute progress within the current phase. */
    void worked(long done);

    /** Whether the user asked to stop. */
    boolean isCancelled();

    /** Throws {@link CancelledException} when cancelled; call it at safe points of long loops. */
    default void checkCancelled() {
        if (isCancelled()) throw new CancelledException();
    }

    /** A monitor that reports nothing and is never cancelled. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override public void phase(String name, long totalWork) { }
        @Override public void worked(long done) { }
        @Override public boolean isCancelled() { return false; }
    };
}
