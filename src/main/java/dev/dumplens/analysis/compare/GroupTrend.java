package dev.dumplens.analysis.compare;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadState;

import java.util.List;

/**
 * One stack group followed through the dumps of a comparison: the threads with the same state, the same stack
 * signature and the same name template in each dump (see {@link GroupMatcher}).
 *
 * @param id              unique within the comparison: {@code key + " " + nameTemplate}
 * @param key             the stack group key ({@link dev.dumplens.analysis.StackGroup#key()}): equal for every
 *                        group with this state and stack, whatever the names
 * @param state           the members' state
 * @param signature       the compared frames (as the similarity folds them), top first
 * @param frames          representative frames as printed (the first member's), top first
 * @param nameTemplate    the members' name template; where a template's first {@code *} hides pools of different
 *                        sizes, the template names the pool ({@code pool-1-thread-*} beside {@code pool-*-thread-1})
 * @param counts          members per dump, oldest first
 * @param threadsPerDump  the members of each dump, in dump order (empty lists where the group is absent)
 * @param trend           how {@code counts} change
 * @param growthPerDump   (last count − first count) / (dumps − 1); 0 for a single dump
 * @param growthPerMinute (last count − first count) per minute between the first and last dump, or {@code null}
 *                        when the time between them is unknown
 */
public record GroupTrend(String id, String key, ThreadState state, List<String> signature, List<StackFrame> frames,
                         String nameTemplate, List<Integer> counts, List<List<DumpThread>> threadsPerDump,
                         Trend trend, double growthPerDump, Double growthPerMinute) {

    public GroupTrend {
        signature = List.copyOf(signature);
        frames = List.copyOf(frames);
        counts = List.copyOf(counts);
        threadsPerDump = threadsPerDump.stream().map(List::copyOf).toList();
    }

    /**
     * How the group reads in reports: its name template, or for goroutines (whose names are only ids) their first
     * own function and creator, {@code main.handleOrder (created by main.leak)}.
     */
    public String label() { return Wording.who(this); }

    /** Members in dump {@code index}. */
    public int count(int index) { return counts.get(index); }

    /** The members of dump {@code index}. */
    public List<DumpThread> threads(int index) { return threadsPerDump.get(index); }

    /** The largest count of any dump. */
    public int maxCount() {
        return counts.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Last count minus first count. */
    public int netGrowth() { return counts.get(counts.size() - 1) - counts.get(0); }

    /** The top representative frame, or {@code null} for threads without frames. */
    public StackFrame topFrame() { return frames.isEmpty() ? null : frames.get(0); }

    /** The members of the latest dump that has any. */
    public List<DumpThread> latestThreads() {
        for (int i = threadsPerDump.size() - 1; i >= 0; i--) if (!threadsPerDump.get(i).isEmpty()) return threads(i);
        return List.of();
    }
}
