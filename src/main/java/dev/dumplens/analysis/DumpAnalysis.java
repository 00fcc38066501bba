package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything DumpLens derives from one thread dump: state counts, stack groups, locks and deadlocks. A pure
 * function of the immutable dump and the similarity.
 *
 * @param dump        the dump
 * @param similarity  the similarity the groups were built with
 * @param stateCounts threads per state, in {@link ThreadState} order, only states that occur
 * @param groups      stack groups, largest first (see {@link StackGrouper})
 * @param locks       locks, owners and waiters
 * @param deadlocks   deadlocks found in the stacks or reported by the JVM
 * @param warnings    the parser's warnings for this dump, then the analysis' own
 */
public record DumpAnalysis(ThreadDump dump, Similarity similarity, Map<ThreadState, Integer> stateCounts,
                           List<StackGroup> groups, LockGraph locks, List<Deadlock> deadlocks,
                           List<ParseWarning> warnings) {

    public DumpAnalysis {
        stateCounts = Collections.unmodifiableMap(new EnumMap<>(stateCounts));
        groups = List.copyOf(groups);
        deadlocks = List.copyOf(deadlocks);
        warnings = List.copyOf(warnings);
    }

    /** Analyzes {@code dump} at {@code similarity}. */
    public static DumpAnalysis of(ThreadDump dump, Similarity similarity) {
        return of(dump, new StackSignatures(similarity), List.of());
    }

    /**
     * Analyzes {@code dump} with a shared signature cache; {@code extraWarnings} (file-level parser warnings
     * that belong to this dump) are listed after the dump's own.
     */
    public static DumpAnalysis of(ThreadDump dump, StackSignatures signatures, List<ParseWarning> extraWarnings) {
        LockGraph locks = LockGraph.of(dump);
        List<ParseWarning> warnings = new ArrayList<>(dump.warnings());
        warnings.addAll(extraWarnings);
        warnings.addAll(locks.warnings());
        return new DumpAnalysis(dump, signatures.similarity(), countStates(dump.threads()),
                StackGrouper.group(dump.threads(), signatures), locks, DeadlockDetector.find(dump, locks), warnings);
    }

    /**
     * Analyzes every dump of a parsed file, several dumps in parallel on the available cores (each worker with its
     * own signature cache; the analyses are the same as one by one). Each file-level warning goes to the dump it
     * falls in (the last dump starting at or before its line; the last dump when it has no line, as for
     * truncation at an offset).
     */
    public static List<DumpAnalysis> ofAll(ParseResult result, Similarity similarity) {
        return ofAll(result, similarity, Function.identity());
    }

    /**
     * Like {@link #ofAll(ParseResult, Similarity)}, then applies {@code then} to each analysis on the thread that
     * made it (e.g. to render it while other dumps are still being analyzed); returns the results in dump order.
     * {@code then} must be safe to call from several threads at once.
     */
    public static <T> List<T> ofAll(ParseResult result, Similarity similarity, Function<DumpAnalysis, T> then) {
        List<ThreadDump> dumps = result.dumps();
        List<List<ParseWarning>> perDump = new ArrayList<>();
        for (int i = 0; i < dumps.size(); i++) perDump.add(new ArrayList<>());
        for (ParseWarning w : result.warnings()) {
            if (!dumps.isEmpty()) perDump.get(dumpOf(dumps, w)).add(w);
        }
        Object[] out = new Object[dumps.size()];
        int workers = Math.min(dumps.size(), Runtime.getRuntime().availableProcessors());
        new ParallelAnalysis(dumps, perDump, similarity, then, out).run(workers);
        @SuppressWarnings("unchecked") List<T> results = (List<T>) Arrays.asList(out);
        return results;
    }

    private static int dumpOf(List<ThreadDump> dumps, ParseWarning w) {
        if (w.line() < 0) return dumps.size() - 1;
        int at = 0;
        for (int i = 0; i < dumps.size(); i++) if (dumps.get(i).line() <= w.line()) at = i;
        return at;
    }

    private static Map<ThreadState, Integer> countStates(List<DumpThread> threads) {
        int[] perState = new int[ThreadState.values().length];
        for (DumpThread t : threads) perState[t.state().ordinal()]++;
        Map<ThreadState, Integer> counts = new EnumMap<>(ThreadState.class);
        for (ThreadState s : ThreadState.values()) if (perState[s.ordinal()] > 0) counts.put(s, perState[s.ordinal()]);
        return counts;
    }

    public int threadCount() { return dump.threads().size(); }

    public long virtualThreadCount() { return dump.virtualThreadCount(); }
}
