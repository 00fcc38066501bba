package dev.dumplens.heap;

/**
 * Steps through the sub-records of a HEAP_DUMP or HEAP_DUMP_SEGMENT body and hands objects and GC roots to hooks.
 * Objects (class dumps, instances, object arrays, primitive arrays) are numbered in file order: that number is the
 * object's index in every pass, so all passes must scan the same byte ranges. The scan stops at the end of the range,
 * at a given object count, or at the first sub-record that does not fit or has an unknown tag; then
 * {@link #stopMessage} says why.
 */
abstract class HeapScanner {
    protected final HprofBytes b;
    protected final int idSize;
    /** Index of the object the next object hook receives. */
    protected int objectIndex;
    /** Why the last scan stopped before the end of its range, or null. */
    String stopMessage;

    HeapScanner(HprofBytes b) {
        this.b = b;
        this.idSize = b.idSize();
    }

    /** A CLASS_DUMP at {@code rec}; its body (starting with the class id) spans {@code [body, end)}. */
    void classDump(long rec, long body, long end) { }

    void instance(long rec, long id, long classId, long data, int length) { }

    void objectArray(long rec, long id, long arrayClassId, long data, int length) { }

    /** A primitive array; {@code data} is -1 for Android's PRIMITIVE_ARRAY_NODATA. */
    void primitiveArray(long rec, long id, int type, long data, int length) { }

    /** A GC root; {@code threadSerial} and {@code extra} (frame number or stack trace serial) are -1 when absent. */
    void root(int tag, long id, int threadSerial, int extra) { }

    /** Called every 16384 objects with the current position, for progress and cancellation. */
    void tick(long pos) { }

    /** Scans {@code [p, end)} until {@link #objectIndex} reaches {@code limit}; returns the position reached. */
    final long scan(long p, long end, int limit) {
        stopMessage = null;
        final int id = idSize;
        int lastTick = -1;
        while (p < end && objectIndex < limit) {
            if ((objectIndex & 0x3FFF) == 0 && objectIndex != lastTick) {
                lastTick = objectIndex;
                tick(p);
            }
            int tag = b.u1(p);
            long q = p + 1;
            long next;
            switch (tag) {
                case Hprof.INSTANCE_DUMP: {
                    if (q + 2L * id + 8 > end) return stop(p, tag, end);
                    long len = b.u4(q + 2L * id + 4);
                    long data = q + 2L * id + 8;
                    next = data + len;
                    if (next > end) return stop(p, tag, end);
                    instance(p, b.id(q), b.id(q + id + 4), data, (int) len);
                    objectIndex++;
                    break;
                }
                case Hprof.OBJ_ARRAY_DUMP: {
                    if (q + 2L * id + 8 > end) return stop(p, tag, end);
                    long n = b.u4(q + id + 4);
                    long data = q + 2L * id + 8;
                    next = data + n * id;
                    if (next > end) return stop(p, tag, end);
                    objectArray(p, b.id(q), b.id(q + id + 8), data, (int) n);
                    objectIndex++;
                    break;
                }
                case Hprof.PRIM_ARRAY_DUMP:
                case Hprof.PRIM_ARRAY_NODATA: {
                    if (q + id + 9 > end) return stop(p, tag, end);
                    long n = b.u4(q + id + 4);
                    int type = b.u1(q + id + 8);
                    int size = Hprof.typeSize(type, id);
                    if (size < 0 || type == Hprof.OBJECT) {
                        stopMessage = "primitive array at @" + p + " has invalid element type " + type;
                        return p;
                    }
                    long data = q + id + 9;
                    next = tag == Hprof.PRIM_ARRAY_DUMP ? data + n * size : data;
                    if (next > end || n > Integer.MAX_VALUE) return stop(p, tag, end);
                    primitiveArray(p, b.id(q), type, tag == Hprof.PRIM_ARRAY_DUMP ? data : -1, (int) n);
                    objectIndex++;
                    break;
                }
                case Hprof.CLASS_DUMP: {
                    next = classDumpEnd(q, end);
                    if (next < 0) return stop(p, tag, end);
                    classDump(p, q, next);
                    objectIndex++;
                    break;
                }
                case Hprof.ROOT_UNKNOWN: case Hprof.ROOT_STICKY_CLASS: case Hprof.ROOT_MONITOR_USED:
                case Hprof.ROOT_INTERNED_STRING: case Hprof.ROOT_FINALIZING: case Hprof.ROOT_DEBUGGER:
                case Hprof.ROOT_REFERENCE_CLEANUP: case Hprof.ROOT_VM_INTERNAL: case Hprof.ROOT_UNREACHABLE:
                    next = q + id;
                    if (next > end) return stop(p, tag, end);
                    root(tag, b.id(q), -1, -1);
                    break;
                case Hprof.ROOT_JNI_GLOBAL:
                    next = q + 2L * id;
                    if (next > end) return stop(p, tag, end);
                    root(tag, b.id(q), -1, -1);
                    break;
                case Hprof.ROOT_JNI_LOCAL: case Hprof.ROOT_JAVA_FRAME: case Hprof.ROOT_THREAD_OBJECT:
                case Hprof.ROOT_JNI_MONITOR:
                    next = q + id + 8;
                    if (next > end) return stop(p, tag, end);
                    root(tag, b.id(q), b.i4(q + id), b.i4(q + id + 4));
                    break;
                case Hprof.ROOT_NATIVE_STACK: case Hprof.ROOT_THREAD_BLOCK:
                    next = q + id + 4;
                    if (next > end) return stop(p, tag, end);
                    root(tag, b.id(q), b.i4(q + id), -1);
                    break;
                case Hprof.HEAP_DUMP_INFO:
                    next = q + 4 + id;
                    if (next > end) return stop(p, tag, end);
                    break;
                default:
                    stopMessage = "unknown heap dump sub-record tag " + Hprof.tagName(tag) + " at @" + p;
                    return p;
            }
            p = next;
        }
        return p;
    }

    private long stop(long p, int tag, long end) {
        stopMessage = "heap dump sub-record " + Hprof.tagName(tag) + " at @" + p + " runs past the end of its record (@"
                + end + "): file truncated or corrupt";
        return p;
    }

    /** The end of the CLASS_DUMP body starting at {@code q} (the class id), or -1 when it does not fit before end. */
    final long classDumpEnd(long q, long end) {
        final int id = idSize;
        long p = q + 7L * id + 8;
        if (p + 2 > end) return -1;
        int cp = b.u2(p);
        p += 2;
        for (int i = 0; i < cp; i++) {
            if (p + 3 > end) return -1;
            int size = Hprof.typeSize(b.u1(p + 2), id);
            if (size < 0) return -1;
            p += 3 + size;
        }
        if (p + 2 > end) return -1;
        int statics = b.u2(p);
        p += 2;
        for (int i = 0; i < statics; i++) {
            if (p + id + 1 > end) return -1;
            int size = Hprof.typeSize(b.u1(p + id), id);
            if (size < 0) return -1;
            p += id + 1 + size;
        }
        if (p + 2 > end) return -1;
        int fields = b.u2(p);
        p += 2 + (long) fields * (id + 1);
        return p > end ? -1 : p;
    }
}
