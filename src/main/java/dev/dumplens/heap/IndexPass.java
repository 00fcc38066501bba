package dev.dumplens.heap;

import dev.dumplens.model.ParseWarning;
import dev.dumplens.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first pass over the file. Top-level records (names, classes loaded, stack frames and traces) are read in order,
 * and the heap dump's segments are listed. The segments are then indexed by {@link SegmentIndexer}s: the first ones,
 * up to the end of the class dumps HotSpot writes first, in order; the rest in parallel on consecutive runs of
 * segments, merged afterwards. The result, per object in file order: id, class, reference count; plus GC roots,
 * checkpoints for finding objects again, and the readable extent of every segment.
 */
final class IndexPass {
    /** The readable part of one HEAP_DUMP(_SEGMENT) body, and the index of its first object. */
    record Segment(long start, long end, int firstObject) { }

    final HprofFile file;
    final Names names;
    final ClassTable classes = new ClassTable();
    final RootTable roots = new RootTable();
    final StackTraces traces = new StackTraces();
    final List<Segment> segments = new ArrayList<>();
    final List<ParseWarning> warnings;
    final LongChunks ids = new LongChunks();
    final IntChunks classOf = new IntChunks();
    final IntChunks refCounts = new IntChunks();
    final Checkpoints checkpoints = new Checkpoints();
    long minId = Long.MAX_VALUE;
    long maxId = Long.MIN_VALUE;
    /** Whether some part of the file could not be read (truncated or corrupt). */
    boolean damaged;

    private final HprofBytes b;
    private final ProgressMonitor progress;
    private final List<long[]> rawSegments = new ArrayList<>();
    private final AtomicLong done = new AtomicLong();
    private int objects;
    private boolean incomplete;

    IndexPass(HprofFile file, ProgressMonitor progress) {
        this.file = file;
        this.b = file.bytes;
        this.names = new Names(file.bytes);
        this.warnings = file.warnings;
        this.progress = progress;
    }

    int objectCount() { return objects; }

    void run() {
        long size = b.size();
        progress.phase("Reading records", size);
        records(size);
        done.set(file.headerEnd);
        int first = classPrefix();
        parallel(first);
        for (ClassInfo c : classes.all) {
            if (c.name == null) {
                String vm = names.vmClassName(c.id);
                c.name = vm == null ? "<class 0x" + Long.toHexString(c.id) + ">" : Hprof.javaClassName(vm);
                classes.nameKnown(c);
            }
        }
        if (incomplete || classes.pseudoReplaced) recount();
    }

    /** Reads the top-level records in order; heap dump records are only listed. */
    private void records(long size) {
        long p = file.headerEnd;
        while (p < size) {
            if (p + 9 > size) {
                warn(p, "record header cut off by the end of the file: file truncated");
                break;
            }
            int tag = b.u1(p);
            long body = p + 9;
            long end = body + b.u4(p + 5);
            if (!known(tag)) {
                warn(p, "unknown record tag " + Hprof.tagName(tag) + " (corrupt record length before it?); "
                        + "the remaining " + (size - p) + " bytes are not read");
                break;
            }
            boolean cut = end > size;
            if (cut) {
                warn(p, "record " + Hprof.tagName(tag) + " declares " + (end - body) + " bytes but the file ends after "
                        + (size - body) + ": file truncated or record length corrupt");
                end = size;
            }
            if (tag == Hprof.HEAP_DUMP || tag == Hprof.HEAP_DUMP_SEGMENT) rawSegments.add(new long[] {body, end});
            else record(tag, body, end);
            if (cut) break;
            p = end;
        }
    }

    private static boolean known(int tag) {
        return tag >= Hprof.UTF8 && tag <= Hprof.CONTROL_SETTINGS && tag != 0x08 && tag != 0x09
                || tag == Hprof.HEAP_DUMP_SEGMENT || tag == Hprof.HEAP_DUMP_END;
    }

    private void record(int tag, long body, long end) {
        final int id = b.idSize();
        switch (tag) {
            case Hprof.UTF8:
                if (end - body >= id) names.addUtf8(b.id(body), body + id, end - body - id);
                break;
            case Hprof.LOAD_CLASS:
                if (body + 8 + 2L * id <= end) names.addLoadClass(b.i4(body), b.id(body + 4), b.id(body + 8 + id));
                break;
            case Hprof.STACK_FRAME:
                if (body + 4L * id + 8 <= end) {
                    traces.addFrame(b.id(body), b.id(body + id), b.id(body + 3L * id), b.i4(body + 4L * id),
                            b.i4(body + 4L * id + 4));
                }
                break;
            case Hprof.STACK_TRACE:
                if (body + 12 <= end) {
                    long n = b.u4(body + 8);
                    if (body + 12 + n * id > end) {
                        warn(body, "stack trace record lists more frames than it holds");
                        break;
                    }
                    long[] frames = new long[(int) n];
                    for (int i = 0; i < n; i++) frames[i] = b.id(body + 12 + (long) i * id);
                    traces.addTrace(b.i4(body), frames);
                }
                break;
            default:
                break;
        }
    }

