package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;

import java.util.List;

/**
 * A cycle in the wait-for graph: {@code threads.get(i)} waits for {@code locks.get(i)}, which is held by
 * {@code threads.get(i + 1)} (the last thread's lock by the first thread). The cycle starts at the thread that
 * comes first in the dump.
 *
 * @param threads       the threads of the cycle
 * @param locks         the lock each thread waits for (one per thread when the cycle was found in the stacks;
 *                      possibly fewer for a cycle known only from the JVM's report)
 * @param reportedByJvm whether the dump's "Found one Java-level deadlock" sections name the same threads
 */
public record Deadlock(List<DumpThread> threads, List<LockInfo> locks, boolean reportedByJvm) {

    public Deadlock {
        threads = List.copyOf(threads);
        locks = List.copyOf(locks);
    }

    /** Whether a class initialization is part of the cycle (the JVM never reports those). */
    public boolean involvesClassInit() {
        return locks.stream().anyMatch(l -> l.kind() == LockInfo.Kind.CLASS_INIT);
    }

    /** The threads' names, in cycle order. */
    public List<String> threadNames() {
        return threads.stream().map(DumpThread::name).toList();
    }
}
