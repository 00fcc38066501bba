package dev.dumplens.heap;

import dev.dumplens.model.ParseWarning;
import dev.dumplens.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;

/**
 * The first pass over the file: reads every top-level record and every heap sub-record once. It collects names,
 * stack traces, classes and GC roots, and for each object (numbered in file order) its id, its class and the number of
 * outgoing references it will get in the graph (non-null reference fields or elements, plus the reference to its class
 * object, as MAT counts it). It also remembers where every 64th object starts, so that any object can be found again
 * by skipping at most 63 records. When classes are dumped after objects that use them (unusual), {@link #recount}
 * runs the object part again once all classes are known.
 */
final class IndexPass extends HeapScanner {
    static final int CHECKPOINT_SHIFT = 6;

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
    final LongChunks checkpoints = new LongChunks();
    long minId = Long.MAX_VALUE;
    long maxId = Long.MIN_VALUE;

    private final ProgressMonitor progress;
    /** Whether some part of the file could not be read (truncated or corrupt). */
    boolean damaged;
    private boolean incomplete;
    private boolean recounting;
    /** The class of the previous instance: runs of one class are common. */
    private ClassInfo lastClass;

    IndexPass(HprofFile file, ProgressMonitor progress) {
        super(file.bytes);
        this.file = file;
        this.names = new Names(file.bytes);
        this.warnings = file.warnings;
        this.progress = progress;
    }

    int objectCount() { return objectIndex; }

    /** Whether some object was met before its class; then {@link #recount} must run. */
    boolean needsRecount() { return incomplete || classes.pseudoReplaced; }

    void run() {
        long size = b.size();
        progress.phase("Reading records", size);
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
            record(tag, body, end);
            progress.worked(end);
            progress.checkCancelled();
            if (cut) break;
            p = end;
        }
        for (ClassInfo c : classes.all) {
            if (c.name == null) {
                String vm = names.vmClassName(c.id);
                c.name = vm == null ? "<class 0x" + Long.toHexString(c.id) + ">" : Hprof.javaClassName(vm);
                classes.nameKnown(c);
            }
        }
    }

    private static boolean known(int tag) {
        return tag >= Hprof.UTF8 && tag <= Hprof.CONTROL_SETTINGS && tag != 0x08 && tag != 0x09
                || tag == Hprof.HEAP_DUMP_SEGMENT || tag == Hprof.HEAP_DUMP_END;
    }

    private void record(int tag, long body, long end) {
        final int id = idSize;
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
            case Hprof.HEAP_DUMP:
            case Hprof.HEAP_DUMP_SEGMENT: {
                int first = objectIndex;
                long reached = scan(body, end, Integer.MAX_VALUE);
                segments.add(new Segment(body, reached, first));
                if (stopMessage != null) {
                    warn(reached, stopMessage + "; the rest of this heap dump record ("
                            + (end - reached) + " bytes) is not read");
                }
                break;
            }
            default:
                break;
        }
    }

    /**
     * Runs the object part again over the same segments, now that every class is known: recomputes each object's
     * class and reference count. Objects whose class is not in the dump get a pseudo class.
     */
    void recount() {
        recounting = true;
        objectIndex = 0;
        long total = 0;
        for (Segment s : segments) total += s.end - s.start;
        progress.phase("Re-reading objects (classes dumped late)", total);
        long done = 0;
        for (Segment s : segments) {
            scan(s.start, s.end, Integer.MAX_VALUE);
            done += s.end - s.start;
            progress.worked(done);
            progress.checkCancelled();
        }
        recounting = false;
    }

    private void object(long rec, long id, int classIndex, int refs) {
        if (recounting) {
            classOf.set(objectIndex, classIndex);
            refCounts.set(objectIndex, refs);
            return;
        }
        if ((objectIndex & ((1 << CHECKPOINT_SHIFT) - 1)) == 0) checkpoints.add(rec);
        ids.add(id);
        classOf.add(classIndex);
        refCounts.add(refs);
        if (id < minId) minId = id;
        if (id > maxId) maxId = id;
    }

    @Override void tick(long pos) {
        if (!recounting) progress.worked(pos);
        progress.checkCancelled();
    }

    @Override void classDump(long rec, long body, long end) {
        long classId = b.id(body);
        ClassInfo c;
        if (recounting) {
            c = classes.byId(classId);
        } else {
            c = parseClass(rec, body, classId);
            classes.add(c);
            c.objectIndex = objectIndex;
        }
        int refs = (c.superId != 0 ? 1 : 0) + (c.loaderId != 0 ? 1 : 0);
        for (int i = 0; i < c.staticTypes.length; i++) {
            if (c.staticTypes[i] == Hprof.OBJECT && c.staticValues[i] != 0) refs++;
        }
        object(rec, classId, -1, refs);
    }

    private ClassInfo parseClass(long rec, long body, long classId) {
        final int id = idSize;
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
        ClassInfo c = lastClass != null && lastClass.id == classId ? lastClass
                : recounting ? classes.byIdOrUnknown(classId, false) : classes.byId(classId);
        lastClass = c;
        if (c == null || !classes.resolveLayout(c, idSize, recounting)) {
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
        ClassInfo c = classes.primitiveArray(type);
        object(rec, id, c.index, c.isPseudo() ? 0 : 1);
    }

    @Override void root(int tag, long id, int threadSerial, int extra) {
        if (!recounting) roots.add(tag, id, threadSerial, extra);
    }

    private void warn(long offset, String message) {
        damaged = true;
        warnings.add(ParseWarning.atOffset(file.source, offset, message));
    }
}
