package dev.dumplens.analysis.compare;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadState;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds spinning threads: RUNNABLE with Java frames in every dump (JIT compiler threads are RUNNABLE without
 * frames), with {@code cpu=} growing in every interval between dumps by a good share of the time passed. The time
 * passed is the thread's own {@code elapsed=} difference (10 ms resolution) or else the {@link Timeline}'s. A
 * thread in a socket read is RUNNABLE too, but its {@code cpu=} stays flat.
 *
 * <p>The share asked for is {@value #MIN_CORE_SHARE} of a core, or, on a machine so loaded that even the busiest
 * such thread got less than twice that, half the busiest thread's share (but at least {@value #MIN_FLOOR_SHARE}):
 * the dumps' machine may be shared, and a thread spinning on a loaded 2-core machine gets a fraction of a core.
 */
final class SpinDetector {
    static final double MIN_CORE_SHARE = 0.1;
    static final double MIN_FLOOR_SHARE = 0.02;

    private SpinDetector() { }

    static List<SpinningThread> find(List<ThreadTrack> tracks, Timeline timeline) {
        List<Candidate> candidates = new ArrayList<>();
        for (ThreadTrack t : tracks) {
            Candidate c = candidate(t, timeline);
            if (c != null) candidates.add(c);
        }
        if (candidates.isEmpty()) return List.of();
        int intervals = candidates.get(0).shares.length;
        double[] bar = new double[intervals];
        for (int i = 0; i < intervals; i++) {
            double busiest = 0;
            for (Candidate c : candidates) busiest = Math.max(busiest, c.shares[i]);
            bar[i] = Math.min(MIN_CORE_SHARE, Math.max(MIN_FLOOR_SHARE, busiest / 2));
        }
        List<SpinningThread> out = new ArrayList<>();
        for (Candidate c : candidates) if (c.above(bar)) out.add(c.spinning);
        out.sort((a, b) -> Double.compare(b.coreShare(), a.coreShare()));
        return out;
    }

    /** A thread RUNNABLE with frames and cpu= in every dump, with its CPU share of each interval. */
    private record Candidate(SpinningThread spinning, double[] shares) {
        boolean above(double[] bar) {
            for (int i = 0; i < shares.length; i++) if (shares[i] < bar[i]) return false;
            return true;
        }
    }

    private static Candidate candidate(ThreadTrack track, Timeline timeline) {
        int n = track.perDump().size();
        if (n < 2 || !track.inEveryDump()) return null;
        List<Double> cpu = new ArrayList<>(n);
        for (DumpThread t : track.perDump()) {
            if (t.state() != ThreadState.RUNNABLE || t.cpuMillis() == null || t.frames().isEmpty()) return null;
            cpu.add(t.cpuMillis());
        }
        double[] shares = new double[n - 1];
        double wallTotal = 0;
        for (int i = 1; i < n; i++) {
            Double wall = wallSeconds(track.in(i - 1), track.in(i), timeline, i);
            if (wall == null || wall <= 0) return null;
            shares[i - 1] = (cpu.get(i) - cpu.get(i - 1)) / 1000.0 / wall;
            wallTotal += wall;
        }
        SpinningThread s = new SpinningThread(track, cpu, (cpu.get(n - 1) - cpu.get(0)) / 1000.0, wallTotal);
        return new Candidate(s, shares);
    }

    private static Double wallSeconds(DumpThread before, DumpThread after, Timeline timeline, int index) {
        if (before.elapsedSeconds() != null && after.elapsedSeconds() != null) {
            return after.elapsedSeconds() - before.elapsedSeconds();
        }
        return timeline.secondsBetween(index - 1, index);
    }
}
