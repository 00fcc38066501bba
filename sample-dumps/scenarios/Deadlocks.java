package scenario;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every deadlock shape the analyzer must find, in one process.
 *
 * <ul>
 *   <li>2-thread monitor cycle: {@code pair-alpha} holds {@code PairLockA} and waits for {@code PairLockB};
 *       {@code pair-beta} holds {@code PairLockB} and waits for {@code PairLockA}</li>
 *   <li>3-thread monitor cycle over three {@code RingLock} instances: {@code ring-1 -> ring-2 -> ring-3 -> ring-1}</li>
 *   <li>ReentrantLock cycle: {@code rlock-east} holds {@code east} and parks on {@code west}; {@code rlock-west}
 *       the reverse</li>
 *   <li>bystanders (waiting, not in a cycle): {@code pair-bystander} BLOCKED on {@code PairLockA},
 *       {@code rlock-bystander} parked on {@code east}</li>
 *   <li>class-initialization deadlock the JVM does not report: {@code clinit-alpha} runs
 *       {@code InitAlpha.<clinit>} which needs {@code InitBeta}, {@code clinit-beta} runs
 *       {@code InitBeta.<clinit>} which needs {@code InitAlpha}</li>
 * </ul>
 */
public final class Deadlocks {
    /** First lock of the 2-thread monitor cycle. */
    static final class PairLockA {
    }

    /** Second lock of the 2-thread monitor cycle. */
    static final class PairLockB {
    }

    /** A lock of the 3-thread monitor cycle. */
    static final class RingLock {
        final String name;

        RingLock(String name) {
            this.name = name;
        }
    }

    /** Both class initializers arrive here before touching the other class. */
    static final CountDownLatch CLINIT_ARRIVALS = new CountDownLatch(2);

    /** Needs InitBeta while being initialized. */
    static final class InitAlpha {
        static final int VALUE;

        static {
            arriveAtClassInit();
            VALUE = InitBeta.VALUE + 1;
        }
    }

    /** Needs InitAlpha while being initialized. */
    static final class InitBeta {
        static final int VALUE;

        static {
            arriveAtClassInit();
            VALUE = InitAlpha.VALUE + 1;
        }
    }

    public static void main(String[] args) {
        PairLockA pairLockA = pairCycle();
        ringCycle();
        ReentrantLock east = reentrantLockCycle();
        bystanders(pairLockA, east);
        classInitDeadlock();
        Await.ready("deadlocks");
        Await.stayAlive();
    }

    private static PairLockA pairCycle() {
        PairLockA a = new PairLockA();
        PairLockB b = new PairLockB();
        CountDownLatch bothHoldFirst = new CountDownLatch(2);
        Thread alpha = Await.start("pair-alpha", () -> lockBoth(a, b, bothHoldFirst));
        Thread beta = Await.start("pair-beta", () -> lockBoth(b, a, bothHoldFirst));
        Await.state(alpha, Thread.State.BLOCKED);
        Await.state(beta, Thread.State.BLOCKED);
        return a;
    }

    private static void ringCycle() {
        RingLock[] ring = {new RingLock("ring-lock-1"), new RingLock("ring-lock-2"), new RingLock("ring-lock-3")};
        CountDownLatch allHoldFirst = new CountDownLatch(ring.length);
        Thread[] threads = new Thread[ring.length];
        for (int i = 0; i < ring.length; i++) {
            RingLock mine = ring[i];
            RingLock next = ring[(i + 1) % ring.length];
            threads[i] = Await.start("ring-" + (i + 1), () -> lockBoth(mine, next, allHoldFirst));
        }
        for (Thread t : threads) {
            Await.state(t, Thread.State.BLOCKED);
        }
    }

    private static ReentrantLock reentrantLockCycle() {
        ReentrantLock east = new ReentrantLock();
        ReentrantLock west = new ReentrantLock();
        CountDownLatch bothHoldFirst = new CountDownLatch(2);
        Thread eastThread = Await.start("rlock-east", () -> lockBoth(east, west, bothHoldFirst));
        Thread westThread = Await.start("rlock-west", () -> lockBoth(west, east, bothHoldFirst));
        Await.until("rlock-east queued on west", () -> west.hasQueuedThread(eastThread));
        Await.until("rlock-west queued on east", () -> east.hasQueuedThread(westThread));
        return east;
    }

    private static void bystanders(PairLockA pairLockA, ReentrantLock east) {
        Await.until("JVM sees 7 deadlocked threads", () -> deadlockedThreadCount() == 7);
        Thread bystander = Await.start("pair-bystander", () -> {
            synchronized (pairLockA) {
                Await.pause(1);
            }
        });
        Await.state(bystander, Thread.State.BLOCKED);
        Thread rlockBystander = Await.start("rlock-bystander", () -> {
            east.lock();
            east.unlock();
        });
        Await.until("rlock-bystander queued on east", () -> east.hasQueuedThread(rlockBystander));
    }

    private static void classInitDeadlock() {
        Thread alpha = Await.start("clinit-alpha", () -> System.out.println(InitAlpha.VALUE));
        Thread beta = Await.start("clinit-beta", () -> System.out.println(InitBeta.VALUE));
        Await.until("both class initializers started", () -> CLINIT_ARRIVALS.getCount() == 0);
        Await.until("both threads stuck in <clinit>", () -> stuckInClinit(alpha) && stuckInClinit(beta));
        Await.pause(500);
    }

    private static boolean stuckInClinit(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        return t.getState() != Thread.State.WAITING && stack.length > 0
                && stack[0].getMethodName().equals("<clinit>");
    }

    private static void arriveAtClassInit() {
        CLINIT_ARRIVALS.countDown();
        try {
            CLINIT_ARRIVALS.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void lockBoth(Object first, Object second, CountDownLatch allHoldFirst) {
        synchronized (first) {
            arriveAndWait(allHoldFirst);
            synchronized (second) {
                Await.pause(1);
            }
        }
    }

    private static void lockBoth(ReentrantLock first, ReentrantLock second, CountDownLatch bothHoldFirst) {
        first.lock();
        try {
            arriveAndWait(bothHoldFirst);
            second.lock();
            second.unlock();
        } finally {
            first.unlock();
        }
    }

    private static void arriveAndWait(CountDownLatch latch) {
        latch.countDown();
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int deadlockedThreadCount() {
        long[] ids = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        return ids == null ? 0 : ids.length;
    }
}
