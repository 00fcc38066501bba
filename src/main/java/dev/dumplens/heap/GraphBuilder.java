package dev.dumplens.heap;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.progress.ProgressMonitor;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns an opened HPROF file into a {@link HeapGraph}: pass 1 ({@link IndexPass}), the id index, GC roots and thread
 * frames ({@link Roots}), pass 2 ({@link EdgePass}, in parallel), then DFS, predecessor lists and dominators
 * ({@link Dominators}) and retained sizes by accumulating each node's size into its dominator in reverse preorder.
 * Large arrays are released as soon as the next step no longer needs them; columns a step does not read wait in a
 * temporary file ({@link Spill}), and the dump is unmapped while the graph steps run.
 */
final class GraphBuilder {
    private final HprofFile file;
    private final ProgressMonitor progress;
    private final List<ParseWarning> warnings;

    IndexPass pass1;
    Roots roots;
    ShallowSizeModel model;
    HeapGraph graph;
    private Spill spill;
    /** Per thread object, the edges to its frame nodes and thread-level locals, which follow its own references. */
    private final LongLongMap extraEdges = new LongLongMap(64);

    GraphBuilder(HprofFile file, ProgressMonitor progress) {
        this.file = file;
        this.progress = progress;
        this.warnings = file.warnings;
    }

    void build() throws DumpParseException {
        pass1 = new IndexPass(file, progress);
        pass1.run();
        int n = pass1.objectCount();
        if (n == 0) throw noObjects();
        ClassTable classes = pass1.classes;
        if (classes.unknownCount() > 0) {
            warn(classes.unknownCount() + " classes are used by objects but not described in the dump");
        }

        progress.phase("Indexing object ids", -1);
        IdIndex index = IdIndex.build(pass1.ids, pass1.classOf, pass1.minId, pass1.maxId);
        pass1.ids.clear();
        if (index.duplicates() > 0) warn(index.duplicates() + " object ids occur more than once; the first is used");
        boolean records = classes.byName("java.lang.Record") != null;
        model = ShallowSizeModel.guess(file.idSize, pass1.minId, pass1.maxId, records);
        int[] classOf = pass1.classOf.drainToArray(0);
        ClassInfo classClass = classes.byNameOrPseudo("java.lang.Class");
        for (ClassInfo c : classes.all) {
            if (!c.isPseudo() && c.objectIndex >= 0) classOf[c.objectIndex] = classClass.index;
        }
        int[] instanceUnits = ShallowSizes.instanceUnits(classes, model);
        long classInstanceBytes = classClass.isPseudo() ? model.instanceSize(0, 0)
                : ShallowSizes.bytes(instanceUnits[classClass.index]);

        roots = Roots.resolve(pass1.roots, index, classes, pass1.traces, n, warnings, file.source);
        int total = n + roots.frameNodes + 1;
        int superRoot = total - 1;
        int[] offsets = offsets(n, total);
        pass1.refCounts.clear();
        int[] edges = new int[offsets[total]];
        long[] rootBits = new long[(total + 63) >>> 6];
        for (int r : roots.nodes) rootBits[r >>> 6] |= 1L << r;
        // the per-object columns the graph steps do not read wait in a temporary file meanwhile
        spill = Spill.create();
        Spill.Column[] shallowSizes = readReferences(index, classOf, offsets, edges, rootBits, instanceUnits,
                classInstanceBytes);
        Future<Spill.Column> classColumn = spill.writeLater(classOf, 0, n);
        IdColumn ids = index.column();
        int[] idUnits = ids.units();
        Future<Spill.Column> idColumn = idUnits == null ? null : spill.writeLater(idUnits, 0, idUnits.length);
        progress.phase("Reading threads", roots.threads.size());
        readThreads(index);
        index = null;
        progress.phase("Linking references", -1);
        writeRootEdges(offsets, edges, rootBits, superRoot);
        compact(offsets, edges, total);
        if (pass1.damaged) edges = addOrphanRoots(offsets, edges, n, total, rootBits);
        file.bytes.release();
        Spill.Column classesAt = Spill.await(classColumn);
        if (idColumn != null) Spill.await(idColumn);
        classOf = null;
        IdColumn idShape = idUnits == null ? ids : ids.shape();
        ids = null;
        idUnits = null;
        collectGarbage();

        Dominators.Dfs dfs = Dominators.dfs(superRoot, offsets, edges, total, n, spill, progress);
        progress.phase("Indexing referrers", -1);
        int reachable = dfs.reachable();
        int[] pre = dfs.pre();
        if (dfs.unreached() > 0) {
            warn(dfs.unreached() + " objects are not reachable from any GC root; like MAT, they are left out");
        }
        roots.remap(pre);
        // the forward edges, now in preorder numbers and in the file, make room for the predecessor lists
        Spill.Column edgeStart = dfs.edgeStart();
        Spill.Column forward = dfs.forward();
        offsets = null;
        edges = null;
        collectGarbage();
        int[][] predecessors = Dominators.predecessors(reachable, pre, dfs.inDegree(), spill, edgeStart, forward,
                total);
        pre = null;
        // paths to GC roots read the predecessor lists later: they go to the file, the long one while the
        // dominators are computed (which only read it)
        Spill.Column predStartColumn = Spill.await(spill.writeLater(predecessors[0], 0, reachable + 1, edgeStart));
        Future<Spill.Column> predColumn = spill.writeLater(predecessors[1], 0, predecessors[1].length, forward);
        Spill.Column parents = dfs.parent();
        Spill.Column fileIndexes = dfs.vertex();
        dfs = null;
        collectGarbage();
        int[] dom = Dominators.compute(reachable, spill, parents, predecessors, progress);
        Spill.Mapped predStart = spill.map(predStartColumn);
        Spill.Mapped preds = spill.map(Spill.await(predColumn));
        predecessors = null;
        collectGarbage();

        progress.phase("Retained sizes", reachable);
        int[] fileIndex = spill.read(fileIndexes);
        int[] shallow = spill.read(shallowSizes, n);
        HeapGraph.Retained retained = new HeapGraph.Retained(reachable, dom, fileIndex, shallow);
        classOf = spill.read(classesAt);
        // ids are read for the few objects a report or view shows: they stay in the file, mapped
        ids = idColumn == null ? idShape : idShape.mapped(spill.map(Spill.await(idColumn)));
        graph = new HeapGraph(total, reachable, ids, classOf, shallow, fileIndex, dom, retained, predStart, preds,
                spill);
    }

