import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Throwaway program whose state is captured with {@code jcmd <pid> Thread.dump_to_file} for the parser tests
 * (see README.md beside it). Not compiled by the build: run it with a JDK 21+ as a single-file program.
 * After every thread has reached its blocking point it prints "READY" and stays quiescent until killed.
 */
public class JdkDumpScenario {
    static final Object PLATFORM_MONITOR = new PlatformMonitor();
    static final Object VIRTUAL_MONITOR = new VirtualMonitor();
    static final Object WAIT_ROOM = new WaitRoom();
    static final ReentrantLock LOCK = new ReentrantLock();
    static final CountDownLatch NEVER = new CountDownLatch(1);
    /** Thread names that break naive parsers: quotes, '#', a newline, unicode, a very long name. */
    static final List<String> TRICKY_NAMES = List.of(
            "odd \"quoted\" name", "#7 \"not a header\" RUNNABLE", "name with\nnewline",
            "\u00fcn\u00efc\u00f8d\u00e9-\u30b9\u30ec\u30c3\u30c9", "long-" + "x".repeat(300));
    static volatile boolean spin = true;
    static volatile long spins;

    static final class PlatformMonitor { }
    static final class VirtualMonitor { }
    static final class WaitRoom { }

    /** Its initializer sleeps, pinning the virtual thread that runs it to its carrier. */
    static final class SlowInit {
        static { sleep(); }
        static void touch() { }
    }

    public static void main(String[] args) throws Exception {
        List<Thread> all = new ArrayList<>();
        all.add(Thread.ofPlatform().name("monitor-holder").start(() -> {
            synchronized (PLATFORM_MONITOR) { sleep(); }
        }));
        awaitState(all.get(0), Thread.State.TIMED_WAITING);
        for (int i = 1; i <= 3; i++) {
            all.add(Thread.ofPlatform().name("monitor-blocked-" + i).start(() -> {
                synchronized (PLATFORM_MONITOR) { sleep(); }
            }));
        }
        Thread lockHolder = Thread.ofPlatform().name("lock-holder").start(() -> {
            LOCK.lock();
            sleep();
        });
        all.add(lockHolder);
        while (!LOCK.isLocked()) Thread.sleep(5);
        for (int i = 1; i <= 3; i++) {
            all.add(Thread.ofPlatform().name("lock-parked-" + i).start(LOCK::lock));
        }
        for (int i = 1; i <= 2; i++) {
            all.add(Thread.ofPlatform().name("platform-waiter-" + i).start(JdkDumpScenario::waitForever));
        }

        for (String name : TRICKY_NAMES) {
            all.add(Thread.ofPlatform().name(name).start(JdkDumpScenario::awaitNever));
        }

        Thread vtHolder = Thread.ofVirtual().name("vt-holder").start(() -> {
            synchronized (VIRTUAL_MONITOR) { sleep(); }
        });
        all.add(vtHolder);
        awaitState(vtHolder, Thread.State.TIMED_WAITING);
        for (int i = 1; i <= 10; i++) {
            all.add(Thread.ofVirtual().name("vt-blocked-" + i).start(() -> {
                synchronized (VIRTUAL_MONITOR) { sleep(); }
            }));
        }
        for (int i = 1; i <= 20; i++) {
            all.add(Thread.ofVirtual().name("vt-parked-" + i).start(JdkDumpScenario::awaitNever));
        }
        for (int i = 1; i <= 5; i++) {
            all.add(Thread.ofVirtual().name("vt-lock-parked-" + i).start(LOCK::lock));
        }
        for (int i = 1; i <= 5; i++) {
            all.add(Thread.ofVirtual().name("vt-waiter-" + i).start(JdkDumpScenario::waitForever));
        }
        all.add(Thread.ofVirtual().name("vt-pinned-clinit").start(SlowInit::touch));
        all.add(Thread.ofVirtual().name("vt-spinner").start(JdkDumpScenario::spin));
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < 6; i++) executor.submit(JdkDumpScenario::sleep);

        for (Thread t : all) {
            while (t.getState() == Thread.State.NEW || t.getState() == Thread.State.RUNNABLE) {
                if (t.getName().equals("vt-spinner")) break;
                Thread.sleep(5);
            }
        }
        Thread.sleep(500);
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        sleep();
    }

    static void sleep() {
        try {
            Thread.sleep(TimeUnit.HOURS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void waitForever() {
        synchronized (WAIT_ROOM) {
            try {
                WAIT_ROOM.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void awaitNever() {
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void spin() {
        while (spin) spins++;
    }

    static void awaitState(Thread t, Thread.State state) throws InterruptedException {
        while (t.getState() != state) Thread.sleep(5);
    }
}
