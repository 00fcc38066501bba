package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.GoroutineWaits;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Warns when consecutive dumps seem to come from different processes, so they are not silently mixed: a
 * different pid or JVM (banners where neither contains the other: JDK 21+ {@code Thread.dump_to_file} gives the
 * bare version that jstack's banner holds), a JVM uptime (largest {@code elapsed=}) that goes down, JVM start times
 * (timestamp − uptime) more than {@value Timeline#CLOCK_TOLERANCE_SECONDS} s apart, a goroutine id that comes
 * back with another creator, or no thread in common.
 */
final class ProcessCheck {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ProcessCheck() { }

    static List<String> warnings(List<ThreadDump> dumps, List<String> labels, Timeline timeline,
                                 List<ThreadTrack> tracks) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < dumps.size(); i++) {
            List<String> reasons = reasons(dumps.get(i - 1), dumps.get(i), timeline, i);
            String recreated = recreatedGoroutine(tracks, i);
            if (recreated != null) reasons.add(recreated);
            if (reasons.isEmpty() && namesThreads(dumps.get(i - 1)) && namesThreads(dumps.get(i))
                    && noThreadInCommon(tracks, i)) {
                reasons.add("no thread is in both dumps");
            }
            if (!reasons.isEmpty()) {
                out.add(labels.get(i - 1) + " and " + labels.get(i) + " seem to come from different processes ("
                        + String.join("; ", reasons) + "): the comparison mixes them");
            }
        }
        return out;
    }

    private static List<String> reasons(ThreadDump a, ThreadDump b, Timeline timeline, int i) {
        List<String> reasons = new ArrayList<>();
        if (a.processId() != null && b.processId() != null && !a.processId().equals(b.processId())) {
            reasons.add("pid " + a.processId() + " vs " + b.processId());
        }
        if (!a.vmBanner().isEmpty() && !b.vmBanner().isEmpty() && !a.vmBanner().contains(b.vmBanner())
                && !b.vmBanner().contains(a.vmBanner())) { // dump_to_file names the version jstack's banner holds
            reasons.add("JVM \"" + a.vmBanner() + "\" vs \"" + b.vmBanner() + "\"");
        }
        Double upA = timeline.uptimeSeconds(i - 1);
        Double upB = timeline.uptimeSeconds(i);
        if (upA == null || upB == null) return reasons;
        if (upB < upA - ThreadTracker.ELAPSED_TOLERANCE_SECONDS) {
            reasons.add("JVM uptime goes down from " + Wording.number(upA) + " s to " + Wording.number(upB) + " s");
        } else if (a.timestamp() != null && b.timestamp() != null) {
            LocalDateTime startA = start(a.timestamp(), upA);
            LocalDateTime startB = start(b.timestamp(), upB);
            if (Math.abs(Duration.between(startA, startB).toMillis()) > Timeline.CLOCK_TOLERANCE_SECONDS * 1000) {
                reasons.add("JVM started at about " + TIME.format(startA) + " vs " + TIME.format(startB));
            }
        }
        return reasons;
    }

    private static LocalDateTime start(LocalDateTime timestamp, double uptimeSeconds) {
        return timestamp.minusNanos(Math.round(uptimeSeconds * 1e9));
    }

    /**
     * "goroutine 7 was created by main.a, then by main.b" when a goroutine id of dump {@code i - 1} comes back in
     * dump {@code i} with another creator: a goroutine's creator never changes, so the id belongs to another
     * process (Go dumps name no process, and every process numbers its goroutines from 1). {@code null} otherwise.
     */
    private static String recreatedGoroutine(List<ThreadTrack> tracks, int i) {
        for (ThreadTrack t : tracks) {
            DumpThread before = t.in(i - 1);
            DumpThread after = t.in(i);
            if (before == null || after == null || !GoroutineWaits.isGoroutine(before)) continue;
            String a = creator(before);
            String b = creator(after);
            if (!a.equals(b)) {
                return before.name() + " was created by " + (a.isEmpty() ? "the runtime" : a) + ", then by "
                        + (b.isEmpty() ? "the runtime" : b);
            }
        }
        return null;
    }

    private static String creator(DumpThread goroutine) {
        StackFrame creator = GoroutineWaits.createdBy(goroutine.frames());
        return creator == null ? "" : creator.qualifiedMethod();
    }

    /** Whether some entry of the dump is a particular thread (not so in a Go debug=1 profile). */
    private static boolean namesThreads(ThreadDump dump) {
        for (DumpThread t : dump.threads()) if (!ThreadIdentity.isAnonymous(t)) return true;
        return false;
    }

    private static boolean noThreadInCommon(List<ThreadTrack> tracks, int i) {
        for (ThreadTrack t : tracks) if (t.in(i - 1) != null && t.in(i) != null) return false;
        return true;
    }
}
