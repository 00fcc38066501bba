package dev.dumplens.heap;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.CancelledException;
import dev.dumplens.progress.ProgressMonitor;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An analysed HPROF heap dump: retained heap per thread, per stack frame and per local, class histogram, dominators
 * and paths to GC roots, with Eclipse MAT's semantics — a virtual super-root references every GC root; a thread
 * object references its frames' locals, so a thread retains what only its stack keeps alive and an object reachable
 * from two threads is retained by neither; objects no GC root reaches are left out.
 * <p>
 * Open with {@link #open}. The file stays open (read-only) for reading single objects on demand until
 * {@link #close()}; no query may run concurrently with {@code close()}. Queries are thread-safe otherwise.
 */
public final class HeapSnapshot implements AutoCloseable {
    /** Format id used by {@link #toThreadDump()}. */
    public static final String FORMAT = "hprof";

    private final HprofFile file;
    private final HeapGraph g;
    private final ClassTable classes;
    private final Roots roots;
    private final ShallowSizeModel model;
    private final ObjectReader reader;
    private final List<ParseWarning> warnings;
    private final List<HeapThread> threads;
    private final Map<Integer, FrameRef> frameNodes = new HashMap<>();
    private final List<ClassHistogramEntry> histogram;
    private final long shallowBytes;

    private record FrameRef(ThreadRoots thread, int depth, StackFrame frame) { }

    private HeapSnapshot(HprofFile file, GraphBuilder built, ProgressMonitor progress) {
        this.file = file;
        this.g = built.graph;
        this.classes = built.pass1.classes;
        this.roots = built.roots;
        this.model = built.model;
        this.reader = built.reader();
        this.warnings = List.copyOf(file.warnings);
        progress.phase("Threads and histogram", -1);
        this.threads = buildThreads(built.pass1);
        long[] totals = new long[1];
        this.histogram = Histogram.compute(g, classes, totals);
        this.shallowBytes = totals[0];
    }

    /**
     * Reads and analyses an HPROF file ({@code .hprof}, or gzip-compressed). {@code source} is the name messages
     * use. Truncated or partly corrupt files yield what could be read, with {@link #warnings()}.
     *
     * @throws DumpParseException when the file is not an HPROF heap dump or holds no readable object
     * @throws dev.dumplens.progress.CancelledException when {@code progress} was cancelled
     */
    public static HeapSnapshot open(Path path, String source, ProgressMonitor progress) throws DumpParseException {
        HprofFile file = HprofFile.open(path, source, progress);
        GraphBuilder builder = new GraphBuilder(file, progress);
        boolean opened = false;
        try {
            builder.build();
            HeapSnapshot snapshot = new HeapSnapshot(file, builder, progress);
            opened = true;
            return snapshot;
        } catch (DumpParseException | CancelledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new DumpParseException(source, "not enough memory to analyse this dump; give the JVM more with -Xmx");
        } catch (java.io.UncheckedIOException e) {
            // cancelling by interrupting the thread closes the temporary file's channel under a read or write
            if (e.getCause() instanceof java.nio.channels.ClosedByInterruptException || progress.isCancelled()) {
                throw new CancelledException();
            }
            throw new DumpParseException(source, e.getMessage() + ": " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            throw new DumpParseException(source, "cannot analyse: " + e);
        } finally {
            if (!opened) {
                builder.discard();
                file.close();
            }
        }
    }

    public String source() { return file.source; }

    /** "1.0.2" or "1.0.1". */
    public String hprofVersion() { return file.version; }

    /** 4 or 8. */
    public int idSize() { return file.idSize; }

    /** When the dump was written, from the HPROF header (milliseconds since the epoch). */
    public long timestampMillis() { return file.timestampMillis; }

    public ShallowSizeModel shallowSizeModel() { return model; }

    /** Objects reachable from GC roots (the ones the analysis covers). */
    public long objectCount() {
        return g.reachable - 1L - roots.frameNodes;
    }

    /** Summed shallow size of the reachable objects. */
    public long shallowBytes() { return shallowBytes; }

    /** Objects in the file that no GC root reaches (left out of every figure). */
    public long unreachableObjectCount() { return g.nodes - g.reachable; }

    /** Problems met while reading (truncation, corrupt records, dangling references), with byte offsets. */
    public List<ParseWarning> warnings() { return warnings; }

    /** Every thread of the dump, largest retained heap first. */
    public List<HeapThread> threads() { return threads; }

    /** Classes by retained size of their instances, largest first. */
    public List<ClassHistogramEntry> histogram() { return histogram; }

    /** The objects directly below the super-root of the dominator tree, largest retained size first. */
    public List<HeapObject> topDominators(int limit) {
        return dominatedBy(0, limit);
    }

    /**
     * The objects {@code parent} immediately dominates, largest retained size first (a thread's frames are
     * see-through: a thread's children include what its frames dominate).
     */
    public List<HeapObject> dominated(HeapObject parent, int limit) {
        return dominatedBy(parent.node(), limit);
    }

    private List<HeapObject> dominatedBy(int node, int limit) {
        int[] dom = g.dominator;
        // the largest `limit` children, kept in a min-heap by retained size
        int[] heap = new int[Math.max(1, limit)];
        int size = 0;
        for (int p = 1; p < g.reachable && limit > 0; p++) {
            int d = dom[p];
            if (d != node && !(dom[d] == node && frameNodes.containsKey(d)) || frameNodes.containsKey(p)) continue;
            if (size < limit) {
                heap[size++] = p;
                siftUp(heap, size - 1);
            } else if (g.retained(p) > g.retained(heap[0])) {
                heap[0] = p;
                siftDown(heap, size);
            }
        }
        List<HeapObject> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(object(heap[i]));
        out.sort(Comparator.comparingLong(HeapObject::retainedBytes).reversed());
        return out;
    }

    private void siftUp(int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (g.retained(heap[i]) >= g.retained(heap[parent])) return;
            int t = heap[i];
            heap[i] = heap[parent];
            heap[parent] = t;
            i = parent;
        }
    }

    private void siftDown(int[] heap, int size) {
        for (int i = 0; ; ) {
            int l = 2 * i + 1;
            if (l >= size) return;
            int m = l + 1 < size && g.retained(heap[l + 1]) < g.retained(heap[l]) ? l + 1 : l;
            if (g.retained(heap[i]) <= g.retained(heap[m])) return;
            int t = heap[i];
            heap[i] = heap[m];
            heap[m] = t;
            i = m;
        }
    }

    /** The reachable object with this id. */
    public Optional<HeapObject> findObject(long id) {
        for (int p = 1; p < g.reachable; p++) {
            if (g.classOf(p) >= 0 && g.id(p) == id) return Optional.of(object(p));
        }
        return Optional.empty();
    }

    /** Why {@code o} is a GC root; empty when it is none (a thread's locals are roots only through their thread). */
    public Set<GcRootKind> rootKinds(HeapObject o) {
        return kinds(roots.kindsOf(o.node()));
    }

    /** A shortest reference chain from {@code o} to a GC root (breadth-first over incoming references). */
    public GcRootPath pathToGcRoot(HeapObject o) {
        int target = o.node();
        IntList queue = new IntList();
        IntList from = new IntList();
        long[] seen = new long[(g.reachable + 63) >>> 6];
        queue.add(target);
        from.add(-1);
        seen[target >>> 6] |= 1L << target;
        int found = -1;
        for (int head = 0; head < queue.size() && found < 0; head++) {
            int u = queue.get(head);
            if (roots.kindsOf(u) != 0) {
                found = head;
                break;
            }
            for (int k = g.predStart(u), e = g.predStart(u + 1); k < e; k++) {
                int v = g.pred(k);
                if (v == 0 || (seen[v >>> 6] & (1L << v)) != 0) continue;
                seen[v >>> 6] |= 1L << v;
                queue.add(v);
                from.add(head);
            }
        }
        IntList chain = new IntList();
        for (int i = found; i >= 0; i = from.get(i)) chain.add(queue.get(i));
        List<GcRootPath.Step> steps = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            int u = chain.get(i);
            if (frameNodes.containsKey(u)) continue;
            String via = i == 0 ? null : via(chain.get(i - 1), u);
            steps.add(new GcRootPath.Step(object(u), via, i == 0 ? kinds(roots.kindsOf(u)) : Set.of()));
        }
        return new GcRootPath(steps);
    }

    /** How {@code holder} references {@code node}: field name, array slot, frame local… ("?" when not found). */
    String via(int holder, int node) {
        FrameRef f = frameNodes.get(holder);
        if (f != null) return "local variable in " + f.frame.text();
        for (ThreadRoots t : roots.threads) {
            if (t.node == holder) {
                for (int i = 0; i < t.threadLocals.size(); i++) {
                    if (t.threadLocals.get(i) == node) {
                        return "held by the thread (" + GcRootKind.values()[t.threadKinds.get(i)].label() + ")";
                    }
                }
            }
        }
        String name = reader.referenceName(g.fileIndex[holder], g.id(node));
        return name == null ? "?" : name;
    }

    /** The heap dump's threads as a thread dump (format {@value #FORMAT}), for grouping and joins. */
    public ThreadDump toThreadDump() {
        List<DumpThread> out = new ArrayList<>();
        for (HeapThread t : threads) out.add(t.toDumpThread());
        LocalDateTime ts = LocalDateTime.ofInstant(Instant.ofEpochMilli(file.timestampMillis), ZoneId.systemDefault());
        return new ThreadDump(file.source, 0, 0, FORMAT, ts, "", null, out, List.of(), warnings);
    }

    /** The analysed graph, for tests in this package. */
    HeapGraph graph() { return g; }

    /** The object behind a node. */
    HeapObject object(int node) {
        int c = g.classOf(node);
        String name = c < 0 ? "<frame>" : classes.get(c).name;
        long retained = node < g.reachable ? g.retained(node) : g.shallow(node);
        return new HeapObject(node, g.id(node), name, g.shallow(node), retained);
    }

    private static Set<GcRootKind> kinds(int bits) {
        EnumSet<GcRootKind> s = EnumSet.noneOf(GcRootKind.class);
        for (GcRootKind k : GcRootKind.values()) if ((bits & 1 << k.ordinal()) != 0) s.add(k);
        return s;
    }

    private List<HeapThread> buildThreads(IndexPass pass1) {
        List<HeapThread> out = new ArrayList<>();
        for (ThreadRoots t : roots.threads) {
            List<StackFrame> stack = pass1.traces.frames(t.traceSerial, pass1.names);
            List<HeapFrame> frames = new ArrayList<>();
            for (int f = 0; f < t.depth; f++) {
                int fn = t.frameNode[f];
                if (fn >= 0) frameNodes.put(fn, new FrameRef(t, f, stack.get(f)));
                long retained = fn < 0 ? 0 : g.retained(fn);
                frames.add(new HeapFrame(f, stack.get(f), retained, locals(t.frameLocals[f], t.frameKinds[f])));
            }
            ThreadDecoder.Facts facts = t.facts;
            out.add(new HeapThread(facts.name(), facts.tid(), facts.daemon(), facts.priority(), facts.state(),
                    object(t.node), g.retained(t.node), frames, locals(t.threadLocals, t.threadKinds)));
        }
        out.sort(Comparator.comparingLong(HeapThread::retainedBytes).reversed());
        return List.copyOf(out);
    }

    private List<HeapLocal> locals(IntList nodes, IntList kinds) {
        if (nodes == null) return List.of();
        List<HeapLocal> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.add(new HeapLocal(object(nodes.get(i)), GcRootKind.values()[kinds.get(i)]));
        }
        out.sort(Comparator.comparingLong((HeapLocal l) -> l.object().retainedBytes()).reversed());
        return out;
    }

    @Override public void close() {
        g.close();
        file.close();
    }
}
