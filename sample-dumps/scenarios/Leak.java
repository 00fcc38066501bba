package scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A leaking service that advances one step per line read from stdin, so successive dumps are deterministic.
 *
 * <p>At start: a healthy pool {@code pool-1-thread-1..8} (idle in {@code ThreadPoolExecutor.getTask}), a stable
 * pool {@code http-nio-8080-exec-1..10} (idle in {@code Leak$TaskQueue.take}) and {@code ledger-owner}, which
 * sleeps inside the {@code Leak$Ledger} monitor forever. Each step handles {@value #REQUESTS_PER_STEP} requests;
 * every request leaks a new {@code Executors.newFixedThreadPool(1)} (its worker idles with the same stack as
 * pool-1) and a {@code request-handler-N} thread parked in {@code SynchronousQueue.take}; each step also adds
 * {@value #LEDGER_WAITERS_PER_STEP} {@code ledger-waiter-N} threads BLOCKED on the ledger. After step k:
 * pool-2..pool-(5k+1) hold 5k threads, request-handler 5k, ledger-waiter 2k. Step 2 logs one failed request
 * with a stack trace. Prints {@code READY step=k} when all new threads are in their designed state.
 * (Small per-step growth keeps the four-dump kill -3 log under 300 KB.)
 */
public final class Leak {
    static final int HEALTHY_POOL = 8;
    static final int HTTP_POOL = 10;
    static final int REQUESTS_PER_STEP = 5;
    static final int LEAKED_POOL_SIZE = 1;
    static final int LEDGER_WAITERS_PER_STEP = 2;
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** The monitor held forever by ledger-owner. */
    static final class Ledger {
        synchronized void hold() {
            Await.sleepForever();
        }

        synchronized void post() {
            Await.pause(1);
        }
    }

    /** Tomcat-like task queue, so the http pool has a stack of its own. */
    static final class TaskQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public Runnable take() throws InterruptedException {
            return super.take();
        }
    }

    private final Ledger ledger = new Ledger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger ledgerWaiters = new AtomicInteger();
    private final List<ExecutorService> leakedPools = new ArrayList<>(); // kept forever, never shut down
    private int step;

    public static void main(String[] args) throws IOException, InterruptedException, ExecutionException {
        new Leak().serve();
    }

    private void serve() throws IOException, InterruptedException, ExecutionException {
        ThreadPoolExecutor healthy = (ThreadPoolExecutor) Executors.newFixedThreadPool(HEALTHY_POOL);
        healthy.prestartAllCoreThreads();
        ThreadPoolExecutor http = new ThreadPoolExecutor(HTTP_POOL, HTTP_POOL, 60, TimeUnit.SECONDS, new TaskQueue(),
                r -> daemon(r, "http-nio-8080-exec-" + nextHttpId()));
        http.prestartAllCoreThreads();
        Await.state(Await.start("ledger-owner", ledger::hold), Thread.State.TIMED_WAITING);
        log("INFO ", "Service started: worker pool " + HEALTHY_POOL + ", http pool " + HTTP_POOL);
        Await.until("start-up threads settled", () -> settled(0));
        Await.ready("step=0");
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (stdin.readLine() != null) {
            step++;
            handleStep();
            Await.until("step " + step + " settled", () -> settled(step));
            Await.ready("step=" + step);
        }
    }

    private void handleStep() throws InterruptedException, ExecutionException {
        for (int i = 0; i < REQUESTS_PER_STEP; i++) {
            int id = requests.incrementAndGet();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(LEAKED_POOL_SIZE);
            leakedPools.add(pool);
            Future<Integer> result = pool.submit(() -> checksum("request-" + id));
            int sum = result.get();
            Await.start("request-handler-" + id, Leak::awaitHandOff);
            if (step == 2 && i == 2) {
                logFailure(id);
            } else {
                log("INFO ", "Handled request #" + id + " checksum=" + Integer.toHexString(sum) + " in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
            }
        }
        for (int i = 0; i < LEDGER_WAITERS_PER_STEP; i++) {
            Await.start("ledger-waiter-" + ledgerWaiters.incrementAndGet(), ledger::post);
        }
        log("WARN ", "Ledger busy: " + ledgerWaiters.get() + " postings queued");
    }

    private boolean settled(int k) {
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        return count(all, "pool-1-thread-", Thread.State.WAITING) == HEALTHY_POOL
                && count(all, "http-nio-8080-exec-", Thread.State.WAITING) == HTTP_POOL
                && countLeaked(all) == REQUESTS_PER_STEP * LEAKED_POOL_SIZE * k
                && count(all, "request-handler-", Thread.State.WAITING) == REQUESTS_PER_STEP * k
                && count(all, "ledger-waiter-", Thread.State.BLOCKED) == LEDGER_WAITERS_PER_STEP * k;
    }

    private static long count(Map<Thread, StackTraceElement[]> all, String prefix, Thread.State state) {
        return all.keySet().stream().filter(t -> t.getName().startsWith(prefix) && t.getState() == state).count();
    }

    private static long countLeaked(Map<Thread, StackTraceElement[]> all) {
        return all.keySet().stream()
                .filter(t -> t.getName().startsWith("pool-") && !t.getName().startsWith("pool-1-"))
                .filter(t -> t.getState() == Thread.State.WAITING)
                .count();
    }

    private static void awaitHandOff() {
        try {
            new SynchronousQueue<String>().take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int checksum(String payload) {
        return payload.hashCode();
    }

    private static final AtomicInteger HTTP_IDS = new AtomicInteger();

    private static int nextHttpId() {
        return HTTP_IDS.incrementAndGet();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void logFailure(int id) {
        try {
            callUpstream(id);
        } catch (IllegalStateException e) {
            log("ERROR", "Request #" + id + " failed");
            e.printStackTrace(System.out);
        }
    }

    private static void callUpstream(int id) {
        try {
            throw new java.net.SocketTimeoutException("Read timed out after 3000 ms (request #" + id + ")");
        } catch (java.net.SocketTimeoutException e) {
            throw new IllegalStateException("upstream inventory service unavailable", e);
        }
    }

    private static void log(String level, String message) {
        System.out.println(LocalDateTime.now().format(LOG_TIME) + " " + level + " [main] scenario.Leak - " + message);
    }
}