    private void readThreads(IdIndex index) {
        ThreadDecoder decoder = new ThreadDecoder(reader(), index::indexOf);
        for (ThreadRoots t : roots.threads) t.facts = decoder.read(t.node);
    }

    /** Deletes the temporary file of a build that failed or was cancelled. */
    void discard() {
        if (spill != null) spill.close();
    }

    /**
     * The big arrays of the previous step are garbage now; collecting them before the next step allocates its own
     * keeps the process' resident memory near the live data instead of letting the heap grow by the sum of both.
     */
    private static void collectGarbage() {
        System.gc();
    }

    /** Random access to single objects of this file. */
    ObjectReader reader() {
        return new ObjectReader(file.bytes, pass1.segments.toArray(new IndexPass.Segment[0]), pass1.checkpoints,
                pass1.classes, pass1.names);
    }

    private DumpParseException noObjects() {
        String why = pass1.segments.isEmpty() ? "contains no heap dump records" : "contains no readable objects";
        if (!warnings.isEmpty()) {
            ParseWarning w = warnings.get(0);
            return new DumpParseException(file.source, -1, w.offset(), why + "; " + w.message());
        }
        return new DumpParseException(file.source, -1, file.bytes.size(), why
                + (file.bytes.size() == file.headerEnd ? " (HPROF header only)" : ""));
    }

