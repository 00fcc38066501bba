package scenario;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Deadlock cycles among virtual threads, which the JVM's own deadlock detection does not report.
 *
 * <ul>
 *   <li>ReentrantLock cycle: virtual thread {@code vthread-rl-east} holds {@code east} and parks on {@code west};
 *       {@code vthread-rl-west} holds {@code west} and parks on {@code east}</li>
 *   <li>monitor cycle: virtual thread {@code vthread-mon-left} holds {@code LeftMonitor} and is BLOCKED on
 *       {@code RightMonitor}; {@code vthread-mon-right} the reverse (JDK 24+ unmounts them; on JDK 21-23 they
 *       pin their carriers)</li>
 * </ul>
 */
public final class VirtualDeadlock {
    /** First monitor of the virtual monitor cycle. */
    static final class LeftMonitor {
    }

    /** Second monitor of the virtual monitor cycle. */
    static final class RightMonitor {
    }

    public static void main(String[] args) {
        reentrantLockCycle();
        monitorCycle();
        Await.ready("virtual-deadlock");
        Await.stayAlive();
    }

    private static void reentrantLockCycle() {
        ReentrantLock east = new ReentrantLock();
        ReentrantLock west = new ReentrantLock();
        CountDownLatch bothHoldFirst = new CountDownLatch(2);
        Thread eastThread = Thread.ofVirtual().name("vthread-rl-east").start(() -> lockBoth(east, west, bothHoldFirst));
        Thread westThread = Thread.ofVirtual().name("vthread-rl-west").start(() -> lockBoth(west, east, bothHoldFirst));
        Await.until("vthread-rl-east queued on west", () -> west.hasQueuedThread(eastThread));
        Await.until("vthread-rl-west queued on east", () -> east.hasQueuedThread(westThread));
    }

    private static void monitorCycle() {
        LeftMonitor left = new LeftMonitor();
        RightMonitor right = new RightMonitor();
        CountDownLatch bothHoldFirst = new CountDownLatch(2);
        Thread l = Thread.ofVirtual().name("vthread-mon-left").start(() -> lockBoth(left, right, bothHoldFirst));
        Thread r = Thread.ofVirtual().name("vthread-mon-right").start(() -> lockBoth(right, left, bothHoldFirst));
        Await.state(l, Thread.State.BLOCKED);
        Await.state(r, Thread.State.BLOCKED);
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

    private static void lockBoth(Object first, Object second, CountDownLatch bothHoldFirst) {
        synchronized (first) {
            arriveAndWait(bothHoldFirst);
            synchronized (second) {
                Await.pause(1);
            }
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
}
