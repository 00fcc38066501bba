package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockRef;

import java.util.List;

/**
 * One lock of a dump with everything the dump says about it.
 *
 * @param lock        the lock as the dump names it
 * @param kind        monitor, java.util.concurrent synchronizer or class initialization
 * @param owner       the thread holding it, or {@code null} (see {@code ownerStatus})
 * @param ownerStatus whether the owner is known, nobody holds it, or the dump cannot tell
 * @param ownerNote   why the owner is what it is when that is not plain from the stacks, or ""
 * @param blocked     threads blocked to enter it: {@code waiting to lock}, {@code waiting to re-lock in wait()},
 *                    or waiting for another thread's class initialization; in dump order
 * @param waiting     threads in {@code Object.wait()} on it (they released it); in dump order
 * @param parked      threads parked on it ({@code parking to wait for}); in dump order
 */
public record LockInfo(LockRef lock, Kind kind, DumpThread owner, OwnerStatus ownerStatus, String ownerNote,
                       List<DumpThread> blocked, List<DumpThread> waiting, List<DumpThread> parked) {

    /** What sort of lock. */
    public enum Kind {
        /** A Java object monitor ({@code synchronized}). */
        MONITOR,
        /** A {@code java.util.concurrent} synchronizer a thread parks on (ReentrantLock, latch, condition …). */
        SYNCHRONIZER,
        /** The initialization of a class ({@code <clinit>} running in another thread). */
        CLASS_INIT
    }

    /** What is known about the owner. */
    public enum OwnerStatus {
        /** {@link #owner()} holds it. */
        OWNED,
        /** Nobody holds it (a monitor with only {@code wait()}ers, a latch or condition, which have no owner). */
        NONE,
        /** Someone may hold it but the dump does not say who; {@link #ownerNote()} says why. */
        UNKNOWN
    }

    public LockInfo {
        ownerNote = ownerNote == null ? "" : ownerNote;
        blocked = List.copyOf(blocked);
        waiting = List.copyOf(waiting);
        parked = List.copyOf(parked);
    }

    public String id() { return lock.id(); }

    public String className() { return lock.className(); }

    /** Threads blocked, waiting or parked on it. */
    public int waiterCount() { return blocked.size() + waiting.size() + parked.size(); }

    /** Whether any thread is blocked or parked trying to acquire it. */
    public boolean contended() { return !blocked.isEmpty() || !parked.isEmpty(); }
}