    /** Edge offsets: each object's counted references plus, for thread objects, their frame nodes and locals. */
    private int[] offsets(int n, int total) throws DumpParseException {
        for (ThreadRoots t : roots.threads) extraEdges.put(t.node, extraEdges.get(t.node, 0) + t.extraEdges());
        int[] offsets = new int[total + 1];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = (int) sum;
            sum += pass1.refCounts.get(i) + extraEdges.get(i, 0);
            if (sum > Integer.MAX_VALUE - 16) {
                throw new DumpParseException(file.source, "more than 2^31 references: too large to analyse");
            }
        }
        int node = n;
        for (ThreadRoots t : roots.threads) {
            for (int f = 0; f < t.depth; f++) {
                if (t.frameNode[f] < 0) continue;
                offsets[node++] = (int) sum;
                sum += t.frameLocals[f].size();
            }
        }
        offsets[node] = (int) sum;
        sum += roots.nodes.length;
        offsets[total] = Math.toIntExact(sum);
        return offsets;
    }

    /**
     * Pass 2, on several threads: fills {@code edges}; returns the shallow sizes, written to the temporary file as
     * consecutive columns, one per thread, together holding every object in index order.
     */
    private Spill.Column[] readReferences(IdIndex index, int[] classOf, int[] offsets, int[] edges, long[] rootBits,
                                          int[] instanceUnits, long classInstanceBytes) {
        IndexPass.Segment[] segments = pass1.segments.toArray(new IndexPass.Segment[0]);
        Checkpoints cps = pass1.checkpoints;
        long first = segments[0].start();
        long span = segments[segments.length - 1].end() - first;
        progress.phase("Reading references", span);
        int n = pass1.objectCount();
        int workers = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), Math.min(8, span >>> 24)));
        int[] bounds = new int[workers + 1];
        bounds[workers] = cps.size();
        for (int w = 1; w < workers; w++) {
            bounds[w] = Math.max(bounds[w - 1], cps.atOrAfter(first + span / workers * w));
        }
        int[] firstObject = new int[workers + 1];
        firstObject[workers] = n;
        for (int w = workers - 1; w >= 0; w--) {
            firstObject[w] = bounds[w] < cps.size() ? cps.index(bounds[w]) : firstObject[w + 1];
        }
        AtomicLong done = new AtomicLong();
        EdgePass[] passes = new EdgePass[workers];
        Spill.Column[] shallow = new Spill.Column[workers];
        Workers.run(workers, "dumplens-heap-references-", w -> {
            int from = firstObject[w];
            int to = firstObject[w + 1];
            passes[w] = new EdgePass(file.bytes, pass1.classes, index, classOf, offsets, edges,
                    spill.sink(to - from), rootBits, model, instanceUnits, classInstanceBytes, done, progress);
            long start = bounds[w] < bounds[w + 1] ? cps.position(bounds[w]) : Long.MAX_VALUE;
            shallow[w] = passes[w].run(segments, start, from, to);
        });
        long dangling = 0;
        long overflow = 0;
        for (EdgePass p : passes) {
            dangling += p.dangling;
            overflow += p.overflow;
        }
        if (dangling > 0) warn(dangling + " references point to objects that are not in the dump; they are ignored");
        if (overflow > 0) warn(overflow + " references could not be placed (file changed while reading?)");
        return shallow;
    }

    /** Edges of thread objects to their frame nodes and thread-level locals, of frame nodes and of the super-root. */
    private void writeRootEdges(int[] offsets, int[] edges, long[] rootBits, int superRoot) {
        LongLongMap cursor = new LongLongMap(64);
        for (ThreadRoots t : roots.threads) {
            long pos = cursor.get(t.node, offsets[t.node + 1] - extraEdges.get(t.node, 0));
            for (int f = 0; f < t.depth; f++) {
                if (t.frameNode[f] < 0) continue;
                edges[(int) pos++] = t.frameNode[f];
                IntList locals = t.frameLocals[f];
                int q = offsets[t.frameNode[f]];
                for (int i = 0; i < locals.size(); i++) edges[q++] = nonRoot(locals.get(i), rootBits);
            }
            for (int i = 0; i < t.threadLocals.size(); i++) {
                edges[(int) pos++] = nonRoot(t.threadLocals.get(i), rootBits);
            }
            cursor.put(t.node, pos);
        }
        System.arraycopy(roots.nodes, 0, edges, offsets[superRoot], roots.nodes.length);
    }

    private static int nonRoot(int target, long[] rootBits) {
        return (rootBits[target >>> 6] & (1L << target)) != 0 ? -1 : target;
    }

    /**
     * In a dump that could not be read to the end, GC roots (HotSpot writes most of them last) and referrers may be
     * missing: then objects nothing references are taken as roots, so that what was read can still be analysed.
     * They become edges of the super-root, whose edges are the last ones of the array.
     */
    private int[] addOrphanRoots(int[] offsets, int[] edges, int n, int total, long[] rootBits) {
        long[] referenced = new long[rootBits.length];
        for (int k = 0, e = offsets[total]; k < e; k++) referenced[edges[k] >>> 6] |= 1L << edges[k];
        IntList orphans = new IntList();
        for (int i = 0; i < n; i++) {
            if ((referenced[i >>> 6] & (1L << i)) == 0 && (rootBits[i >>> 6] & (1L << i)) == 0) orphans.add(i);
        }
        if (orphans.size() == 0) return edges;
        int end = offsets[total];
        int[] out = java.util.Arrays.copyOf(edges, end + orphans.size());
        for (int i = 0; i < orphans.size(); i++) out[end + i] = orphans.get(i);
        offsets[total] = end + orphans.size();
        roots.addUnknown(orphans);
        warn("the dump is incomplete: " + orphans.size() + " objects that nothing references are taken as GC roots");
        return out;
    }

    /** Removes the -1 entries, shifting every node's edges down; {@code offsets[total]} becomes the new count. */
    private static void compact(int[] offsets, int[] edges, int total) {
        int w = 0;
        for (int v = 0; v < total; v++) {
            int s = offsets[v];
            int e = offsets[v + 1];
            offsets[v] = w;
            for (int k = s; k < e; k++) if (edges[k] >= 0) edges[w++] = edges[k];
        }
        offsets[total] = w;
    }

    private void warn(String message) {
        warnings.add(ParseWarning.atOffset(file.source, -1, message));
    }
}
