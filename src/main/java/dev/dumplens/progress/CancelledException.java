package dev.dumplens.progress;

/** Thrown out of long work when its {@link ProgressMonitor} was cancelled. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
