package dev.dumplens.heap;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Builds a heap with known structure in its own JVM and dumps it with {@code HotSpotDiagnosticMXBean.dumpHeap}
 * (live objects only). Run as a child process: {@code java -cp test-classes dev.dumplens.heap.HeapScenario OUT.hprof};
 * it also writes {@code OUT.hprof.threads} (name, id and daemon flag of its threads, tab-separated, one per line) and
 * {@code OUT.hprof.jstack.txt}, a {@code jstack} thread dump of the process taken just before the heap dump, and
 * {@code OUT.hprof.jstack-earlier.txt}, one taken a second earlier.
 * <p>
 * Designed ground truth (payloads are {@code byte[]}s only the named frames' locals reference):
 * <ul>
 *   <li>{@code payload-A}: frame {@code holdOuter} holds {@link #A_OUTER}, the nested frame {@code holdInner} holds
 *       {@link #A_INNER}; thread retains both, each frame its own.</li>
 *   <li>{@code payload-B}: {@link #B} in one frame. {@code payload-C}: {@link #C}, daemon.</li>
 *   <li>{@code payload-D}: {@link #D} referenced from two of its frames: the thread retains it, neither frame does.</li>
 *   <li>{@code shared-1} / {@code shared-2}: both reference {@link #SHARED} (retained by neither, a top dominator of
 *       its own) and hold their own {@link #OWN_1} / {@link #OWN_2}.</li>
 *   <li>{@code static-held}: references {@link #STATIC} which a static field also references (retained by no thread)
 *       and holds its own {@link #OWN_STATIC}.</li>
 *   <li>{@code unicode-ü-名前}: a thread name that needs UTF-16 in a compact string; holds {@link #UNICODE}.</li>
 * </ul>
 * Designed ranking by retained heap: A, B, D, C, shared-1, unicode, shared-2, static-held.
 */
public final class HeapScenario {
    static final int MB = 1 << 20;
    static final int A_OUTER = 8 * MB;
    static final int A_INNER = MB;
    static final int B = 4 * MB;
    static final int C = 2 * MB;
    static final int D = 3 * MB;
    static final int SHARED = 6 * MB;
    static final int OWN_1 = 512 << 10;
    static final int OWN_2 = 256 << 10;
    static final int STATIC = 5 * MB;
    static final int OWN_STATIC = 128 << 10;
    static final int UNICODE = 384 << 10;
    static final String UNICODE_NAME = "unicode-\u00fc-\u540d\u524d";

    /** Keeps {@link #STATIC} reachable from a class, so that no thread retains it. */
    static byte[] staticPayload;

    private static final CountDownLatch READY = new CountDownLatch(8);
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private HeapScenario() { }

    public static void main(String[] args) throws Exception {
        staticPayload = new byte[STATIC];
        List<Thread> threads = new ArrayList<>();
        threads.add(start("payload-A", false, HeapScenario::holdOuter));
        threads.add(start("payload-B", false, () -> holdOne(new byte[B])));
        threads.add(start("payload-C", true, () -> holdOne(new byte[C])));
        threads.add(start("payload-D", false, () -> holdTwice(new byte[D])));
        startSharing(threads);
        threads.add(start("static-held", false, () -> holdShared(staticPayload, new byte[OWN_STATIC])));
        threads.add(start(UNICODE_NAME, false, () -> holdOne(new byte[UNICODE])));
        READY.await();
        threads.add(Thread.currentThread());
        StringBuilder facts = new StringBuilder();
        for (Thread t : threads) facts.append(t.getName()).append('\t').append(t.getId()).append('\t')
                .append(t.isDaemon()).append('\n');
        Files.writeString(Path.of(args[0] + ".threads"), facts.toString());
        jstack(Path.of(args[0] + ".jstack-earlier.txt"));
        Thread.sleep(1000);
        jstack(Path.of(args[0] + ".jstack.txt"));
        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        bean.dumpHeap(args[0], true);
        System.out.println("dumped " + threads.size() + " threads to " + args[0]);
        System.exit(0);
    }

    /** A thread dump of this process by the JDK's own {@code jstack}, taken just before the heap dump. */
    private static void jstack(Path out) throws Exception {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        Process p = new ProcessBuilder(jstack.toString(), Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
    }

    /** Starts the two threads sharing one payload; no frame of the main thread keeps it. */
    private static void startSharing(List<Thread> threads) {
        byte[] shared = new byte[SHARED];
        threads.add(start("shared-1", false, () -> holdShared(shared, new byte[OWN_1])));
        threads.add(start("shared-2", false, () -> holdShared(shared, new byte[OWN_2])));
    }

    private static Thread start(String name, boolean daemon, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(daemon);
        t.start();
        return t;
    }

    private static void holdOuter() {
        byte[] outer = new byte[A_OUTER];
        holdInner();
        keep(outer);
    }

    private static void holdInner() {
        byte[] inner = new byte[A_INNER];
        park();
        keep(inner);
    }

    private static void holdOne(byte[] payload) {
        park();
        keep(payload);
    }

    private static void holdTwice(byte[] payload) {
        byte[] same = payload;
        holdOne(same);
        keep(payload);
    }

    private static void holdShared(byte[] shared, byte[] own) {
        park();
        keep(shared);
        keep(own);
    }

    private static void park() {
        READY.countDown();
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void keep(byte[] b) {
        if (b.length == 42) System.out.println(b[0]);
    }
}
