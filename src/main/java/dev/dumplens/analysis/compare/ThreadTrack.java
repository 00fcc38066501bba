package dev.dumplens.analysis.compare;

import dev.dumplens.model.DumpThread;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One thread followed through the dumps of a comparison (see {@link ThreadTracker} for the identity rules).
 *
 * @param identity name, Java id and OS id
 * @param perDump  the thread's entry in each dump, oldest first; {@code null} where the dump does not hold it
 */
public record ThreadTrack(ThreadIdentity identity, List<DumpThread> perDump) {

    public ThreadTrack {
        perDump = Collections.unmodifiableList(Arrays.asList(perDump.toArray(new DumpThread[0])));
    }

    public String name() { return identity.name(); }

    /** The thread's entry in dump {@code index}, or {@code null}. */
    public DumpThread in(int index) { return perDump.get(index); }

    /** Whether every dump holds this thread. */
    public boolean inEveryDump() {
        return !perDump.contains(null);
    }

    /** The entry in the latest dump that holds the thread. */
    public DumpThread latest() {
        for (int i = perDump.size() - 1; i >= 0; i--) if (perDump.get(i) != null) return perDump.get(i);
        throw new IllegalStateException("a track holds at least one thread");
    }
}
