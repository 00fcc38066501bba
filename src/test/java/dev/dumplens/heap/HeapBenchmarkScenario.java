package dev.dumplens.heap;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

/**
 * Builds a large heap for the heap benchmark (not a test) and dumps it:
 * {@code java -Xmx8g -cp target/test-classes dev.dumplens.heap.HeapBenchmarkScenario OUT.hprof [MILLION_OBJECTS] [THREADS]}
 * (defaults 27 and 128: about 2.5 GB of HPROF).
 * <p>
 * 70% of the objects form a shared background graph: nodes in chains of 1000, each node linked to a random earlier
 * node (so most objects have several referrers) and every second one holding a {@code byte[]} of 100–200 bytes. The
 * other 30% belong to the threads: thread {@code i} holds {@code (i + 1)} shares of private chains in the locals of
 * three nested frames, plus one reference into the background (which it must not be credited with), so the designed
 * ranking is by thread number, largest last.
 */
public final class HeapBenchmarkScenario {
    private static final int CHAIN = 1000;

    /** A graph node; fields as in typical application objects. */
    static final class Node {
        Node next;
        Node link;
        byte[] data;
        int value;

        Node(Node next, int value) {
            this.next = next;
            this.value = value;
        }
    }

    /** The background graph, reachable from a static field. */
    static Object[] background;

    private HeapBenchmarkScenario() { }

    public static void main(String[] args) throws Exception {
        long objects = (args.length > 1 ? Long.parseLong(args[1]) : 27) * 1_000_000L;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        SplittableRandom random = new SplittableRandom(42);
        long nodes = objects * 2 / 3;
        long backgroundNodes = nodes * 7 / 10;
        background = chains(backgroundNodes, random, null);
        long threadNodes = nodes - backgroundNodes;
        long shares = (long) threads * (threads + 1) / 2;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch never = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            long mine = threadNodes * (i + 1) / shares;
            Node shared = ((Node[]) background[random.nextInt(background.length)])[0];
            SplittableRandom r = random.split();
            Thread t = new Thread(() -> outer(mine, shared, r, ready, never), String.format("worker-%03d", i));
            t.setDaemon(true);
            t.start();
        }
        ready.await();
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
        System.out.println("dumped " + objects + " objects' worth, " + threads + " threads, to " + args[0]);
    }

    /** Chains of {@link #CHAIN} nodes, each linked to a random earlier node of the same set. */
    private static Object[] chains(long count, SplittableRandom random, Node outside) {
        int n = (int) Math.max(1, count / CHAIN);
        Object[] out = new Object[n];
        for (int c = 0; c < n; c++) {
            Node[] chain = new Node[CHAIN];
            Node prev = null;
            for (int i = CHAIN - 1; i >= 0; i--) {
                Node node = new Node(prev, i);
                if ((i & 1) == 0) node.data = new byte[100 + random.nextInt(100)];
                chain[i] = node;
                prev = node;
            }
            for (int i = 1; i < CHAIN; i++) {
                Object[] earlier = c == 0 ? new Object[] {chain} : out;
                Node[] from = (Node[]) earlier[random.nextInt(c == 0 ? 1 : c)];
                chain[i].link = i % 7 == 0 && outside != null ? outside : from[random.nextInt(CHAIN)];
            }
            out[c] = chain;
        }
        return out;
    }

    private static void outer(long nodes, Node shared, SplittableRandom random, CountDownLatch ready,
                              CountDownLatch never) {
        Object[] first = chains(nodes / 2, random, shared);
        middle(nodes - nodes / 2, shared, random, ready, never);
        keep(first);
    }

    private static void middle(long nodes, Node shared, SplittableRandom random, CountDownLatch ready,
                               CountDownLatch never) {
        Object[] second = chains(nodes / 2, random, shared);
        inner(nodes - nodes / 2, shared, random, ready, never);
        keep(second);
    }

    private static void inner(long nodes, Node shared, SplittableRandom random, CountDownLatch ready,
                              CountDownLatch never) {
        Object[] third = chains(nodes, random, shared);
        ready.countDown();
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        keep(third);
        keep(shared);
    }

    private static void keep(Object o) {
        if (o == null) System.out.println("gone");
    }
}
