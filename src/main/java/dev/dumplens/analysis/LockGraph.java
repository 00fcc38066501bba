package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadDump;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every lock of one dump with owner, blocked, waiting and parked threads, and who waits for what.
 * <p>Ownership rules:
 * <ul>
 *   <li>A monitor is owned by the thread showing {@code - locked} for it, unless that same thread is in
 *       {@code Object.wait()} on it ({@code - waiting on}, also {@code <no object reference available>}: then the
 *       nearest locked monitor below) or re-locking it after a wait: such a thread released it, even though
 *       HotSpot (and JDK 25's {@code monitorsOwned}) still list it on a lower frame. When several
 *       threads still claim one monitor, the first in dump order keeps it and a warning names the others.</li>
 *   <li>A java.util.concurrent synchronizer is owned by the thread listing it under "Locked ownable synchronizers"
 *       ({@code jstack -l}); without that section its owner is unknown — except when the JVM's own deadlock report
 *       names it (each reported thread waits for a lock held by the next one in the report).</li>
 *   <li>The initialization of class X is owned by the thread with an {@code X.<clinit>} frame.</li>
 *   <li>Go: goroutines blocked on a {@code sync.Mutex}, {@code sync.RWMutex} or channel whose address the dump
 *       prints park on it; its owner is unknown, noted "Go dumps show no mutex or channel owners". A
 *       {@code sync.WaitGroup} or {@code sync.Cond} has no owner.</li>
 * </ul>
 */
public final class LockGraph {

    private final List<LockInfo> locks;
    private final Map<String, LockInfo> byId;
    private final Map<DumpThread, LockInfo> waitsFor;
    private final Map<DumpThread, List<LockInfo>> held = new IdentityHashMap<>();
    private final List<ParseWarning> warnings;

    /** {@code waitsFor} is kept as given (an identity map of the dump's threads). */
    LockGraph(List<LockInfo> locks, Map<DumpThread, LockInfo> waitsFor, List<ParseWarning> warnings) {
        this.locks = List.copyOf(locks);
        this.byId = new HashMap<>();
        for (LockInfo l : locks) {
            byId.put(l.id(), l);
            if (l.owner() != null) held.computeIfAbsent(l.owner(), t -> new ArrayList<>()).add(l);
        }
        this.waitsFor = waitsFor;
        this.warnings = List.copyOf(warnings);
    }

    /** Builds the lock graph of {@code dump}. */
    public static LockGraph of(ThreadDump dump) {
        return new LockCollector(dump).build();
    }

    /** Every lock, those with the most blocked/waiting/parked threads first, then by id. */
    public List<LockInfo> locks() { return locks; }

    /** The lock with this id, or {@code null}. */
    public LockInfo lock(String id) { return byId.get(id); }

    /**
     * The lock {@code thread} is blocked or parked trying to acquire, or {@code null}: the first monitor it waits
     * to (re-)enter, synchronizer it is parked on, or class whose initialization it waits for. Parking with a
     * monitor object as the blocker ({@code LockSupport.park(obj)}) does not count: it waits for no owner.
     */
    public LockInfo waitsFor(DumpThread thread) { return waitsFor.get(thread); }

    /** The locks {@code thread} holds. */
    public List<LockInfo> heldBy(DumpThread thread) {
        return Collections.unmodifiableList(held.getOrDefault(thread, List.of()));
    }

    /**
     * {@code lock}, then the lock its owner waits for, then that lock's owner's, and so on until an owner waits
     * for nothing, the owner is unknown, or a lock repeats (a deadlock).
     */
    public List<LockInfo> chain(LockInfo lock) {
        List<LockInfo> out = new ArrayList<>();
        Set<LockInfo> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (LockInfo l = lock; l != null && seen.add(l); l = l.owner() == null ? null : waitsFor(l.owner())) {
            out.add(l);
        }
        return out;
    }

    /** Inconsistencies found while resolving owners (several threads claiming one monitor). */
    public List<ParseWarning> warnings() { return warnings; }
}
