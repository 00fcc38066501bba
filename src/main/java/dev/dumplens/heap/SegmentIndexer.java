package dev.dumplens.heap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Indexes the objects of a run of heap dump segments (part of {@link IndexPass}): for each object, numbered from 0
 * within this run, its id, its class and the number of outgoing references it will get in the graph (non-null
 * reference fields or elements, plus the reference to its class object, as MAT counts it); and the GC roots. Several
 * indexers run in parallel on consecutive runs; the {@link ClassTable} is only read then. A class dump met by a
 * worker, or an instance of a class not known yet, makes the run {@link #incomplete}: the class is read afterwards
 * and the counts are redone by a {@linkplain #recounter recounting} indexer.
 */
final class SegmentIndexer extends HeapScanner {
    final ClassTable classes;
    final Names names;
    final LongChunks ids;
    final IntChunks classOf;
    final IntChunks refCounts;
    final Checkpoints checkpoints = new Checkpoints();
    final RootTable roots = new RootTable();
    /** Per segment scanned: index of its first object (within this run), where reading stopped, and why (or null). */
    final java.util.List<Scanned> scanned = new java.util.ArrayList<>();
    /** Class dumps this worker did not read: their record positions and object indexes. */
    final LongChunks deferredClassDumps = new LongChunks();
    final IntChunks deferredClassIndexes = new IntChunks();
    long minId = Long.MAX_VALUE;
    long maxId = Long.MIN_VALUE;
    boolean incomplete;
    /** Objects other than class dumps met so far. */
    long plainObjects;

    private final boolean readsClasses;
    private final boolean recounting;
    private final AtomicLong done;
    private final dev.dumplens.progress.ProgressMonitor progress;
    private long last;
    /** The class of the previous instance: runs of one class are common. */
    private ClassInfo lastClass;

    private SegmentIndexer(HprofBytes b, ClassTable classes, Names names, LongChunks ids, IntChunks classOf,
                           IntChunks refCounts, boolean readsClasses, boolean recounting, AtomicLong done,
                           dev.dumplens.progress.ProgressMonitor progress) {
        super(b);
        this.classes = classes;
        this.names = names;
        this.ids = ids;
        this.classOf = classOf;
        this.refCounts = refCounts;
        this.readsClasses = readsClasses;
        this.recounting = recounting;
        this.done = done;
        this.progress = progress;
    }

    /** The indexer that reads class dumps into {@code classes} (the start of the heap dump, or everything). */
    static SegmentIndexer reading(HprofBytes b, ClassTable classes, Names names, LongChunks ids, IntChunks classOf,
                                  IntChunks refCounts, AtomicLong done,
                                  dev.dumplens.progress.ProgressMonitor progress) {
        return new SegmentIndexer(b, classes, names, ids, classOf, refCounts, true, false, done, progress);
    }

    /** A parallel worker with its own output; {@code classes} must not change while it runs. */
    static SegmentIndexer worker(HprofBytes b, ClassTable classes, Names names, AtomicLong done,
                                 dev.dumplens.progress.ProgressMonitor progress) {
        return new SegmentIndexer(b, classes, names, new LongChunks(), new IntChunks(), new IntChunks(), false, false,
                done, progress);
    }

    /** Redoes class and reference count of every object (all classes known) into the merged columns. */
    static SegmentIndexer recounter(HprofBytes b, ClassTable classes, Names names, IntChunks classOf,
                                    IntChunks refCounts, dev.dumplens.progress.ProgressMonitor progress) {
        return new SegmentIndexer(b, classes, names, null, classOf, refCounts, false, true, new AtomicLong(),
                progress);
    }

    /** What scanning one segment gave. */
    record Scanned(int firstObject, long reached, String stopMessage) { }

    /** Scans one segment body {@code [from, end)} and records the outcome in {@link #scanned}. */
    void segment(long from, long end) {
        last = from;
        int first = objectIndex;
        long reached = scan(from, end, Integer.MAX_VALUE);
        progress.worked(done.addAndGet(reached - last));
        last = reached;
        scanned.add(new Scanned(first, reached, stopMessage));
    }

    @Override void tick(long pos) {
        progress.worked(done.addAndGet(pos - last));
        last = pos;
        progress.checkCancelled();
    }

    private void object(long rec, long id, int classIndex, int refs) {
        if (recounting) {
            classOf.set(objectIndex, classIndex);
            refCounts.set(objectIndex, refs);
            return;
        }
        if (objectIndex % Checkpoints.SPACING == 0) checkpoints.add(objectIndex, rec);
        ids.add(id);
        classOf.add(classIndex);
        refCounts.add(refs);
        if (id < minId) minId = id;
        if (id > maxId) maxId = id;
    }

    @Override void classDump(long rec, long body, long end) {
        long classId = b.id(body);
        ClassInfo c;
        if (recounting) {
            c = classes.byId(classId);
        } else if (readsClasses) {
            c = parseClass(b, classes, names, rec, body, classId);
            classes.add(c);
            c.objectIndex = objectIndex;
        } else {
            incomplete = true;
            deferredClassDumps.add(rec);
            deferredClassIndexes.add(objectIndex);
            object(rec, classId, -1, 0);
            return;
        }
        int refs = (c.superId != 0 ? 1 : 0) + (c.loaderId != 0 ? 1 : 0);
        for (int i = 0; i < c.staticTypes.length; i++) {
            if (c.staticTypes[i] == Hprof.OBJECT && c.staticValues[i] != 0) refs++;
        }
        object(rec, classId, -1, refs);
    }

    /** Reads the CLASS_DUMP at {@code rec} into a new class (index = the table's size). */
    static ClassInfo parseClass(HprofBytes b, ClassTable classes, Names names, long rec, long body, long classId) {
        final int id = b.idSize();
        long superId = b.id(body + id + 4);
        long loaderId = b.id(body + 2L * id + 4);
        long p = body + 7L * id + 8;
        int cp = b.u2(p);
        p += 2;
        for (int i = 0; i < cp; i++) p += 3 + Hprof.typeSize(b.u1(p + 2), id);
        int ns = b.u2(p);
        p += 2;
        long[] staticNames = new long[ns];
        byte[] staticTypes = new byte[ns];
        long[] staticValues = new long[ns];
        for (int i = 0; i < ns; i++) {
            staticNames[i] = b.id(p);
            int t = b.u1(p + id);
            staticTypes[i] = (byte) t;
            staticValues[i] = b.value(p + id + 1, t);
            p += id + 1 + Hprof.typeSize(t, id);
        }
        int nf = b.u2(p);
        p += 2;
        long[] fieldNames = new long[nf];
        byte[] fieldTypes = new byte[nf];
        for (int i = 0; i < nf; i++) {
            fieldNames[i] = b.id(p);
            fieldTypes[i] = (byte) b.u1(p + id);
            p += id + 1;
        }
        ClassInfo c = new ClassInfo(classes.size(), classId, superId, loaderId, rec, fieldNames, fieldTypes,
                staticNames, staticTypes, staticValues);
        String vm = names.vmClassName(classId);
        if (vm != null) c.name = Hprof.javaClassName(vm);
        return c;
    }

    @Override void instance(long rec, long id, long classId, long data, int length) {
        plainObjects++;
        ClassInfo c = lastClass != null && lastClass.id == classId ? lastClass
                : recounting ? classes.byIdOrUnknown(classId, false) : classes.byId(classId);
        lastClass = c;
        boolean known = c != null
                && (c.layoutResolved || (readsClasses || recounting) && classes.resolveLayout(c, idSize, recounting));
        if (!known) {
            incomplete = true;
            object(rec, id, -1, 0);
            return;
        }
        int refs = c.isPseudo() ? 0 : 1;
        for (int off : c.refOffsets) {
            if (off + idSize <= length && b.id(data + off) != 0) refs++;
        }
        object(rec, id, c.index, refs);
    }

    @Override void objectArray(long rec, long id, long arrayClassId, long data, int length) {
        plainObjects++;
        ClassInfo c = recounting ? classes.byIdOrUnknown(arrayClassId, true) : classes.byId(arrayClassId);
        if (c == null) {
            incomplete = true;
            object(rec, id, -1, 0);
            return;
        }
        int refs = c.isPseudo() ? 0 : 1;
        for (int i = 0; i < length; i++) if (b.id(data + (long) i * idSize) != 0) refs++;
        object(rec, id, c.index, refs);
    }

    @Override void primitiveArray(long rec, long id, int type, long data, int length) {
        plainObjects++;
        ClassInfo c = classes.primitiveArray(type);
        object(rec, id, c.index, c.isPseudo() ? 0 : 1);
    }

    @Override void root(int tag, long id, int threadSerial, int extra) {
        if (!recounting) roots.add(tag, id, threadSerial, extra);
    }
}
