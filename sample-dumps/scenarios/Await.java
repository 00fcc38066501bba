package scenario;

import java.util.function.BooleanSupplier;

/**
 * Tiny helpers shared by the scenario programs: start named threads, wait until a thread reaches the
 * designed state, print the READY line, and stay alive until killed.
 */
final class Await {
    private static final long TIMEOUT_MILLIS = 60_000;

    private Await() {
    }

    /** Starts a platform thread with the given name. */
    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    /** Waits until {@code t} is in state {@code s}. */
    static void state(Thread t, Thread.State s) {
        until(t.getName() + " " + s, () -> t.getState() == s);
    }

    /** Waits until the condition holds, failing loudly after a minute. */
    static void until(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                System.out.println("FAILED waiting for " + what);
                System.exit(1);
            }
            pause(5);
        }
    }

    /** Prints the READY line the capture script waits for. */
    static void ready(String detail) {
        System.out.println("READY " + detail);
        System.out.flush();
    }

    /** Sleeps (TIMED_WAITING) until the process is killed. */
    static void sleepForever() {
        while (true) {
            pause(1_000_000);
        }
    }

    /** Parks the main thread in Thread.sleep until killed. */
    static void stayAlive() {
        sleepForever();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
