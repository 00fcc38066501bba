package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.Similarity;
import dev.dumplens.analysis.StackSignatures;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds stuck threads: the same thread in every dump, in the same state with the same top {@value #TOP_FRAMES}
 * frames (normalized), where it does not wait by design ({@link IdleFrames}), and not spinning. Threads stuck in
 * the same place are reported together.
 */
final class StuckDetector {
    static final int TOP_FRAMES = 5;

    private StuckDetector() { }

    /** Sets of stuck threads with the same state and top frames, largest first. */
    static List<List<ThreadTrack>> find(List<ThreadTrack> tracks, Set<ThreadTrack> spinning) {
        StackSignatures top = new StackSignatures(Similarity.topN(TOP_FRAMES));
        Map<List<Object>, List<ThreadTrack>> sets = new LinkedHashMap<>();
        for (ThreadTrack t : tracks) {
            if (t.perDump().size() < 2 || !t.inEveryDump() || spinning.contains(t)) continue;
            List<String> place = samePlace(t, top);
            if (place == null || IdleFrames.match(t.latest()) != null) continue;
            sets.computeIfAbsent(List.of(t.latest().state(), place), k -> new ArrayList<>()).add(t);
        }
        List<List<ThreadTrack>> out = new ArrayList<>(sets.values());
        out.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return out;
    }

    /** The top frames the thread shows in every dump, or {@code null} when they or its state change. */
    private static List<String> samePlace(ThreadTrack track, StackSignatures top) {
        DumpThread first = track.in(0);
        if (first.frames().isEmpty()) return null;
        ThreadState state = first.state();
        List<String> place = top.signature(first);
        for (DumpThread t : track.perDump()) {
            if (t.state() != state || !top.signature(t).equals(place)) return null;
        }
        return place;
    }
}
