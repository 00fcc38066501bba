package dev.dumplens.analysis.compare;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadDump;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The idle-frame and explanation tables, applied to threads of the captured sample dumps. */
class StackTablesTest {
    private static final ThreadDump LEAK = Series.samples(List.of("leak-jdk17-jstack-4.txt")).get(0);
    private static final ThreadDump BUSY = Series.samples(List.of("busy-jdk17-jstack-l-e-3.txt")).get(0);
    private static final ThreadDump CONTENTION = Series.samples(List.of("contention-jdk17-jstack-l.txt")).get(0);
    private static final ThreadDump VIRTUAL = Series.samples(List.of("virtual-threads-jdk25-dump-to-file.txt")).get(0);

    @Test
    void idleByDesignThreadsAreKnownAsSuch() {
        Map<String, String> idle = Map.of(
                "pool-1-thread-3", "a pool worker waiting for its next task",
                "pool-17-thread-1", "a pool worker waiting for its next task",
                "http-nio-8080-exec-4", "a pool worker waiting for its next task",
                "ledger-owner", "a periodic loop pausing between rounds",
                "main", "the main thread reading console input (stdin)",
                "Reference Handler", "the JVM's Reference Handler waiting for references to process",
                "Finalizer", "the JVM's Finalizer waiting for objects to finalize",
                "Common-Cleaner", "a Cleaner (Common-Cleaner) waiting for objects to clean",
                "Signal Dispatcher", "a JVM service thread");
        idle.forEach((name, reason) -> assertThat(IdleFrames.match(thread(LEAK, name))).as(name)
                .isNotNull().extracting(IdleFrames.Rule::reason).isEqualTo(reason));
    }

    @Test
    void waitsThatAreNotIdleAreNotInTheTable() {
        for (String name : List.of("request-handler-7", "ledger-waiter-3")) {
            assertThat(IdleFrames.match(thread(LEAK, name))).as(name).isNull();
        }
        for (String name : List.of("socket-reader", "spinner-1", "regex-backtrack")) {
            assertThat(IdleFrames.match(thread(BUSY, name))).as(name).isNull();
        }
        for (String name : List.of("vault-waiter-1", "mailbox-waiter-1", "signal-waiter-1", "catalog-reader-1")) {
            assertThat(IdleFrames.match(thread(CONTENTION, name))).as(name).isNull();
        }
        assertThat(IdleFrames.match(thread(VIRTUAL, "vt-latch-1"))).isNull();
    }

    @Test
    void explanationRowsMatchTheStacksTheyDescribe() {
        assertRow(LEAK, "request-handler-7", "handoff-take", "parked in SynchronousQueue.take, called from "
                + "scenario.Leak.awaitHandOff (Leak.java:137)");
        assertRow(LEAK, "pool-17-thread-1", "pool-idle", "idle in ThreadPoolExecutor.getTask (a pool worker waiting "
                + "for its next task)");
        assertRow(LEAK, "ledger-waiter-3", "monitor-enter", "blocked entering a synchronized block at "
                + "scenario.Leak$Ledger.post (Leak.java:50)");
        assertRow(LEAK, "ledger-owner", "sleep", "sleeping in Thread.sleep, called from scenario.Await.pause "
                + "(Await.java:59)");
        assertRow(BUSY, "socket-reader", "socket-read", "blocked in a socket read (Socket$SocketInputStream.read), "
                + "called from scenario.Busy.readForever (Busy.java:77)");
        assertRow(BUSY, "regex-backtrack", "regex", "matching a regular expression (java.util.regex), called from "
                + "scenario.Busy.backtrack (Busy.java:70)");
        assertRow(CONTENTION, "vault-waiter-1", "lock-acquire", "waiting to acquire a lock in ReentrantLock.lock, "
                + "called from scenario.Contention.lockBriefly (Contention.java:180)");
        assertRow(CONTENTION, "catalog-reader-1", "lock-acquire", "waiting to acquire a lock in "
                + "ReentrantReadWriteLock$ReadLock.lock, called from scenario.Contention.readCatalog (Contention.java:155)");
        assertRow(CONTENTION, "mailbox-waiter-1", "object-wait", "waiting in Object.wait, called from "
                + "scenario.Contention$Mailbox.take (Contention.java:62)");
        assertRow(CONTENTION, "signal-waiter-1", "condition-await", "waiting on a Condition in "
                + "AbstractQueuedSynchronizer$ConditionObject.awaitUninterruptibly, called from "
                + "scenario.Contention.awaitSignal (Contention.java:163)");
        assertRow(VIRTUAL, "vt-latch-1", "latch", "waiting in CountDownLatch.await, called from "
                + "scenario.VirtualThreads.awaitLatch (VirtualThreads.java:117)");
    }

    @Test
    void aStackNoRowKnowsIsDescribedByItsApplicationFrame() {
        DumpThread spinner = thread(BUSY, "spinner-1");
        assertThat(StackExplanations.match(spinner)).isNull();
        assertThat(StackExplanations.activity(spinner)).isEqualTo("running at scenario.Busy.spin (Busy.java:57)");
    }

    @Test
    void everyRowHasWordingAndAFrameOrState() {
        for (StackExplanations.Explanation e : StackExplanations.ALL) {
            assertThat(e.activity()).as(e.id()).isNotBlank();
            assertThat(e.frames().isEmpty() && e.state() == null && e.goWait() == null).as(e.id()).isFalse();
        }
        assertThat(StackExplanations.ALL).extracting(StackExplanations.Explanation::id).doesNotHaveDuplicates();
    }

    private static void assertRow(ThreadDump dump, String name, String row, String activity) {
        DumpThread t = thread(dump, name);
        assertThat(StackExplanations.match(t)).as(name).isNotNull()
                .extracting(m -> m.explanation().id()).isEqualTo(row);
        assertThat(StackExplanations.activity(t)).as(name).isEqualTo(activity);
    }

    private static DumpThread thread(ThreadDump dump, String name) {
        return dump.threads().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name + " in " + dump.source()));
    }
}
