package dev.dumplens.heap;

import org.netbeans.lib.profiler.heap.GCRoot;
import org.netbeans.lib.profiler.heap.Heap;
import org.netbeans.lib.profiler.heap.HeapFactory;
import org.netbeans.lib.profiler.heap.Instance;
import org.netbeans.lib.profiler.heap.JavaFrameGCRoot;
import org.netbeans.lib.profiler.heap.PrimitiveArrayInstance;
import org.netbeans.lib.profiler.heap.ThreadObjectGCRoot;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The NetBeans side of the heap comparison (not a test): the per-thread answer computed with the NetBeans profiler
 * library ({@code org-netbeans-lib-profiler}, VisualVM's heap engine) through its public API.
 * {@code java -Xmx16g -cp test-classes:org-netbeans-lib-profiler.jar dev.dumplens.heap.NetBeansBenchmark FILE [TOP]}
 * prints the time of each step and the TOP threads (default 10, 0 for all) by retained size.
 * <p>
 * The library's dominator tree has every GC root as a root of its own (a frame local is not linked to its thread), so
 * a thread's figure here is the retained size of its thread object plus that of each distinct object its Java frames
 * hold (ROOT_JAVA_FRAME; this version does not tie JNI locals to threads). Those are disjoint subtrees, so the sum
 * counts nothing twice, but it misses what several locals of one thread share and nothing else reaches, which
 * DumpLens credits to the thread. The thread object's own retained size, which VisualVM shows for a thread, is
 * printed beside it.
 * <p>
 * The library keeps its work files in {@code FILE.hprof.nbcache} next to the dump (or in the temp directory when that
 * cannot be created) and saves its results there, which a later run would load instead of computing: this refuses to
 * start when that directory exists, and deletes it at the end.
 */
public final class NetBeansBenchmark {
    private NetBeansBenchmark() { }

    /** A thread object and the distinct objects its Java frames hold. */
    private record ThreadRoots(Instance thread, Set<Instance> locals) { }

    /** A thread's figures, in bytes. */
    private record ThreadRetained(String name, long threadObject, long withLocals) { }

    public static void main(String[] args) throws IOException {
        File dump = new File(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path cache = Path.of(dump.getPath() + ".nbcache");
        if (Files.exists(cache)) {
            System.err.println(cache + " exists: NetBeans would load its earlier results from it; remove it first");
            System.exit(2);
        }
        try {
            run(dump, top);
        } finally {
            System.out.printf("cache %s: %,d bytes at the end; deleted%n", cache, sizeOf(cache));
            delete(cache);
        }
    }

    private static void run(File dump, int top) throws IOException {
        long start = System.nanoTime();
        Heap heap = HeapFactory.createHeap(dump);
        long opened = System.nanoTime();
        Map<Long, ThreadRoots> byThread = threadRoots(heap);
        long rooted = System.nanoTime();
        List<ThreadRetained> threads = new ArrayList<>();
        long sum = 0;
        for (ThreadRoots t : byThread.values()) {
            long own = t.thread().getRetainedSize();   // the first call computes the dominator tree
            long withLocals = own;
            for (Instance local : t.locals()) {
                if (!local.equals(t.thread())) withLocals += local.getRetainedSize();
            }
            threads.add(new ThreadRetained(name(t.thread()), own, withLocals));
            sum += withLocals;
        }
        long end = System.nanoTime();
        System.out.printf("opened in %.1f s, GC roots in %.1f s, retained sizes in %.1f s, %.1f s in all;"
                        + " %,d objects; %d threads retain %,d bytes%n",
                (opened - start) / 1e9, (rooted - opened) / 1e9, (end - rooted) / 1e9, (end - start) / 1e9,
                heap.getSummary().getTotalLiveInstances(), threads.size(), sum);
        threads.sort(Comparator.comparingLong(ThreadRetained::withLocals).reversed());
        System.out.println("retained bytes: with locals\tthread object\tthread");
        for (ThreadRetained t : top == 0 ? threads : threads.subList(0, Math.min(top, threads.size()))) {
            System.out.printf("%d\t%d\t%s%n", t.withLocals(), t.threadObject(), t.name());
        }
    }

    /** Every thread object with the objects its Java frames hold, in the order of the root records. */
    private static Map<Long, ThreadRoots> threadRoots(Heap heap) {
        Map<Long, ThreadRoots> byThread = new LinkedHashMap<>();
        for (Object o : heap.getGCRoots()) {
            GCRoot root = (GCRoot) o;
            ThreadObjectGCRoot threadRoot = root instanceof ThreadObjectGCRoot t ? t
                    : root instanceof JavaFrameGCRoot f ? f.getThreadGCRoot() : null;
            if (threadRoot == null || threadRoot.getInstance() == null || root.getInstance() == null) continue;
            Instance thread = threadRoot.getInstance();
            ThreadRoots roots = byThread.computeIfAbsent(thread.getInstanceId(),
                    id -> new ThreadRoots(thread, new LinkedHashSet<>()));
            if (root instanceof JavaFrameGCRoot) roots.locals().add(root.getInstance());
        }
        return byThread;
    }

    /** The thread's {@code name} (Latin-1 or UTF-16 bytes since JDK 9, chars before), or its class and number. */
    private static String name(Instance thread) {
        if (thread.getValueOfField("name") instanceof Instance s
                && s.getValueOfField("value") instanceof PrimitiveArrayInstance array) {
            List<?> values = array.getValues();
            StringBuilder out = new StringBuilder();
            boolean utf16 = s.getValueOfField("coder") instanceof Byte coder && coder == 1;
            for (int i = 0; i < values.size(); i++) {
                String v = (String) values.get(i);
                if (array.getJavaClass().getName().equals("char[]")) {
                    out.append(v);
                } else if (utf16) {   // HotSpot keeps UTF-16 strings in the platform's byte order; x86 is little-endian
                    out.append((char) (unsigned(v) | unsigned(values.get(++i)) << 8));
                } else {
                    out.append((char) unsigned(v));
                }
            }
            return out.toString();
        }
        return thread.getJavaClass().getName() + "#" + thread.getInstanceNumber();
    }

    private static int unsigned(Object byteValue) {
        return Byte.parseByte((String) byteValue) & 0xFF;
    }

    private static long sizeOf(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
