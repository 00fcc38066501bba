package dev.dumplens.analysis.compare;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadDump;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows threads through dumps taken in time order. A thread of a later dump continues a track when its
 * {@link ThreadIdentity} (name, Java id and OS id together) equals the track's and its {@code elapsed=} is not
 * smaller than the track's last one (a thread's age never goes down; allowing {@value #ELAPSED_TOLERANCE_SECONDS}
 * s for rounding); otherwise it starts a new track. Formats that print no OS id (JDK 21+ {@code Thread.dump_to_file})
 * are matched with those that do (jstack of the same process) by name and Java id alone. An anonymous entry
 * ({@link ThreadIdentity#isAnonymous}) always starts a track of its own.
 */
final class ThreadTracker {
    static final double ELAPSED_TOLERANCE_SECONDS = 0.05;

    private final List<ThreadTrack> tracks;
    private final Map<DumpThread, ThreadTrack> byThread;

    private ThreadTracker(List<ThreadTrack> tracks, Map<DumpThread, ThreadTrack> byThread) {
        this.tracks = tracks;
        this.byThread = byThread;
    }

    /** Tracks the threads of {@code dumps} (oldest first). */
    static ThreadTracker track(List<ThreadDump> dumps) {
        int n = dumps.size();
        List<DumpThread[]> rows = new ArrayList<>();
        List<ThreadIdentity> ids = new ArrayList<>();
        Map<ThreadIdentity, Integer> open = new HashMap<>();
        Map<ThreadIdentity, Integer> openWithoutNid = new HashMap<>();
        for (int d = 0; d < n; d++) {
            for (DumpThread t : dumps.get(d).threads()) {
                ThreadIdentity id = ThreadIdentity.of(t);
                ThreadIdentity withoutNid = new ThreadIdentity(t.name(), t.javaId(), null);
                Integer row = open.get(id);
                if (row == null && t.javaId() != null) {
                    Integer loose = openWithoutNid.get(withoutNid);
                    if (loose != null && (t.nid() == null || latest(rows.get(loose), d).nid() == null)) row = loose;
                }
                if (row == null || ThreadIdentity.isAnonymous(t) || !continues(rows.get(row), d, t)) {
                    row = rows.size();
                    rows.add(new DumpThread[n]);
                    ids.add(id);
                }
                open.put(id, row);
                openWithoutNid.put(withoutNid, row);
                rows.get(row)[d] = t;
            }
        }
        List<ThreadTrack> tracks = new ArrayList<>(rows.size());
        Map<DumpThread, ThreadTrack> byThread = new IdentityHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ThreadTrack track = new ThreadTrack(ids.get(i), Arrays.asList(rows.get(i)));
            tracks.add(track);
            for (DumpThread t : rows.get(i)) if (t != null) byThread.put(t, track);
        }
        return new ThreadTracker(List.copyOf(tracks), byThread);
    }

    /** Whether {@code t} of dump {@code d} can be the same thread as the track's latest entry. */
    private static boolean continues(DumpThread[] row, int d, DumpThread t) {
        if (row[d] != null) return false; // the same identity twice in one dump: keep them apart
        DumpThread last = latest(row, d);
        if (last.elapsedSeconds() == null || t.elapsedSeconds() == null) return true;
        return t.elapsedSeconds() >= last.elapsedSeconds() - ELAPSED_TOLERANCE_SECONDS;
    }

    /** The track's entry in the latest dump before {@code d} (a track always has one). */
    private static DumpThread latest(DumpThread[] row, int d) {
        for (int i = d - 1; i >= 0; i--) if (row[i] != null) return row[i];
        throw new IllegalStateException("an open track has an earlier entry");
    }

    List<ThreadTrack> tracks() { return tracks; }

    /** The track holding {@code thread} (an entry of one of the tracked dumps). */
    ThreadTrack of(DumpThread thread) {
        ThreadTrack t = byThread.get(thread);
        if (t == null) throw new IllegalArgumentException("not a tracked thread: " + thread.name());
        return t;
    }
}
