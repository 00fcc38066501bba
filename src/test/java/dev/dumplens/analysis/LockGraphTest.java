package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ThreadDump;
import org.junit.jupiter.api.Test;

import static dev.dumplens.analysis.Threads.lock;
import static dev.dumplens.model.LockAction.Kind.CLASS_INIT;
import static dev.dumplens.model.LockAction.Kind.LOCKED;
import static dev.dumplens.model.LockAction.Kind.PARKING;
import static dev.dumplens.model.LockAction.Kind.WAITING_ON;
import static dev.dumplens.model.LockAction.Kind.WAITING_TO_LOCK;
import static dev.dumplens.model.LockAction.Kind.WAITING_TO_RELOCK;
import static dev.dumplens.model.ThreadState.BLOCKED;
import static dev.dumplens.model.ThreadState.RUNNABLE;
import static dev.dumplens.model.ThreadState.TIMED_WAITING;
import static dev.dumplens.model.ThreadState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

class LockGraphTest {
    private static final String RL = "java.util.concurrent.locks.ReentrantLock$NonfairSync";
    private final Threads t = new Threads();

    private DumpThread waiter(String name, String id) {
        DumpThread.Builder b = t.thread(name, WAITING, "java.lang.Object.wait(java.base@17.0.15/Native Method)",
                "java.lang.Object.wait(java.base@17.0.15/Object.java:338)", "app.Bus.listen(Bus.java:9)");
        lock(b, 0, WAITING_ON, id, "app.Bus");
        return lock(b, 2, LOCKED, id, "app.Bus").build(); // HotSpot's stale "- locked" below the wait
    }

    @Test
    void threadsInWaitReleasedTheMonitorDespiteTheirLockedLine() {
        DumpThread w1 = waiter("listener-1", "0xb05");
        DumpThread w2 = waiter("listener-2", "0xb05");
        LockGraph g = LockGraph.of(Threads.dump(w1, w2));
        LockInfo bus = g.lock("0xb05");
        assertThat(bus.owner()).isNull();
        assertThat(bus.ownerStatus()).isEqualTo(LockInfo.OwnerStatus.NONE);
        assertThat(bus.waiting()).containsExactly(w1, w2);
        assertThat(bus.blocked()).isEmpty();
        assertThat(g.warnings()).isEmpty();
    }

    @Test
    void ownerBlockedAndRelockingThreads() {
        DumpThread holder = lock(t.thread("holder", TIMED_WAITING, "java.lang.Thread.sleep(Native Method)",
                "app.L.write(L.java:4)"), 1, LOCKED, "0xa", "app.Account").build();
        DumpThread reader = lock(t.thread("reader-1", BLOCKED, "app.L.read(L.java:9)"), 0, WAITING_TO_LOCK, "0xa",
                "app.Account").build();
        DumpThread.Builder rb = t.thread("woken", BLOCKED, "java.lang.Object.wait(Native Method)", "app.L.await(L.java:3)");
        lock(rb, 0, WAITING_TO_RELOCK, "0xa", "app.Account");
        DumpThread woken = lock(rb, 1, LOCKED, "0xa", "app.Account").build();
        LockGraph g = LockGraph.of(Threads.dump(holder, reader, woken));
        LockInfo a = g.lock("0xa");
        assertThat(a.owner()).isSameAs(holder);
        assertThat(a.kind()).isEqualTo(LockInfo.Kind.MONITOR);
        assertThat(a.blocked()).containsExactly(reader, woken);
        assertThat(g.waitsFor(reader)).isSameAs(a);
        assertThat(g.waitsFor(holder)).isNull();
        assertThat(g.heldBy(holder)).containsExactly(a);
        assertThat(g.warnings()).isEmpty();
    }

