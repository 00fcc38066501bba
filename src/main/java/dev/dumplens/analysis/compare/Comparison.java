package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.StackSignatures;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.JvmDeadlock;
import dev.dumplens.model.ThreadDump;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several dumps of one process compared: the same groups over time with their trends, threads followed from
 * dump to dump, locks held throughout, and ranked leak suspects with explanations. Immutable; build with
 * {@link #of}.
 *
 * <p>The pieces: {@link ThreadTracker} (thread identity), {@link GroupMatcher} (groups across dumps),
 * {@link StuckDetector} with {@link IdleFrames}, {@link SpinDetector}, {@link LockTrends}, {@link Verdicts} with
 * {@link StackExplanations}, {@link ProcessCheck}.
 */
public final class Comparison {
    private final CompareOptions options;
    private final List<ComparedDump> dumps;
    private final Timeline timeline;
    private final List<ThreadTrack> threads;
    private final List<GroupTrend> groups;
    private final List<LockTrend> locks;
    private final List<SpinningThread> spinning;
    private final List<Suspect> suspects;
    private final List<String> warnings;
    private final ThreadTracker tracker;
    private final Map<DumpThread, GroupTrend> groupOf;

    private Comparison(CompareOptions options, List<ComparedDump> dumps, Timeline timeline, ThreadTracker tracker,
                       List<GroupTrend> groups, Map<DumpThread, GroupTrend> groupOf, List<LockTrend> locks,
                       List<SpinningThread> spinning, List<Suspect> suspects, List<String> warnings) {
        this.options = options;
        this.dumps = List.copyOf(dumps);
        this.timeline = timeline;
        this.tracker = tracker;
        this.threads = tracker.tracks();
        this.groups = List.copyOf(groups);
        this.locks = List.copyOf(locks);
        this.spinning = List.copyOf(spinning);
        this.suspects = List.copyOf(suspects);
        this.warnings = List.copyOf(warnings);
        this.groupOf = groupOf;
    }

    /**
     * Compares {@code dumps}, put in time order first ({@link #inTimeOrder}). One dump gives a comparison without
     * trends and a warning.
     *
     * @throws IllegalArgumentException when {@code dumps} is empty
     */
    public static Comparison of(List<ThreadDump> dumps, CompareOptions options) {
        if (dumps.isEmpty()) throw new IllegalArgumentException("no dumps to compare");
        List<ThreadDump> ordered = inTimeOrder(dumps);
        List<String> labels = labels(ordered);
        StackSignatures signatures = new StackSignatures(options.similarity());
        List<ComparedDump> compared = new ArrayList<>();
        List<ThreadDump> kept = new ArrayList<>();
        List<DumpAnalysis> analyses = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ThreadDump original = ordered.get(i);
            ThreadDump filtered = withoutIgnored(original, options);
            DumpAnalysis analysis = DumpAnalysis.of(filtered, signatures, List.of());
            kept.add(filtered);
            analyses.add(analysis);
            compared.add(new ComparedDump(original, analysis, labels.get(i),
                    original.threads().size() - filtered.threads().size()));
        }
        Timeline timeline = Timeline.of(ordered);
        ThreadTracker tracker = ThreadTracker.track(kept);
        List<GroupTrend> groups = GroupMatcher.match(analyses, timeline);
        Map<DumpThread, GroupTrend> groupOf = GroupMatcher.byThread(groups);
        List<LockTrend> locks = LockTrends.find(analyses, tracker);
        List<SpinningThread> spinning = SpinDetector.find(tracker.tracks(), timeline);
        Set<ThreadTrack> spinners = new HashSet<>();
        for (SpinningThread s : spinning) spinners.add(s.track());
        List<List<ThreadTrack>> stuck = StuckDetector.find(tracker.tracks(), spinners);
        List<Suspect> suspects = new Verdicts(analyses, timeline, tracker, groups, groupOf).find(locks, spinning, stuck);
        List<String> warnings = new ArrayList<>();
        if (ordered.size() < 2) warnings.add("only one dump: there is nothing to compare it with");
        warnings.addAll(ProcessCheck.warnings(ordered, labels, timeline, tracker.tracks()));
        if (ordered.stream().flatMap(d -> d.threads().stream()).noneMatch(t -> t.cpuMillis() != null)) {
            warnings.add(Wording.isGo(ordered)
                    ? "goroutine dumps show no CPU times: spinning goroutines cannot be recognized"
                    : "the dumps show no cpu= times (JDK 8, or a format without them): spinning threads "
                            + "cannot be recognized");
        }
        return new Comparison(options, compared, timeline, tracker, groups, groupOf, locks, spinning, suspects,
                warnings);
    }

    /**
     * {@code dumps} sorted by timestamp when every dump has one (equal timestamps keep their order), otherwise
     * unchanged.
     */
    public static List<ThreadDump> inTimeOrder(List<ThreadDump> dumps) {
        if (dumps.stream().anyMatch(d -> d.timestamp() == null)) return List.copyOf(dumps);
        List<ThreadDump> sorted = new ArrayList<>(dumps);
        sorted.sort(Comparator.comparing(ThreadDump::timestamp));
        return List.copyOf(sorted);
    }

    private static List<String> labels(List<ThreadDump> dumps) {
        Map<String, Integer> perSource = new HashMap<>();
        for (ThreadDump d : dumps) perSource.merge(d.source(), 1, Integer::sum);
        return dumps.stream().map(d -> d.label(perSource.get(d.source()) > 1)).toList();
    }

    private static ThreadDump withoutIgnored(ThreadDump dump, CompareOptions options) {
        if (options.ignore().isEmpty()) return dump;
        List<DumpThread> kept = new ArrayList<>(dump.threads().size());
        Set<String> ignoredNames = new HashSet<>();
        for (DumpThread t : dump.threads()) {
            if (options.ignores(t)) ignoredNames.add(t.name());
            else kept.add(t);
        }
        if (ignoredNames.isEmpty()) return dump;
        List<JvmDeadlock> deadlocks = dump.jvmDeadlocks().stream()
                .filter(d -> d.threads().stream().noneMatch(ignoredNames::contains)).toList();
        return new ThreadDump(dump.source(), dump.index(), dump.line(), dump.format(), dump.timestamp(),
                dump.vmBanner(), dump.processId(), kept, deadlocks, dump.warnings(), dump.fatalError());
    }

    public CompareOptions options() { return options; }

    /** The dumps in time order. */
    public List<ComparedDump> dumps() { return dumps; }

    /** When each dump was taken, relative to the first. */
    public Timeline timeline() { return timeline; }

    /** Every thread followed through the dumps, in order of first appearance. */
    public List<ThreadTrack> threads() { return threads; }

    /** Groups over the dumps, largest (in any dump) first. */
    public List<GroupTrend> groups() { return groups; }

    /** Locks held by the same thread in every dump while some thread waits for them. */
    public List<LockTrend> locks() { return locks; }

    /** Threads RUNNABLE in every dump that keep using CPU, busiest first. */
    public List<SpinningThread> spinning() { return spinning; }

    /** Leak suspects, most serious first. */
    public List<Suspect> suspects() { return suspects; }

    /** Doubts about the input: dumps that seem to come from different processes, a single dump, no cpu= times. */
    public List<String> warnings() { return warnings; }

    /** The track of a thread of one of the compared dumps (as {@link ComparedDump#analysis()} holds it). */
    public ThreadTrack track(DumpThread thread) { return tracker.of(thread); }

    /** The group holding a thread of one of the compared dumps, or {@code null}. */
    public GroupTrend groupOf(DumpThread thread) { return groupOf.get(thread); }
}
