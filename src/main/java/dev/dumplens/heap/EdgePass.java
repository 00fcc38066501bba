package dev.dumplens.heap;

/**
 * The second pass: writes every object's outgoing references as object indexes into the preallocated edge array
 * (CSR layout: the edges of object {@code i} start at {@code offsets[i]}) and its shallow size (in 8-byte units)
 * into a column of the temporary file.
 * Several instances run in parallel on disjoint object ranges. A reference to an id that is not in the dump, or to
 * a GC root (which cannot change any dominator: the super-root already reaches it directly), is written as -1 and
 * removed afterwards.
 */
final class EdgePass extends HeapScanner {
    private final ClassTable classes;
    private final IdIndex index;
    private final int[] classOf;
    private final int[] offsets;
    private final int[] edges;
    private final Spill.Sink shallow;
    private int shallowNext;
    private final long[] rootBits;
    private final ShallowSizeModel model;
    private final int[] instanceSizes;
    private final long classInstanceBytes;
    private final java.util.concurrent.atomic.AtomicLong done;
    private final dev.dumplens.progress.ProgressMonitor progress;
    private long last;
    private int pos;
    private int end;
    int dangling;
    int overflow;

    EdgePass(HprofBytes b, ClassTable classes, IdIndex index, int[] classOf, int[] offsets, int[] edges,
             Spill.Sink shallow, long[] rootBits, ShallowSizeModel model, int[] instanceSizes, long classInstanceBytes,
             java.util.concurrent.atomic.AtomicLong done, dev.dumplens.progress.ProgressMonitor progress) {
        super(b);
        this.classes = classes;
        this.index = index;
        this.classOf = classOf;
        this.offsets = offsets;
        this.edges = edges;
        this.shallow = shallow;
        this.rootBits = rootBits;
        this.model = model;
        this.instanceSizes = instanceSizes;
        this.classInstanceBytes = classInstanceBytes;
        this.done = done;
        this.progress = progress;
    }

    @Override void tick(long p) {
        progress.worked(done.addAndGet(p - last));
        last = p;
        progress.checkCancelled();
    }

    /**
     * Processes objects {@code [from, to)}, starting at the record of object {@code from}; their shallow sizes go to
     * the sink in index order (0 for an object whose record could not be read), which is then finished.
     */
    Spill.Column run(IndexPass.Segment[] segments, long startPos, int from, int to) {
        objectIndex = from;
        shallowNext = from;
        last = startPos;
        int s = 0;
        while (s + 1 < segments.length && segments[s + 1].start() <= startPos) s++;
        for (long p = startPos; s < segments.length && objectIndex < to; s++) {
            IndexPass.Segment seg = segments[s];
            scan(Math.max(p, seg.start()), seg.end(), to);
        }
        while (shallowNext < to) shallow(shallowNext, 0);
        return shallow.finish();
    }

    private void shallow(int object, int units) {
        while (shallowNext < object) {
            shallow.add(0);
            shallowNext++;
        }
        if (object == shallowNext) {
            shallow.add(units);
            shallowNext++;
        }
    }

    private void begin() {
        pos = offsets[objectIndex];
        end = offsets[objectIndex + 1];
    }

    private void put(int target) {
        int v = target;
        if (target < 0) {
            dangling++;
        } else if ((rootBits[target >>> 6] & (1L << target)) != 0) {
            v = -1;
        }
        if (pos < end) edges[pos++] = v; else overflow++;
    }

    private void ref(long id) {
        if (id != 0) put(index.indexOf(id, objectIndex));
    }

    private void classRef(ClassInfo c) {
        if (!c.isPseudo()) put(c.objectIndex);
    }

    @Override void classDump(long rec, long body, long end) {
        ClassInfo c = classes.byId(b.id(body));
        begin();
        ref(c.superId);
        ref(c.loaderId);
        for (int i = 0; i < c.staticTypes.length; i++) {
            if (c.staticTypes[i] == Hprof.OBJECT) ref(c.staticValues[i]);
        }
        shallow(objectIndex, ShallowSizes.classObject(c, model, classInstanceBytes));
    }

    @Override void instance(long rec, long id, long classId, long data, int length) {
        ClassInfo c = classes.get(classOf[objectIndex]);
        begin();
        classRef(c);
        for (int off : c.refOffsets) {
            if (off + idSize <= length) ref(b.id(data + off));
        }
        shallow(objectIndex, instanceSizes[c.index]);
    }

    @Override void objectArray(long rec, long id, long arrayClassId, long data, int length) {
        ClassInfo c = classes.get(classOf[objectIndex]);
        begin();
        classRef(c);
        final int size = idSize;
        for (int i = 0; i < length; i++) ref(b.id(data + (long) i * size));
        shallow(objectIndex, ShallowSizes.units(model.arraySize(length, -1)));
    }

    @Override void primitiveArray(long rec, long id, int type, long data, int length) {
        ClassInfo c = classes.get(classOf[objectIndex]);
        begin();
        classRef(c);
        shallow(objectIndex, ShallowSizes.units(model.arraySize(length, Hprof.typeSize(type, idSize))));
    }
}
