package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.JvmDeadlock;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ThreadDump;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dumplens.analysis.Threads.lock;
import static dev.dumplens.model.LockAction.Kind.CLASS_INIT;
import static dev.dumplens.model.LockAction.Kind.LOCKED;
import static dev.dumplens.model.LockAction.Kind.PARKING;
import static dev.dumplens.model.LockAction.Kind.WAITING_ON;
import static dev.dumplens.model.LockAction.Kind.WAITING_TO_LOCK;
import static dev.dumplens.model.ThreadState.BLOCKED;
import static dev.dumplens.model.ThreadState.RUNNABLE;
import static dev.dumplens.model.ThreadState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

class DeadlockDetectorTest {
    private static final String RL = "java.util.concurrent.locks.ReentrantLock$NonfairSync";
    private final Threads t = new Threads();

    /** A thread holding {@code held} and blocked entering {@code wanted}. */
    private DumpThread monitorThread(String name, String wanted, String held) {
        DumpThread.Builder b = t.thread(name, BLOCKED, "app.D.transfer(D.java:46)", "app.D.run(D.java:10)");
        lock(b, 0, WAITING_TO_LOCK, wanted, "app.Account");
        return lock(b, 0, LOCKED, held, "app.Account").build();
    }

    private DumpThread rlThread(String name, String wanted, String held, boolean dashL) {
        DumpThread.Builder b = t.thread(name, WAITING, "jdk.internal.misc.Unsafe.park(Native Method)",
                "app.D.lockBoth(D.java:66)");
        lock(b, 0, PARKING, wanted, RL);
        if (dashL) b.ownedSynchronizers.add(new LockRef(held, RL));
        return b.build();
    }

    private static List<Deadlock> find(ThreadDump d) {
        return DeadlockDetector.find(d, LockGraph.of(d));
    }

    @Test
    void findsAMonitorCycleOnceStartingAtTheFirstThreadInTheDump() {
        DumpThread p1 = monitorThread("philosopher-1", "0x2", "0x1");
        DumpThread p2 = monitorThread("philosopher-2", "0x3", "0x2");
        DumpThread p3 = monitorThread("philosopher-3", "0x1", "0x3");
        DumpThread bystander = lock(t.thread("auditor", BLOCKED, "app.D.audit(D.java:5)"), 0, WAITING_TO_LOCK, "0x1",
                "app.Account").build();
        ThreadDump d = Threads.dump(List.of(bystander, p2, p3, p1),
                List.of(new JvmDeadlock(List.of("philosopher-1", "philosopher-2", "philosopher-3"))));
        List<Deadlock> found = find(d);
        assertThat(found).singleElement().satisfies(dl -> {
            assertThat(dl.threads()).containsExactly(p2, p3, p1);
            assertThat(dl.locks()).extracting(LockInfo::id).containsExactly("0x3", "0x1", "0x2");
            assertThat(dl.reportedByJvm()).isTrue();
            assertThat(dl.involvesClassInit()).isFalse();
        });
    }

    @Test
    void cycleTheJvmDidNotReportIsMarkedSo() {
        DumpThread a = monitorThread("a", "0x2", "0x1");
        DumpThread b = monitorThread("b", "0x1", "0x2");
        assertThat(find(Threads.dump(a, b))).singleElement()
                .satisfies(dl -> assertThat(dl.reportedByJvm()).isFalse());
    }

    @Test
    void reentrantLockCycleWithOwnableSynchronizers() {
        DumpThread r1 = rlThread("rl-deadlock-1", "0xb", "0xa", true);
        DumpThread r2 = rlThread("rl-deadlock-2", "0xa", "0xb", true);
        assertThat(find(Threads.dump(r1, r2))).singleElement().satisfies(dl -> {
            assertThat(dl.threads()).containsExactly(r1, r2);
            assertThat(dl.locks()).extracting(LockInfo::kind).containsOnly(LockInfo.Kind.SYNCHRONIZER);
        });
    }

