package dev.dumplens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The program {@link ParseBench} dumps: many platform threads (20,000 by default) in the states of a busy server,
 * with stacks of varied depth, and an application log on stdout (a line every 100 ms, an exception trace every
 * second) between the SIGQUIT dumps. Prints "READY" when every thread is in place.
 */
public final class BenchScenario {
    private static final Object[] MONITORS = new Object[50];
    private static final ReentrantLock[] LOCKS = new ReentrantLock[20];
    private static volatile long sink;

    private BenchScenario() { }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        for (int i = 0; i < MONITORS.length; i++) MONITORS[i] = new Object();
        for (int i = 0; i < LOCKS.length; i++) LOCKS[i] = new ReentrantLock();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < MONITORS.length; i++) {
            int m = i;
            started.add(start("monitor-owner-" + i, () -> nest(3, () -> { synchronized (MONITORS[m]) { sleep(); } })));
        }
        for (int i = 0; i < LOCKS.length; i++) {
            int l = i;
            started.add(start("lock-owner-" + i, () -> nest(2, () -> { LOCKS[l].lock(); sleep(); })));
        }
        while (started.stream().anyMatch(t -> t.getState() != Thread.State.TIMED_WAITING)) Thread.sleep(10);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads / 5, threads / 5, 1, TimeUnit.HOURS,
                new LinkedBlockingQueue<>(), r -> new Thread(r, "http-nio-8080-exec-" + sink++));
        pool.prestartAllCoreThreads();
        for (int i = started.size() + threads / 5; i < threads; i++) {
            int n = i;
            int depth = 5 + i % 16;
            switch (i % 4) {
                case 0: start("blocked-worker-" + n, () -> nest(depth, () -> { synchronized (MONITORS[n % MONITORS.length]) { sink++; } })); break;
                case 1: start("parked-worker-" + n, () -> nest(depth, () -> { LOCKS[n % LOCKS.length].lock(); })); break;
                case 2: start("sleeper-" + n, () -> nest(depth, BenchScenario::sleep)); break;
                default: start("waiter-" + n, () -> nest(depth, BenchScenario::waitForever));
            }
        }
        Thread.sleep(2000);
        System.out.println("READY");
        System.out.flush();
        log();
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Runs {@code body} below {@code depth} extra frames, so stacks differ in depth. */
    private static void nest(int depth, Runnable body) {
        if (depth == 0) body.run();
        else nest(depth - 1, body);
        sink++;
    }

    private static void sleep() {
        try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    private static void waitForever() {
        Object o = new Object();
        synchronized (o) {
            try { o.wait(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
    }

    private static void log() throws InterruptedException {
        for (long i = 0; ; i++) {
            System.out.printf("2026-01-01 12:%02d:%02d.%03d INFO [main] bench.App - request %d served in %d ms%n",
                    i / 600 % 60, i / 10 % 60, i % 10 * 100, i, i % 37);
            if (i % 10 == 9) new IllegalStateException("upstream timeout " + i).printStackTrace(System.out);
            System.out.flush();
            Thread.sleep(100);
        }
    }
}
