package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.LockInfo;

import java.util.List;

/**
 * A lock held by the same thread in every dump of a comparison. Locks are matched by owner and class rather than
 * by id: HotSpot names a monitor by its object's address, which changes when the collector moves the object.
 *
 * @param className the lock's class
 * @param kind      monitor, synchronizer or class initialization
 * @param owner     the thread holding it in every dump
 * @param perDump   the lock as each dump shows it, oldest first
 * @param waiters   threads blocked or parked trying to acquire it, per dump
 * @param trend     how {@code waiters} change
 */
public record LockTrend(String className, LockInfo.Kind kind, ThreadTrack owner, List<LockInfo> perDump,
                        List<Integer> waiters, Trend trend) {

    public LockTrend {
        perDump = List.copyOf(perDump);
        waiters = List.copyOf(waiters);
    }

    /** The lock in the latest dump. */
    public LockInfo latest() { return perDump.get(perDump.size() - 1); }
}
