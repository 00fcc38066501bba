package dev.dumplens.analysis.compare;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadState;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds spinning threads: RUNNABLE with Java frames in every dump (JIT compiler threads are RUNNABLE without
 * frames), with {@code cpu=} growing by at least {@value #MIN_CORE_SHARE}
 * of the time passed in every interval between dumps. The time passed is the thread's own {@code elapsed=}
 * difference (10 ms resolution) or else the {@link Timeline}'s. A thread in a socket read is RUNNABLE too, but
 * its {@code cpu=} stays flat. The bar is well below one full core because the dumps' machine may be shared:
 * a thread spinning on a loaded 2-core machine gets a fraction of a core.
 */
final class SpinDetector {
    static final double MIN_CORE_SHARE = 0.1;

    private SpinDetector() { }

    static List<SpinningThread> find(List<ThreadTrack> tracks, Timeline timeline) {
        List<SpinningThread> out = new ArrayList<>();
        for (ThreadTrack t : tracks) {
            SpinningThread s = spinning(t, timeline);
            if (s != null) out.add(s);
        }
        out.sort((a, b) -> Double.compare(b.coreShare(), a.coreShare()));
        return out;
    }

    private static SpinningThread spinning(ThreadTrack track, Timeline timeline) {
        int n = track.perDump().size();
        if (n < 2 || !track.inEveryDump()) return null;
        List<Double> cpu = new ArrayList<>(n);
        for (DumpThread t : track.perDump()) {
            if (t.state() != ThreadState.RUNNABLE || t.cpuMillis() == null || t.frames().isEmpty()) return null;
            cpu.add(t.cpuMillis());
        }
        double wallTotal = 0;
        for (int i = 1; i < n; i++) {
            Double wall = wallSeconds(track.in(i - 1), track.in(i), timeline, i);
            if (wall == null || wall <= 0) return null;
            double used = (cpu.get(i) - cpu.get(i - 1)) / 1000.0;
            if (used < MIN_CORE_SHARE * wall) return null;
            wallTotal += wall;
        }
        return new SpinningThread(track, cpu, (cpu.get(n - 1) - cpu.get(0)) / 1000.0, wallTotal);
    }

    private static Double wallSeconds(DumpThread before, DumpThread after, Timeline timeline, int index) {
        if (before.elapsedSeconds() != null && after.elapsedSeconds() != null) {
            return after.elapsedSeconds() - before.elapsedSeconds();
        }
        return timeline.secondsBetween(index - 1, index);
    }
}