    /**
     * Indexes segments in order, reading class dumps, up to and including the first segment that holds another
     * object (HotSpot dumps all classes first). Returns the number of segments done.
     */
    private int classPrefix() {
        SegmentIndexer first = SegmentIndexer.reading(b, classes, names, ids, classOf, refCounts, done, progress);
        int s = 0;
        while (s < rawSegments.size() && first.plainObjects == 0) {
            first.segment(rawSegments.get(s)[0], rawSegments.get(s)[1]);
            s++;
        }
        merge(first, 0);
        return s;
    }

    /**
     * Indexes segments {@code [from, …)} in consecutive runs of about equal size, one per processor, and merges the
     * runs in order. The class table is completed first and only read by the workers.
     */
    private void parallel(int from) {
        int n = rawSegments.size() - from;
        if (n <= 0) return;
        for (ClassInfo c : new ArrayList<>(classes.all)) classes.resolveLayout(c, b.idSize(), false);
        for (int t = Hprof.BOOLEAN; t <= Hprof.LONG; t++) classes.primitiveArray(t);
        long start = rawSegments.get(from)[0];
        long bytes = rawSegments.get(rawSegments.size() - 1)[1] - start;
        int workers = (int) Math.max(1, Math.min(Math.min(n, Runtime.getRuntime().availableProcessors()),
                Math.min(8, bytes >>> 24)));
        int[] bounds = new int[workers + 1];
        bounds[0] = from;
        bounds[workers] = rawSegments.size();
        for (int w = 1, s = from; w < workers; w++) {
            while (s < rawSegments.size() && rawSegments.get(s)[0] < start + bytes / workers * w) s++;
            bounds[w] = s;
        }
        SegmentIndexer[] runs = new SegmentIndexer[workers];
        Workers.run(workers, "dumplens-heap-index-", w -> {
            runs[w] = SegmentIndexer.worker(b, classes, names, done, progress);
            for (int s = bounds[w]; s < bounds[w + 1]; s++) {
                runs[w].segment(rawSegments.get(s)[0], rawSegments.get(s)[1]);
            }
        });
        for (int w = 0; w < workers; w++) merge(runs[w], bounds[w]);
    }

    /**
     * Appends a run's results (its segments starting at raw segment {@code firstSegment}), its object indexes
     * shifted by the objects before it; reads the class dumps it deferred.
     */
    private void merge(SegmentIndexer x, int firstSegment) {
        int base = objects;
        for (int i = 0; i < x.scanned.size(); i++) {
            SegmentIndexer.Scanned r = x.scanned.get(i);
            long[] raw = rawSegments.get(firstSegment + i);
            segments.add(new Segment(raw[0], r.reached(), base + r.firstObject()));
            if (r.stopMessage() != null) {
                warn(r.reached(), r.stopMessage() + "; the rest of this heap dump record (" + (raw[1] - r.reached())
                        + " bytes) is not read");
            }
        }
        if (x.ids != ids) {
            ids.appendAll(x.ids);
            classOf.appendAll(x.classOf);
            refCounts.appendAll(x.refCounts);
        }
        checkpoints.append(x.checkpoints, base);
        roots.appendAll(x.roots);
        minId = Math.min(minId, x.minId);
        maxId = Math.max(maxId, x.maxId);
        for (int i = 0; i < x.deferredClassDumps.size(); i++) {
            long rec = x.deferredClassDumps.get(i);
            ClassInfo c = SegmentIndexer.parseClass(b, classes, names, rec, rec + 1, b.id(rec + 1));
            classes.add(c);
            c.objectIndex = base + x.deferredClassIndexes.get(i);
        }
        incomplete |= x.incomplete;
        objects += x.objectIndex;
    }

    /**
     * Runs the object part again over the same segments, now that every class is known: recomputes each object's
     * class and reference count. Objects whose class is not in the dump get a pseudo class.
     */
    private void recount() {
        long total = 0;
        for (Segment s : segments) total += s.end() - s.start();
        progress.phase("Re-reading objects (classes dumped late)", total);
        SegmentIndexer x = SegmentIndexer.recounter(b, classes, names, classOf, refCounts, progress);
        for (Segment s : segments) {
            x.objectIndex = s.firstObject();
            x.scan(s.start(), s.end(), Integer.MAX_VALUE);
        }
    }

    private void warn(long offset, String message) {
        damaged = true;
        warnings.add(ParseWarning.atOffset(file.source, offset, message));
    }
}
