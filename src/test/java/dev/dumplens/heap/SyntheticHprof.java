package dev.dumplens.heap;

import dev.dumplens.heap.SyntheticClasses.Klass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a synthetic HPROF 1.0.2 heap dump of any size with designed, known answers, streaming: nothing but the
 * current segment and a few numbers per thread is held in memory, so 100 M objects and more need no large JVM (the
 * benchmark scenario that dumps a real JVM would need ~36 GB of heap for them). Usage:
 * {@code java -cp target/test-classes:target/classes dev.dumplens.heap.SyntheticHprof OUT MILLION_OBJECTS THREADS}
 * (fractional millions allowed); prints the expected figures (see {@link Expected#print}).
 * <p>
 * <b>Layout, as HotSpot (JDK 17) writes it</b>: UTF8 and LOAD_CLASS records, one STACK_FRAME per frame and one
 * STACK_TRACE per thread, then HEAP_DUMP_SEGMENTs of at most 1 MiB holding the class dumps first, then every instance
 * and array in increasing address order (ids are addresses from {@code 0x600000000}, spanning well under 32 GB so the
 * dump reads as a compressed-references VM), then the GC roots: ROOT_THREAD_OBJECT with the thread's stack trace
 * serial, ROOT_JAVA_FRAME with thread serial and frame number, ROOT_STICKY_CLASS for every boot-loader class; then
 * HEAP_DUMP_END. Classes: see {@link SyntheticClasses}.
 * <p>
 * <b>Structure</b>, with {@code n} = 2/3 of the requested objects as {@code synthetic.Node}s (each with
 * {@code next}, {@code link}, {@code data}, {@code value}; every node at an even position has a {@code byte[]} of
 * 100–199 random bytes as {@code data}, so nodes plus payloads make the requested count):
 * <ul>
 *   <li>background: 70% of the nodes in chains of {@value #CHAIN} ({@code next}), each node also linked to a random
 *       earlier background node; the chain heads in an {@code Object[]} held by the static field
 *       {@code synthetic.Background.ROOTS} (class loaded by the application loader, reachable from the boot class
 *       {@code ClassLoaders} through {@code APP_LOADER} and the loader's {@code classes} array).</li>
 *   <li>threads {@code main} and {@code worker-000…}: worker {@code i} holds {@code i + 1} shares of the other 30%
 *       of the nodes, split over frame 2 ({@code outer}: half), frame 1 ({@code middle}: a quarter) and frame 0
 *       ({@code inner}: the rest), each as one local {@code Object[]} of chain heads with chains like the
 *       background's, linked to random earlier nodes of the same frame's chains — except every 7th node, whose
 *       {@code link} points to the worker's one background node, which frame 0 also holds as a local; and frame 0
 *       holds two {@code byte[1000]} each shared with a neighbouring worker.</li>
 * </ul>
 * <b>Expected answers</b> (MAT's semantics): a worker retains exactly its {@code Thread}, name {@code String} and
 * its {@code byte[]}, and per frame the {@code Object[]} plus its chains' nodes and payloads; not the background
 * (reachable from the static) nor the shared arrays (reachable from two threads). Sizes follow DumpLens' model for
 * this dump ({@link ShallowSizeModel#HOTSPOT_64_COMPRESSED}): instance {@code align8(12 + fields)} with references
 * at 4 bytes (a node is 32 bytes, a thread 56, a string 24), array {@code align8(16 + length × element)}, class
 * object {@code align8(size of a java.lang.Class + statics)}; computed here independently of DumpLens' code.
 */
public final class SyntheticHprof {
    /** Nodes per chain. */
    static final int CHAIN = 1000;
    private static final long HEAP_BASE = 0x6_0000_0000L;
    private static final long SYMBOL_BASE = 0x7f12_0000_0000L;
    private static final long FRAME_BASE = 0x7f13_0000_0000L;
    private static final int SEGMENT_BYTES = 1 << 20;
    private static final long TIMESTAMP = 1_700_000_000_000L;
    private static final int PAYLOAD_MIN = 100;
    private static final int PAYLOAD_SPREAD = 100;
    private static final int SHARED_BYTES = 1000;
    /** Address room for a node: its size. */
    private static final long NODE_SLOT = 32;
    private static final int FIRST_WORKER_TID = 20;
    /** JVMTI status of a parked thread: alive, waiting, indefinitely, parked. */
    private static final int PARKED = 0x0291;
    private static final int RUNNABLE = 0x0005;
    private static final String[] WORKER_METHODS = {"inner", "middle", "outer", "run"};
    private static final int[] WORKER_LINES = {40, 30, 20, 12};
    static final int FRAMES_WITH_LOCALS = 3;

    /**
     * What DumpLens must report for one thread.
     *
     * @param frameRetainedBytes  per frame, top first (workers: inner, middle, outer with locals, then 0 for
     *                            Worker.run and Thread.run)
     * @param backgroundLocalId   the background node frame 0 holds (not retained by the thread), or 0
     * @param sharedLocalIds      the two {@code byte[]} frame 0 shares with its neighbours (retained by neither)
     */
    public record ThreadFigures(String name, long tid, boolean daemon, long objectId, long retainedBytes,
                                long[] frameRetainedBytes, long backgroundLocalId, long[] sharedLocalIds) { }

    /**
     * The designed answers.
     *
     * @param objects      every object in the file (class objects included), all reachable
     * @param shallowBytes their summed shallow size
     * @param threads      largest retained size first
     */
    public record Expected(long objects, long shallowBytes, long fileBytes, long segments,
                           List<ThreadFigures> threads) {
        /** Tab-separated: {@code objects N}, {@code shallowBytes N}, then {@code thread NAME TID RETAINED F0,F1,…}. */
        public void print(Appendable out) throws IOException {
            out.append("objects\t").append(Long.toString(objects)).append('\n');
            out.append("shallowBytes\t").append(Long.toString(shallowBytes)).append('\n');
            for (ThreadFigures t : threads) {
                StringBuilder frames = new StringBuilder();
                for (long f : t.frameRetainedBytes()) frames.append(frames.length() == 0 ? "" : ",").append(f);
                out.append("thread\t").append(t.name()).append('\t').append(Long.toString(t.tid())).append('\t')
                        .append(Long.toString(t.retainedBytes())).append('\t').append(frames).append('\n');
            }
        }
    }

    /** Chains of nodes at fixed slots from {@code base}, their heads in the {@code Object[]} at {@code holder}. */
    private record Region(long holder, long base, long nodes) {
        /** A pair of nodes: the even one, the largest payload, the odd one. */
        static final long PAIR_SLOT = NODE_SLOT + SyntheticClasses.arrayBytes(PAYLOAD_MIN + PAYLOAD_SPREAD - 1, 1)
                + NODE_SLOT;

        long node(long k) {
            return base + (k >> 1) * PAIR_SLOT + ((k & 1) == 0 ? 0 : PAIR_SLOT - NODE_SLOT);
        }

        int chains() {
            return (int) ((nodes + CHAIN - 1) / CHAIN);
        }

        long span() {
            return (nodes + 1) / 2 * PAIR_SLOT;
        }
    }

    private final SyntheticClasses classes = new SyntheticClasses(SYMBOL_BASE);
    private final int workers;
    private final long backgroundNodes;
    private final long workerNodes;
    private final SplittableRandom random;
    private long cursor = HEAP_BASE;

    // laid out addresses
    private long loader;
    private long loaderClasses;
    private long group;
    private long[] groupName;
    private final String[] names;
    private final long[] threadObjects;
    private final long[][] threadNames;
    private Region background;
    private final long[] shared;
    private final Region[][] regions;
    private final long[] backgroundTargets;

    // while writing
    private HprofStreamWriter w;
    private long objects;
    private long shallow;

    private SyntheticHprof(long objectCount, int workers, long seed) {
        if (workers < 2) throw new IllegalArgumentException("at least 2 worker threads");
        if (classes.node.instanceBytes() != NODE_SLOT) throw new IllegalStateException("node size");
        this.workers = workers;
        long nodes = Math.max(objectCount * 2 / 3, 2000L * workers);
        this.backgroundNodes = nodes * 7 / 10;
        this.workerNodes = nodes - backgroundNodes;
        this.random = new SplittableRandom(seed);
        this.names = new String[workers + 1];
        this.threadObjects = new long[workers + 1];
        this.threadNames = new long[workers + 1][];
        this.shared = new long[workers];
        this.regions = new Region[workers][FRAMES_WITH_LOCALS];
        this.backgroundTargets = new long[workers];
        for (String s : List.of("main", "()V", "Main.java", "Worker.java", "Thread.java")) classes.symbol(s);
        for (String s : WORKER_METHODS) classes.symbol(s);
        layout();
    }

    /** Writes the dump of about {@code objects} objects with {@code workers} worker threads to {@code out}. */
    public static Expected write(Path out, long objects, int workers, long seed) throws IOException {
        return new SyntheticHprof(objects, workers, seed).writeTo(out);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: SyntheticHprof OUTPUT.hprof MILLION_OBJECTS THREADS");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long objects = Math.round(Double.parseDouble(args[1]) * 1e6);
        int threads = Integer.parseInt(args[2]);
        long start = System.nanoTime();
        Expected e = write(out, objects, threads, 42);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("wrote %s: %,d bytes, %,d objects, %,d segments in %.1f s (%.0f MB/s)%n", out, e.fileBytes(),
                e.objects(), e.segments(), seconds, e.fileBytes() / seconds / 1e6);
        e.print(System.out);
    }

    // ---- layout: every address, in file order

    private long alloc(long bytes) {
        long at = cursor;
        cursor += bytes;
        return at;
    }

    private Region region(long nodes) {
        long holder = alloc(SyntheticClasses.arrayBytes((nodes + CHAIN - 1) / CHAIN, SyntheticClasses.REFERENCE));
        Region r = new Region(holder, cursor, nodes);
        cursor += r.span();
        return r;
    }

    private long[] string(String text) {
        return new long[] {alloc(classes.string.instanceBytes()), alloc(SyntheticClasses.arrayBytes(text.length(), 1))};
    }

    private long nodesOf(int worker, int frame) {
        long shares = (long) workers * (workers + 1) / 2;
        long mine = workerNodes * (worker + 1) / shares;
        long outer = mine / 2;
        long middle = (mine - outer) / 2;
        return frame == 2 ? outer : frame == 1 ? middle : mine - outer - middle;
    }

    private void layout() {
        int serial = 0;
        for (Klass k : classes.all) {
            k.id = alloc(classes.classObjectBytes(k));
            k.serial = ++serial;
        }
        loader = alloc(classes.appLoader.instanceBytes());
        loaderClasses = alloc(SyntheticClasses.arrayBytes(classes.applicationClasses().size(), SyntheticClasses.REFERENCE));
        group = alloc(classes.threadGroup.instanceBytes());
        groupName = string("main");
        for (int t = 0; t <= workers; t++) {
            names[t] = t == 0 ? "main" : String.format("worker-%03d", t - 1);
            threadObjects[t] = alloc(classes.thread.instanceBytes());
            threadNames[t] = string(names[t]);
        }
        background = region(backgroundNodes);
        for (int i = 0; i < workers; i++) shared[i] = alloc(SyntheticClasses.arrayBytes(SHARED_BYTES, 1));
        for (int i = 0; i < workers; i++) {
            for (int f = FRAMES_WITH_LOCALS - 1; f >= 0; f--) regions[i][f] = region(nodesOf(i, f));
            backgroundTargets[i] = background.node(random.nextLong(backgroundNodes));
        }
        classes.classLoaders.setStatic("APP_LOADER", loader);
        classes.background.setStatic("ROOTS", background.holder());
        classes.string.setStatic("COMPACT_STRINGS", 1);
    }

    // ---- writing

    private Expected writeTo(Path out) throws IOException {
        List<ThreadFigures> figures = new ArrayList<>();
        try (HprofStreamWriter writer = new HprofStreamWriter(out, TIMESTAMP, SEGMENT_BYTES)) {
            w = writer;
            classes.writeSymbols(w);
            classes.writeLoadClasses(w);
            w.stackTrace(1, 0, new long[0]);
            writeStackTraces();
            classes.writeClassDumps(w, loader);
            for (Klass k : classes.all) count(classes.classObjectBytes(k));
            instance(classes.appLoader, loader, 0, 0, loaderClasses);
            w.objectArray(loaderClasses, classes.objects.id, classes.applicationClasses().size());
            for (Klass k : classes.applicationClasses()) w.id(k.id);
            count(SyntheticClasses.arrayBytes(classes.applicationClasses().size(), SyntheticClasses.REFERENCE));
            instance(classes.threadGroup, group, 0, groupName[0], 10, 0);
            writeString(groupName, "main");
            long[] threadBytes = new long[workers + 1];
            for (int t = 0; t <= workers; t++) threadBytes[t] = writeThread(t);
            writeRegion(background, 0);
            for (long s : shared) {
                w.zeroByteArray(s, SHARED_BYTES);
                count(SyntheticClasses.arrayBytes(SHARED_BYTES, 1));
            }
            long[][] frameBytes = new long[workers][];
            for (int i = 0; i < workers; i++) {
                frameBytes[i] = new long[WORKER_METHODS.length + 1];
                for (int f = FRAMES_WITH_LOCALS - 1; f >= 0; f--) {
                    frameBytes[i][f] = writeRegion(regions[i][f], backgroundTargets[i]);
                }
            }
            writeRoots();
            classes.writeStickyRoots(w);
            figures.add(new ThreadFigures("main", 1, false, threadObjects[0], threadBytes[0], new long[1], 0,
                    new long[0]));
            for (int i = 0; i < workers; i++) {
                long retained = threadBytes[i + 1];
                for (long f : frameBytes[i]) retained += f;
                figures.add(new ThreadFigures(names[i + 1], FIRST_WORKER_TID + i, true, threadObjects[i + 1],
                        retained, frameBytes[i], backgroundTargets[i],
                        new long[] {shared[i], shared[(i + workers - 1) % workers]}));
            }
        }
        figures.sort(Comparator.comparingLong(ThreadFigures::retainedBytes).reversed());
        return new Expected(objects, shallow, Files.size(out), w.segmentCount(), List.copyOf(figures));
    }

    private void count(long bytes) {
        objects++;
        shallow += bytes;
    }

    /** An INSTANCE_DUMP of {@code k} with these field values, the class' own fields first, then its superclasses'. */
    private long instance(Klass k, long id, long... values) throws IOException {
        w.instance(id, k.id, k.dataBytes());
        int v = 0;
        for (Klass c = k; c != null; c = c.superClass) {
            for (byte t : c.fieldTypes) w.value(t, values[v++]);
        }
        if (v != values.length) throw new IllegalStateException(k.vmName + ": " + values.length + " values");
        count(k.instanceBytes());
        return k.instanceBytes();
    }

    /** A Latin-1 {@code String} at {@code at[0]} with its {@code byte[]} at {@code at[1]}; returns their size. */
    private long writeString(long[] at, String text) throws IOException {
        long bytes = instance(classes.string, at[0], at[1], 0, 0, 0);
        w.byteArray(at[1], text.getBytes(StandardCharsets.ISO_8859_1));
        long array = SyntheticClasses.arrayBytes(text.length(), 1);
        count(array);
        return bytes + array;
    }

    /** Thread {@code t} (0 = main) and its name; returns what it retains of itself. */
    private long writeThread(int t) throws IOException {
        boolean worker = t > 0;
        long tid = worker ? FIRST_WORKER_TID + t - 1 : 1;
        // name, priority, daemon, interrupted, stillborn, eetop, target, group, contextClassLoader, tid, threadStatus
        long bytes = instance(classes.thread, threadObjects[t], threadNames[t][0], 5, worker ? 1 : 0, 0, 0,
                0x7f00_1000_0000L + 0x1000L * t, 0, group, loader, tid, worker ? PARKED : RUNNABLE);
        return bytes + writeString(threadNames[t], names[t]);
    }

    /**
     * The region's holder array and nodes; node {@code k}'s {@code link} is a random earlier node, or {@code outside}
     * for every 7th node when not 0. Returns the summed size.
     */
    private long writeRegion(Region g, long outside) throws IOException {
        int chains = g.chains();
        w.objectArray(g.holder(), classes.objects.id, chains);
        for (int c = 0; c < chains; c++) w.id(g.node((long) c * CHAIN));
        long bytes = SyntheticClasses.arrayBytes(chains, SyntheticClasses.REFERENCE);
        count(bytes);
        long nodeClass = classes.node.id;
        int nodeData = classes.node.dataBytes();
        long nodeBytes = classes.node.instanceBytes();
        long n = g.nodes();
        for (long k = 0; k < n; k++) {
            long at = g.node(k);
            long next = k + 1 < n && (k + 1) % CHAIN != 0 ? g.node(k + 1) : 0;
            long link = k == 0 ? 0 : outside != 0 && k % 7 == 0 ? outside : g.node(random.nextLong(k));
            long data = (k & 1) == 0 ? at + nodeBytes : 0;
            w.instance(at, nodeClass, nodeData);
            w.id(next);
            w.id(link);
            w.id(data);
            w.u4((int) (k % CHAIN));
            count(nodeBytes);
            bytes += nodeBytes;
            if (data != 0) {
                int length = PAYLOAD_MIN + random.nextInt(PAYLOAD_SPREAD);
                w.zeroByteArray(data, length);
                long array = SyntheticClasses.arrayBytes(length, 1);
                count(array);
                bytes += array;
            }
        }
        return bytes;
    }

    private void writeStackTraces() throws IOException {
        long frameId = FRAME_BASE;
        long[] mainFrames = {frameId++};
        w.stackFrame(mainFrames[0], classes.symbol("main"), classes.symbol("()V"), classes.symbol("Main.java"),
                classes.main.serial, 9);
        w.stackTrace(traceSerial(0), threadSerial(0), mainFrames);
        for (int t = 1; t <= workers; t++) {
            long[] frames = new long[WORKER_METHODS.length + 1];
            for (int f = 0; f < WORKER_METHODS.length; f++) {
                frames[f] = frameId++;
                w.stackFrame(frames[f], classes.symbol(WORKER_METHODS[f]), classes.symbol("()V"),
                        classes.symbol("Worker.java"), classes.worker.serial, WORKER_LINES[f]);
            }
            frames[WORKER_METHODS.length] = frameId++;
            w.stackFrame(frames[WORKER_METHODS.length], classes.symbol("run"), classes.symbol("()V"),
                    classes.symbol("Thread.java"), classes.thread.serial, 833);
            w.stackTrace(traceSerial(t), threadSerial(t), frames);
        }
    }

    private static int threadSerial(int t) {
        return t + 1;
    }

    private static int traceSerial(int t) {
        return t + 2;
    }

    private void writeRoots() throws IOException {
        for (int t = 0; t <= workers; t++) {
            w.rootThreadObject(threadObjects[t], threadSerial(t), traceSerial(t));
            if (t == 0) continue;
            int i = t - 1;
            for (int f = 0; f < FRAMES_WITH_LOCALS; f++) w.rootJavaFrame(regions[i][f].holder(), threadSerial(t), f);
            w.rootJavaFrame(backgroundTargets[i], threadSerial(t), 0);
            w.rootJavaFrame(shared[i], threadSerial(t), 0);
            w.rootJavaFrame(shared[(i + workers - 1) % workers], threadSerial(t), 0);
        }
    }
}
