package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.Similarity;
import dev.dumplens.analysis.StackSignatures;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds stuck threads: the same thread in every dump, in the same state with the same top frames, where it does
 * not wait by design ({@link IdleFrames}), and not spinning. The top frames are the normalized frames down to the
 * first application frame, at most {@value #TOP_FRAMES}: where the thread waits and who asked it to, which
 * every format shows alike (JDK 21+ {@code Thread.dump_to_file} leaves out the lambda and {@code Thread.runWith}
 * frames below that jstack prints). Threads stuck in the same place are reported together.
 */
final class StuckDetector {
    static final int TOP_FRAMES = 5;

    private StuckDetector() { }

    /** Sets of stuck threads with the same state and top frames, largest first. */
    static List<List<ThreadTrack>> find(List<ThreadTrack> tracks, Set<ThreadTrack> spinning) {
        Places places = new Places();
        IdleFrames.Matcher idle = new IdleFrames.Matcher();
        Map<List<Object>, List<ThreadTrack>> sets = new LinkedHashMap<>();
        for (ThreadTrack t : tracks) {
            if (t.perDump().size() < 2 || !t.inEveryDump() || spinning.contains(t)) continue;
            List<String> place = places.samePlace(t);
            if (place == null || idle.match(t.latest()) != null) continue;
            sets.computeIfAbsent(List.of(t.latest().state(), place), k -> new ArrayList<>()).add(t);
        }
        List<List<ThreadTrack>> out = new ArrayList<>(sets.values());
        out.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return out;
    }

    /** Where threads are: their top frames down to the first application frame, normalized. Not thread-safe. */
    private static final class Places {
        private final StackSignatures normalized = new StackSignatures(Similarity.NORMALIZED);
        private final Map<StackFrame, Boolean> jdk = new HashMap<>();

        /** The top frames the thread shows in every dump, or {@code null} when they or its state change. */
        List<String> samePlace(ThreadTrack track) {
            DumpThread first = track.in(0);
            if (first.frames().isEmpty()) return null;
            ThreadState state = first.state();
            List<String> place = place(first);
            for (DumpThread t : track.perDump()) {
                if (t.state() != state || !place(t).equals(place)) return null;
            }
            return place;
        }

        private List<String> place(DumpThread t) {
            List<String> out = new ArrayList<>(TOP_FRAMES);
            for (StackFrame f : t.frames()) {
                out.add(normalized.frameKey(f));
                if (out.size() == TOP_FRAMES || !jdk.computeIfAbsent(f, Wording::isJdk)) break;
            }
            return out;
        }
    }
}
