package dev.dumplens.analysis.compare;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadDump;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * When each dump of a comparison was taken, relative to the first. The JVM's uptime at each dump (the largest
 * {@code elapsed=} of its threads, 10 ms resolution) is used when every dump has one, it never goes down and it
 * agrees with the timestamps where every dump has one; otherwise the dumps' own timestamps (1 s resolution) when every dump has one; otherwise the times are unknown.
 */
public final class Timeline {
    /** Timestamps have 1 s resolution and are taken a moment before the threads' {@code elapsed=}. */
    static final double CLOCK_TOLERANCE_SECONDS = 2.5;

    private final List<Double> uptimes;
    private final List<Double> offsets;
    private final String source;

    private Timeline(List<Double> uptimes, List<Double> offsets, String source) {
        this.uptimes = Collections.unmodifiableList(uptimes);
        this.offsets = offsets == null ? null : Collections.unmodifiableList(offsets);
        this.source = source;
    }

    static Timeline of(List<ThreadDump> dumps) {
        List<Double> uptimes = new ArrayList<>(dumps.size());
        for (ThreadDump d : dumps) uptimes.add(uptime(d));
        boolean stamped = dumps.stream().allMatch(d -> d.timestamp() != null);
        if (!uptimes.contains(null) && nonDecreasing(uptimes) && (!stamped || agree(dumps, uptimes))) {
            List<Double> offsets = new ArrayList<>();
            for (Double u : uptimes) offsets.add(u - uptimes.get(0));
            return new Timeline(uptimes, offsets, "uptime");
        }
        if (stamped) {
            List<Double> offsets = new ArrayList<>();
            for (ThreadDump d : dumps) {
                offsets.add(Duration.between(dumps.get(0).timestamp(), d.timestamp()).toMillis() / 1000.0);
            }
            return new Timeline(uptimes, offsets, "timestamps");
        }
        return new Timeline(uptimes, null, "unknown");
    }

    /** The largest {@code elapsed=} of the dump's threads: how long the JVM had been running, or {@code null}. */
    static Double uptime(ThreadDump dump) {
        Double max = null;
        for (DumpThread t : dump.threads()) {
            Double e = t.elapsedSeconds();
            if (e != null && (max == null || e > max)) max = e;
        }
        return max;
    }

    /** Whether uptime and timestamps tell the same time between dumps (within the timestamps' resolution). */
    private static boolean agree(List<ThreadDump> dumps, List<Double> uptimes) {
        for (int i = 1; i < dumps.size(); i++) {
            double byClock = Duration.between(dumps.get(0).timestamp(), dumps.get(i).timestamp()).toMillis() / 1000.0;
            if (Math.abs(byClock - (uptimes.get(i) - uptimes.get(0))) > CLOCK_TOLERANCE_SECONDS) return false;
        }
        return true;
    }

    private static boolean nonDecreasing(List<Double> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) < values.get(i - 1) - ThreadTracker.ELAPSED_TOLERANCE_SECONDS) return false;
        }
        return true;
    }

    /** Seconds from the first dump to dump {@code index}, or {@code null} when unknown. */
    public Double offsetSeconds(int index) {
        return offsets == null ? null : offsets.get(index);
    }

    /** Seconds between dumps {@code from} and {@code to}, or {@code null} when unknown. */
    public Double secondsBetween(int from, int to) {
        return offsets == null ? null : offsets.get(to) - offsets.get(from);
    }

    /** The JVM uptime at dump {@code index} in seconds, or {@code null} when its threads show no {@code elapsed=}. */
    public Double uptimeSeconds(int index) { return uptimes.get(index); }

    /** Where the times come from: {@code "uptime"}, {@code "timestamps"} or {@code "unknown"}. */
    public String source() { return source; }
}