    @Test
    void reentrantLockCycleWithoutDashLIsFoundThroughTheJvmReport() {
        DumpThread r1 = rlThread("rl-deadlock-1", "0xb", "0xa", false);
        DumpThread r2 = rlThread("rl-deadlock-2", "0xa", "0xb", false);
        ThreadDump withoutReport = Threads.dump(r1, r2);
        assertThat(find(withoutReport)).isEmpty();

        ThreadDump reported = Threads.dump(List.of(r1, r2),
                List.of(new JvmDeadlock(List.of("rl-deadlock-1", "rl-deadlock-2"))));
        LockGraph g = LockGraph.of(reported);
        assertThat(g.lock("0xb").owner()).isSameAs(r2);
        assertThat(g.lock("0xb").ownerNote()).contains("deadlock report");
        assertThat(DeadlockDetector.find(reported, g)).singleElement().satisfies(dl -> {
            assertThat(dl.threads()).containsExactly(r1, r2);
            assertThat(dl.locks()).extracting(LockInfo::id).containsExactly("0xb", "0xa");
            assertThat(dl.reportedByJvm()).isTrue();
        });
    }

    @Test
    void jvmReportedDeadlockIsKeptEvenWhenTheStacksDoNotShowIt() {
        DumpThread x = t.thread("x", BLOCKED, "a.A.a(A.java:1)").build();
        DumpThread y = t.thread("y", BLOCKED, "a.A.a(A.java:1)").build();
        ThreadDump d = Threads.dump(List.of(x, y), List.of(new JvmDeadlock(List.of("x", "y"))));
        assertThat(find(d)).singleElement().satisfies(dl -> {
            assertThat(dl.threads()).containsExactly(x, y);
            assertThat(dl.locks()).isEmpty();
            assertThat(dl.reportedByJvm()).isTrue();
        });
    }

    @Test
    void classInitializationCycleAmongRunnableThreads() {
        DumpThread initA = lock(t.thread("init-A", RUNNABLE, "app.A.<clinit>(A.java:5)", "app.Main.lambda$0(Main.java:9)"),
                0, CLASS_INIT, "class-init:app.B", "app.B").build();
        DumpThread initB = lock(t.thread("init-B", RUNNABLE, "app.B.<clinit>(B.java:5)", "app.Main.lambda$1(Main.java:10)"),
                0, CLASS_INIT, "class-init:app.A", "app.A").build();
        assertThat(find(Threads.dump(initA, initB))).singleElement().satisfies(dl -> {
            assertThat(dl.threads()).containsExactly(initA, initB);
            assertThat(dl.involvesClassInit()).isTrue();
            assertThat(dl.reportedByJvm()).isFalse();
        });
    }

    @Test
    void virtualThreadCycleOverMonitors() {
        DumpThread.Builder v1 = t.thread("", BLOCKED, "app.V.a(V.java:1)");
        v1.virtual = true;
        lock(v1, 0, WAITING_TO_LOCK, "app.R@2", "app.R");
        lock(v1, 0, LOCKED, "app.R@1", "app.R");
        DumpThread.Builder v2 = t.thread("", BLOCKED, "app.V.b(V.java:2)");
        v2.virtual = true;
        lock(v2, 0, WAITING_TO_LOCK, "app.R@1", "app.R");
        lock(v2, 0, LOCKED, "app.R@2", "app.R");
        DumpThread a = v1.build();
        DumpThread b = v2.build();
        assertThat(find(Threads.dump(a, b))).singleElement()
                .satisfies(dl -> assertThat(dl.threads()).containsExactly(a, b));
    }

    @Test
    void waitingInObjectWaitIsNoDeadlockEdge() {
        DumpThread.Builder wb = t.thread("w", WAITING, "java.lang.Object.wait(Native Method)", "app.X.y(X.java:3)");
        lock(wb, 0, WAITING_ON, "0x1", "X");
        lock(wb, 1, LOCKED, "0x1", "X");
        lock(wb, 1, LOCKED, "0x2", "Y");
        DumpThread w = wb.build();
        DumpThread other = lock(t.thread("o", BLOCKED, "app.X.z(X.java:4)"), 0, WAITING_TO_LOCK, "0x2", "Y").build();
        DumpThread.Builder ob = other.toBuilder();
        lock(ob, 0, LOCKED, "0x1", "X");
        ThreadDump d = Threads.dump(w, ob.build());
        assertThat(find(d)).isEmpty();
    }
}