    @Test
    void aMonitorNeverGetsTwoOwners() {
        DumpThread first = lock(t.thread("first", RUNNABLE, "a.A.a(A.java:1)"), 0, LOCKED, "0xc", "C").build();
        DumpThread second = lock(t.thread("second", RUNNABLE, "a.A.a(A.java:1)"), 0, LOCKED, "0xc", "C").build();
        LockGraph g = LockGraph.of(Threads.dump(first, second));
        assertThat(g.lock("0xc").owner()).isSameAs(first);
        assertThat(g.heldBy(second)).isEmpty();
        assertThat(g.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(second.line());
            assertThat(w.toString()).startsWith("test.txt:" + second.line() + ": \"second\" also shows <0xc> (a C)");
        });
    }

    @Test
    void reentrantLockedLinesOfOneThreadAreOneClaim() {
        DumpThread.Builder b = t.thread("re", RUNNABLE, "a.A.a(A.java:1)", "a.A.b(A.java:2)");
        lock(b, 0, LOCKED, "0xd", "D");
        DumpThread re = lock(b, 1, LOCKED, "0xd", "D").build();
        LockGraph g = LockGraph.of(Threads.dump(re));
        assertThat(g.lock("0xd").owner()).isSameAs(re);
        assertThat(g.warnings()).isEmpty();
    }

    @Test
    void synchronizerOwnerComesFromLockedOwnableSynchronizers() {
        DumpThread.Builder hb = t.thread("inventory-holder", TIMED_WAITING, "java.lang.Thread.sleep(Native Method)");
        hb.ownedSynchronizers.add(new LockRef("0xe", RL));
        DumpThread holder = hb.build();
        DumpThread parked = lock(t.thread("inventory-worker-1", WAITING, "jdk.internal.misc.Unsafe.park(Native Method)"),
                0, PARKING, "0xe", RL).build();
        LockGraph g = LockGraph.of(Threads.dump(holder, parked));
        LockInfo e = g.lock("0xe");
        assertThat(e.kind()).isEqualTo(LockInfo.Kind.SYNCHRONIZER);
        assertThat(e.owner()).isSameAs(holder);
        assertThat(e.parked()).containsExactly(parked);
        assertThat(g.waitsFor(parked)).isSameAs(e);
    }

    @Test
    void withoutDashLTheSynchronizerOwnerIsUnknownAndSaysWhy() {
        DumpThread parked = lock(t.thread("worker", WAITING, "jdk.internal.misc.Unsafe.park(Native Method)"),
                0, PARKING, "0xe", RL).build();
        LockInfo e = LockGraph.of(Threads.dump(parked)).lock("0xe");
        assertThat(e.owner()).isNull();
        assertThat(e.ownerStatus()).isEqualTo(LockInfo.OwnerStatus.UNKNOWN);
        assertThat(e.ownerNote()).contains("jstack -l");
    }

    @Test
    void latchesAndConditionsHaveNoOwner() {
        DumpThread parked = lock(t.thread("loader", WAITING, "jdk.internal.misc.Unsafe.park(Native Method)"),
                0, PARKING, "0xf", "java.util.concurrent.CountDownLatch$Sync").build();
        LockInfo f = LockGraph.of(Threads.dump(parked)).lock("0xf");
        assertThat(f.ownerStatus()).isEqualTo(LockInfo.OwnerStatus.NONE);
        assertThat(f.ownerNote()).isEmpty();
    }

    @Test
    void chainFollowsOwnersThatWaitThemselves() {
        DumpThread writer = lock(t.thread("ledger-writer", TIMED_WAITING, "app.L.write(L.java:4)"), 0, LOCKED,
                "0xacc", "Account").build();
        DumpThread.Builder fb = t.thread("audit-flusher", BLOCKED, "app.A.flush(A.java:8)", "app.A.run(A.java:2)");
        lock(fb, 0, WAITING_TO_LOCK, "0xacc", "Account");
        DumpThread flusher = lock(fb, 1, LOCKED, "0xobj", "java.lang.Object").build();
        DumpThread client = lock(t.thread("audit-client-1", BLOCKED, "app.A.record(A.java:3)"), 0, WAITING_TO_LOCK,
                "0xobj", "java.lang.Object").build();
        LockGraph g = LockGraph.of(Threads.dump(writer, flusher, client));
        assertThat(g.chain(g.lock("0xobj"))).extracting(LockInfo::id).containsExactly("0xobj", "0xacc");
        assertThat(g.chain(g.lock("0xacc"))).extracting(LockInfo::id).containsExactly("0xacc");
        assertThat(g.locks()).extracting(LockInfo::id).containsExactly("0xacc", "0xobj"); // equal waiters: by id
    }

    @Test
    void classInitializationIsHeldByTheThreadRunningClinit() {
        DumpThread.Builder ib = t.thread("init-a", RUNNABLE, "app.B.<clinit>(B.java:5)", "app.Main.lambda$0(Main.java:9)");
        DumpThread waiterForB = lock(t.thread("user", RUNNABLE, "app.Main.use(Main.java:20)"), 0, CLASS_INIT,
                "class-init:app.B", "app.B").build();
        DumpThread initializer = ib.build();
        LockGraph g = LockGraph.of(Threads.dump(waiterForB, initializer));
        LockInfo b = g.lock("class-init:app.B");
        assertThat(b.kind()).isEqualTo(LockInfo.Kind.CLASS_INIT);
        assertThat(b.owner()).isSameAs(initializer);
        assertThat(b.blocked()).containsExactly(waiterForB);
        assertThat(g.waitsFor(waiterForB)).isSameAs(b);
    }

    @Test
    void contendedLocksComeFirst() {
        DumpThread owner = lock(t.thread("o", RUNNABLE, "a.A.a(A.java:1)"), 0, LOCKED, "0x1", "X").build();
        DumpThread solo = lock(t.thread("s", RUNNABLE, "a.A.a(A.java:1)"), 0, LOCKED, "0x0", "X").build();
        DumpThread b1 = lock(t.thread("b1", BLOCKED, "a.A.b(A.java:2)"), 0, WAITING_TO_LOCK, "0x1", "X").build();
        ThreadDump d = Threads.dump(owner, solo, b1);
        assertThat(LockGraph.of(d).locks()).extracting(LockInfo::id).containsExactly("0x1", "0x0");
    }

    @Test
    void anObjectUsedAsMonitorAndParkBlockerIsAMonitorAndParkingOnItWaitsForNobody() {
        DumpThread.Builder hb = t.thread("vt-monitor-holder", WAITING, "java.lang.VirtualThread.park(VirtualThread.java:742)",
                "app.V.holdVault(V.java:126)");
        lock(hb, 0, PARKING, "app.Vault@1", "app.Vault");
        DumpThread holder = lock(hb, 1, LOCKED, "app.Vault@1", "app.Vault").build();
        DumpThread entering = lock(t.thread("vt-monitor-blocked-1", BLOCKED, "app.V.enterVault(V.java:133)"), 0,
                WAITING_TO_LOCK, "app.Vault@1", "app.Vault").build();
        DumpThread otherParker = lock(t.thread("parks-on-it", WAITING, "java.lang.VirtualThread.park(VirtualThread.java:742)"),
                0, PARKING, "app.Vault@1", "app.Vault").build();
        LockGraph g = LockGraph.of(Threads.dump(holder, entering, otherParker));
        LockInfo vault = g.lock("app.Vault@1");
        assertThat(vault.kind()).isEqualTo(LockInfo.Kind.MONITOR);
        assertThat(vault.owner()).isSameAs(holder);
        assertThat(vault.blocked()).containsExactly(entering);
        assertThat(vault.parked()).isEmpty();
        assertThat(g.waitsFor(entering)).isSameAs(vault);
        assertThat(g.waitsFor(holder)).isNull();
        assertThat(g.waitsFor(otherParker)).isNull();
    }

    @Test
    void waitOnAnUnknownObjectReleasedTheNearestLockedMonitorBelow() {
        DumpThread[] waiters = new DumpThread[2];
        for (int i = 0; i < 2; i++) {
            DumpThread.Builder b = t.thread("waiter-" + i, WAITING, "java.lang.Object.wait(java.base@17.0.15/Native Method)",
                    "java.lang.Object.wait(java.base@17.0.15/Object.java:338)", "scenario.Large.lambda$main$5(Large.java:57)");
            b.locks.add(new dev.dumplens.model.LockAction(0, WAITING_ON, null)); // "<no object reference available>"
            lock(b, 2, LOCKED, "0xc0d", "scenario.Large$Condition");
            waiters[i] = lock(b, 2, LOCKED, "0xout", "Outer").build();
        }
        LockGraph g = LockGraph.of(Threads.dump(waiters));
        LockInfo condition = g.lock("0xc0d");
        assertThat(condition.owner()).isNull();
        assertThat(condition.waiting()).containsExactly(waiters);
        assertThat(g.lock("0xout").owner()).as("a monitor held around the wait stays held").isSameAs(waiters[0]);
        assertThat(g.warnings()).hasSize(1); // both claim "Outer": genuinely contradictory, so reported
    }

    @Test
    void jdk8WokenWaiterWaitingToLockItsOwnLockedMonitorDoesNotHoldIt() {
        DumpThread owner = lock(t.thread("notifier", RUNNABLE, "app.Q.put(Q.java:5)"), 0, LOCKED, "0xq", "app.Q").build();
        DumpThread.Builder wb = t.thread("consumer", BLOCKED, "java.lang.Object.wait(Native Method)",
                "java.lang.Object.wait(Object.java:502)", "app.Q.take(Q.java:9)");
        lock(wb, 0, WAITING_TO_LOCK, "0xq", "app.Q");
        DumpThread woken = lock(wb, 2, LOCKED, "0xq", "app.Q").build();
        LockGraph g = LockGraph.of(Threads.dump(woken, owner));
        assertThat(g.lock("0xq").owner()).isSameAs(owner);
        assertThat(g.lock("0xq").blocked()).containsExactly(woken);
        assertThat(g.warnings()).isEmpty();
    }
}
