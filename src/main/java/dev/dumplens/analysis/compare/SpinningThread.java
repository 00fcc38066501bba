package dev.dumplens.analysis.compare;

import java.util.List;

/**
 * A thread RUNNABLE in every dump whose {@code cpu=} grows with the time between dumps.
 *
 * @param track       the thread
 * @param cpuMillis   its {@code cpu=} in each dump
 * @param cpuSeconds  CPU time used between the first and last dump
 * @param wallSeconds time between the first and last dump
 */
public record SpinningThread(ThreadTrack track, List<Double> cpuMillis, double cpuSeconds, double wallSeconds) {

    public SpinningThread {
        cpuMillis = List.copyOf(cpuMillis);
    }

    /** CPU time per wall time: 1.0 is one core fully busy. */
    public double coreShare() { return wallSeconds <= 0 ? 0 : cpuSeconds / wallSeconds; }
}
