package scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Many virtual threads in a few distinct stacks, plus virtual threads that hold, wait for and pin.
 * The only argument is the total number of virtual threads (default 2,000); the parked bulk is split 60 % takers,
 * 25 % sleepers, the rest latch waiters. Run with {@code -Djdk.virtualThreadScheduler.parallelism=6} (the
 * capture script does).
 *
 * <ul>
 *   <li>{@code vt-taker-N}: WAITING in {@code LinkedBlockingQueue.take} on one shared queue</li>
 *   <li>{@code vt-sleeper-N}: TIMED_WAITING in {@code Thread.sleep}</li>
 *   <li>{@code vt-latch-N}: WAITING in {@code CountDownLatch.await}</li>
 *   <li>{@code vt-monitor-holder}: owns monitor {@code VirtualThreads$Vault} and parks inside it (WAITING);
 *       {@code vt-monitor-blocked-1..5}: BLOCKED on that monitor</li>
 *   <li>{@code vt-spinner}: owns monitor {@code VirtualThreads$Spin} and spins inside it (RUNNABLE, mounted on
 *       a carrier); {@code vt-spin-blocked-1..3}: BLOCKED on that monitor</li>
 *   <li>{@code vt-pinned-clinit}: sleeps inside the static initializer of {@code VirtualThreads$PinnedInit}, so
 *       it stays mounted (pinned) on its carrier; {@code vt-clinit-waiter-1..2} wait for that class's
 *       initialization, also pinned</li>
 * </ul>
 */
public final class VirtualThreads {
    static final int DEFAULT_TOTAL = 2000;
    static final int MONITOR_BLOCKED = 5;
    static final int SPIN_BLOCKED = 3;
    static final int CLINIT_WAITERS = 2;
    /** Virtual threads besides the parked bulk: holder, spinner, pinned initializer and their waiters. */
    static final int SPECIAL = 1 + MONITOR_BLOCKED + 1 + SPIN_BLOCKED + 1 + CLINIT_WAITERS;

    /** Monitor owned by a parked virtual thread. */
    static final class Vault {
    }

    /** Monitor owned by a spinning, mounted virtual thread. */
    static final class Spin {
    }

    /** Class whose initializer never finishes: the initializing virtual thread is pinned. */
    static final class PinnedInit {
        static final long STARTED = System.nanoTime();

        static {
            clinitEntered = true;
            Await.sleepForever();
        }
    }

    private static volatile boolean clinitEntered;
    private static volatile boolean spinning;
    private static volatile long sink;

    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch neverOpened = new CountDownLatch(1);
    private final Vault vault = new Vault();
    private final Spin spin = new Spin();

    public static void main(String[] args) {
        int bulk = (args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_TOTAL) - SPECIAL;
        int takers = bulk * 60 / 100;
        int sleepers = bulk * 25 / 100;
        new VirtualThreads().run(takers, sleepers, bulk - takers - sleepers);
        Await.ready("virtual-threads");
        Await.stayAlive();
    }

    private void run(int takers, int sleepers, int latchWaiters) {
        startAll("vt-taker-", takers, this::take, Thread.State.WAITING);
        startAll("vt-sleeper-", sleepers, () -> Await.sleepForever(), Thread.State.TIMED_WAITING);
        startAll("vt-latch-", latchWaiters, this::awaitLatch, Thread.State.WAITING);
        startAll("vt-monitor-holder", 0, this::holdVault, Thread.State.WAITING);
        startAll("vt-monitor-blocked-", MONITOR_BLOCKED, this::enterVault, Thread.State.BLOCKED);
        Thread spinner = Thread.ofVirtual().name("vt-spinner").start(this::spinInside);
        Await.until("vt-spinner spinning", () -> spinning);
        startAll("vt-spin-blocked-", SPIN_BLOCKED, this::enterSpin, Thread.State.BLOCKED);
        Thread.ofVirtual().name("vt-pinned-clinit").start(VirtualThreads::initPinned);
        Await.until("vt-pinned-clinit inside <clinit>", () -> clinitEntered);
        List<Thread> clinitWaiters = new ArrayList<>();
        for (int i = 1; i <= CLINIT_WAITERS; i++) {
            clinitWaiters.add(Thread.ofVirtual().name("vt-clinit-waiter-" + i).start(VirtualThreads::initPinned));
        }
        Await.until("clinit waiters started", () -> clinitWaiters.stream().allMatch(t -> t.getStackTrace().length > 0));
        Await.pause(500);
        Await.until("vt-spinner still running", () -> spinner.getState() == Thread.State.RUNNABLE);
    }

    /** Starts {@code count} virtual threads named prefix1..prefixN (or one named prefix when count is 0). */
    private static void startAll(String prefix, int count, Runnable body, Thread.State designed) {
        List<Thread> threads = new ArrayList<>();
        if (count == 0) {
            threads.add(Thread.ofVirtual().name(prefix).start(body));
        } else {
            for (int i = 1; i <= count; i++) {
                threads.add(Thread.ofVirtual().name(prefix + i).start(body));
            }
        }
        for (Thread t : threads) {
            Await.state(t, designed);
        }
    }

    private void take() {
        try {
            sink += queue.take().length();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitLatch() {
        try {
            neverOpened.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void holdVault() {
        synchronized (vault) {
            while (true) {
                LockSupport.park(vault);
            }
        }
    }

    private void enterVault() {
        synchronized (vault) {
            sink++;
        }
    }

    private void spinInside() {
        synchronized (spin) {
            spinning = true;
            long x = 1;
            while (true) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                if (x == 0) {
                    sink = x;
                }
            }
        }
    }

    private void enterSpin() {
        synchronized (spin) {
            sink++;
        }
    }

    private static void initPinned() {
        sink += PinnedInit.STARTED;
    }
}
