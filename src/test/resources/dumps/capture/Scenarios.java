import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Throwaway program whose thread dumps are the parser's test inputs (see ../README.md and capture.sh).
 * Modes: "locks" (tricky names and every kind of lock line), "log" (log lines and exception traces on stdout, to
 * be interleaved with SIGQUIT dumps). {@link VirtualThreads} is the JDK 21+ scenario.
 */
public class Scenarios {
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "locks": locks(); break;
            case "log": log(); break;
            default: throw new IllegalArgumentException(args[0]);
        }
        System.out.println("READY");
        System.out.flush();
        if (args[0].equals("locks")) Thread.sleep(Long.MAX_VALUE);
    }

    static Thread start(String name, boolean daemon, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(daemon);
        t.start();
        return t;
    }

    static void sleepForever() {
        try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    static void pause(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    static final Object GATE = new Object();
    static final Object ROOM = new Object();
    static final Object BELL = new Object();
    static final Object LEFT = new Object();
    static final Object RIGHT = new Object();
    static final ReentrantLock DOOR = new ReentrantLock();

    static void locks() throws Exception {
        CountDownLatch held = new CountDownLatch(2);
        start("quoted \"name\" here", false, () -> { synchronized (GATE) { held.countDown(); sleepForever(); } });
        start("fake\" #999 daemon prio=10 os_prio=0 cpu=0.00ms elapsed=0.00s tid=0x0000000000000000 nid=0x0 runnable  [0x0000000000000000]",
                true, () -> { DOOR.lock(); held.countDown(); sleepForever(); });
        held.await();
        start("line-one\nline-two", true, () -> { synchronized (GATE) { sink++; } });
        start("\u65e5\u672c\u8a9e-\u30b9\u30ec\u30c3\u30c9", true, () -> { synchronized (GATE) { sink++; } });
        start("emoji \uD83E\uDDF5 thread", true, Scenarios::waitInRoom);
        start("worker #1", true, Scenarios::waitInRoom);
        start("main", true, () -> { DOOR.lock(); DOOR.unlock(); });
        start("GC Thread#0", true, Scenarios::sleepForever);
        start("very-long-" + "x".repeat(300), true, Scenarios::sleepForever);
        Thread relocker = start("relocker", true, () -> {
            synchronized (BELL) { try { BELL.wait(); } catch (InterruptedException e) { return; } }
        });
        while (relocker.getState() != Thread.State.WAITING) pause(10);
        start("notifier", true, () -> { synchronized (BELL) { BELL.notifyAll(); sleepForever(); } });
        start("deadlock-left", true, () -> { synchronized (LEFT) { pause(300); synchronized (RIGHT) { sink++; } } });
        start("deadlock-right", true, () -> { synchronized (RIGHT) { pause(300); synchronized (LEFT) { sink++; } } });
        start("clinit-alpha", true, () -> sink += Alpha.VALUE);
        start("clinit-beta", true, () -> sink += Beta.VALUE);
        start("eliminator", true, Scenarios::eliminatedLock);
        pause(3000);
    }

    static void waitInRoom() {
        synchronized (ROOM) { try { ROOM.wait(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }
    }

    /** C2 removes the lock on an object that never escapes; the dump shows it as "eliminated". */
    static void eliminatedLock() {
        for (long i = 0; ; i++) {
            Object local = new Object();
            synchronized (local) {
                sink += i;
                if ((i & 0xFFFF) == 0) pause(i > 200_000_000L ? Long.MAX_VALUE : 0);
            }
        }
    }

    static class Alpha {
        static final int VALUE;
        static { pause(300); VALUE = Beta.VALUE + 1; }
    }

    static class Beta {
        static final int VALUE;
        static { pause(300); VALUE = Alpha.VALUE + 1; }
    }

    static void log() throws Exception {
        for (int round = 1; round <= 3; round++) {
            System.out.println("2026-01-01 10:00:0" + round + ".123 INFO [main] app.Service - round " + round + " started");
            start("request-" + round, true, Scenarios::sleepForever);
            try {
                throw new IllegalStateException("backend timed out (round " + round + ")");
            } catch (IllegalStateException e) {
                System.out.println("2026-01-01 10:00:0" + round + ".456 WARN [main] app.Service - request failed");
                e.printStackTrace(System.out);
            }
            System.out.println("\"quoted log line\" #1 prio=5 is not a thread");
            System.out.println("ROUND " + round + " DONE");
            System.out.flush();
            pause(1500);
        }
        System.out.println("2026-01-01 10:00:09.000 INFO [main] app.Service - shutting down");
    }
}
