package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.GoWaitCategory;
import dev.dumplens.model.StackFrame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a group of goroutines waits for and for how long, from one dump. Go prints how long a goroutine has been
 * blocked ({@code [chan receive, 12 minutes]}) from one minute on, so a single dump already shows goroutines that
 * have been stuck for a while: {@link #longBlocked} lists them, the longest first.
 *
 * @param group      the stack group (its members are goroutines)
 * @param category   what its first member waits for
 * @param withMinutes how many members print a wait time
 * @param minMinutes the shortest printed wait time among them (0 when none prints one)
 * @param maxMinutes the longest printed wait time (0 when none prints one)
 */
public record GoroutineWaits(StackGroup group, GoWaitCategory category, int withMinutes, int minMinutes,
                             int maxMinutes) {

    /**
     * Categories not listed by {@link #longBlocked}: the runtime's own goroutines, running ones, and sleeping ones
     * (a {@code time.Sleep} ends by itself).
     */
    static final Set<GoWaitCategory> NOT_STUCK = Set.of(GoWaitCategory.RUNTIME, GoWaitCategory.RUNNING,
            GoWaitCategory.SLEEP);

    /** The facts of {@code group}, or {@code null} when its members are not goroutines. */
    public static GoroutineWaits of(StackGroup group) {
        DumpThread first = group.threads().get(0);
        if (!isGoroutine(first)) return null;
        int with = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (DumpThread t : group.threads()) {
            Integer m = t.waitMinutes();
            if (m == null) continue;
            with++;
            min = Math.min(min, m);
            max = Math.max(max, m);
        }
        return new GoroutineWaits(group, GoWaitCategory.of(first), with, with == 0 ? 0 : min, max);
    }

    /** Whether {@code thread} comes from a Go dump (its frames are Go frames). */
    /** Whether {@code threads} are goroutines (a Go dump): views and reports then speak of goroutines. */
    public static boolean areGoroutines(List<DumpThread> threads) {
        return !threads.isEmpty() && isGoroutine(threads.get(0));
    }

    public static boolean isGoroutine(DumpThread thread) {
        List<StackFrame> frames = thread.frames();
        return !frames.isEmpty() && frames.get(0).isGo();
    }

    /**
     * Groups of goroutines of which some have been blocked at least {@code minutes} minutes, other than
     * {@link #NOT_STUCK} ones: the longest wait first, then the most goroutines.
     */
    public static List<GoroutineWaits> longBlocked(List<StackGroup> groups, int minutes) {
        List<GoroutineWaits> out = new ArrayList<>();
        for (StackGroup g : groups) {
            GoroutineWaits w = of(g);
            if (w != null && w.withMinutes > 0 && w.maxMinutes >= minutes && !NOT_STUCK.contains(w.category)) {
                out.add(w);
            }
        }
        out.sort(Comparator.comparingInt(GoroutineWaits::maxMinutes).reversed()
                .thenComparing(Comparator.comparingInt(GoroutineWaits::withMinutes).reversed()));
        return out;
    }

    /**
     * The first frame of the group's own code: the topmost one outside the standard library (whose import paths
     * have no dot in their first element, as Go's tools tell them apart), {@code main} included; the top frame
     * when all are standard; {@code null} without frames. The {@code created by} entry does not count.
     */
    public StackFrame firstOwnFrame() {
        return firstOwnFrame(group.frames());
    }

    /** The {@code created by} entry of the group's stack, or {@code null}. */
    public StackFrame createdBy() {
        return createdBy(group.frames());
    }

    /** How the group reads in views: {@link #label(List)} of its frames. */
    public String label() {
        return label(group.frames());
    }

    /** {@link #firstOwnFrame()} of a goroutine stack (top first). */
    public static StackFrame firstOwnFrame(List<StackFrame> frames) {
        for (StackFrame f : frames) {
            if (!f.isCreatedBy() && !isStandardLibrary(f.qualifiedMethod())) return f;
        }
        return frames.isEmpty() || frames.get(0).isCreatedBy() ? null : frames.get(0);
    }

    /** The {@code created by} entry of a goroutine stack, or {@code null}. */
    public static StackFrame createdBy(List<StackFrame> frames) {
        StackFrame last = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        return last != null && last.isCreatedBy() ? last : null;
    }

    /**
     * Goroutines are nameless (their names are only ids): a stack reads as its first own function and creator,
     * {@code main.handleOrder (created by main.leak)}; "goroutines" for a stack without frames.
     */
    public static String label(List<StackFrame> frames) {
        StackFrame own = firstOwnFrame(frames);
        StackFrame creator = createdBy(frames);
        String function = own == null ? "goroutines" : own.qualifiedMethod();
        return creator == null ? function : function + " (created by " + creator.qualifiedMethod() + ")";
    }

    /** Whether a Go function belongs to the standard library: {@code net/http.(*conn).serve} yes, {@code main.f} no. */
    public static boolean isStandardLibrary(String function) {
        int slash = function.indexOf('/'); // only import paths have slashes
        int end = slash >= 0 ? slash : function.indexOf('.');
        String first = end < 0 ? function : function.substring(0, end);
        return !first.contains(".") && !first.equals("main");
    }

    /** "1 minute", "3–12 minutes", or "" when no member prints a wait time. */
    public String minutesText() {
        if (withMinutes == 0) return "";
        String range = minMinutes == maxMinutes ? String.valueOf(maxMinutes) : minMinutes + "–" + maxMinutes;
        return range + (maxMinutes == 1 ? " minute" : " minutes");
    }
}
