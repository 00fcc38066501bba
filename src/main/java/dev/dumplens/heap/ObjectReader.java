package dev.dumplens.heap;

import java.nio.charset.StandardCharsets;

/**
 * Reads single objects back from the file by their file-order index: starts at the nearest checkpoint before it and
 * skips at most 63 records. Used for thread names and fields, strings and reference names.
 */
final class ObjectReader {
    /** An instance record: its class and where its field data lies. */
    record Instance(ClassInfo cls, long data, int length) { }

    /** A field of an instance: its basic type and where its value lies. */
    record Field(int type, long pos) { }

    private final HprofBytes b;
    private final IndexPass.Segment[] segments;
    private final Checkpoints checkpoints;
    private final ClassTable classes;
    private final Names names;
    private final int idSize;

    ObjectReader(HprofBytes b, IndexPass.Segment[] segments, Checkpoints checkpoints, ClassTable classes, Names names) {
        this.b = b;
        this.segments = segments;
        this.checkpoints = checkpoints;
        this.classes = classes;
        this.names = names;
        this.idSize = b.idSize();
    }

    /** Position of the sub-record of object {@code fileIndex}, or -1. */
    synchronized long locate(int fileIndex) {
        int cp = fileIndex < 0 ? -1 : checkpoints.floor(fileIndex);
        if (cp < 0) return -1;
        long start = checkpoints.position(cp);
        Locator loc = new Locator(b, fileIndex);
        loc.objectIndex = checkpoints.index(cp);
        for (IndexPass.Segment s : segments) {
            if (s.end() <= start) continue;
            loc.scan(Math.max(start, s.start()), s.end(), fileIndex + 1);
            if (loc.found >= 0 || loc.objectIndex > fileIndex) break;
        }
        return loc.found;
    }

    private static final class Locator extends HeapScanner {
        private final int target;
        long found = -1;

        Locator(HprofBytes b, int target) {
            super(b);
            this.target = target;
        }

        private void hit(long rec) {
            if (objectIndex == target) found = rec;
        }

        @Override void classDump(long rec, long body, long end) { hit(rec); }

        @Override void instance(long rec, long id, long classId, long data, int length) { hit(rec); }

        @Override void objectArray(long rec, long id, long arrayClassId, long data, int length) { hit(rec); }

        @Override void primitiveArray(long rec, long id, int type, long data, int length) { hit(rec); }
    }

    /** The instance record of object {@code fileIndex}, or null when it is no instance. */
    Instance instance(int fileIndex) {
        long rec = locate(fileIndex);
        if (rec < 0 || b.u1(rec) != Hprof.INSTANCE_DUMP) return null;
        long q = rec + 1;
        ClassInfo c = classes.byId(b.id(q + idSize + 4));
        if (c == null || !classes.resolveLayout(c, idSize, true)) return null;
        return new Instance(c, q + 2L * idSize + 8, (int) b.u4(q + 2L * idSize + 4));
    }

    /** The instance field {@code name} (declared in the class or a superclass; the most derived wins), or null. */
    Field field(Instance inst, String name) {
        int off = 0;
        for (ClassInfo k = inst.cls(); k != null; k = k.superClass) {
            for (int i = 0; i < k.fieldTypes.length; i++) {
                int size = Hprof.typeSize(k.fieldTypes[i], idSize);
                if (name.equals(names.get(k.fieldNameIds[i]))) {
                    return off + size <= inst.length() ? new Field(k.fieldTypes[i], inst.data() + off) : null;
                }
                off += Math.max(0, size);
            }
        }
        return null;
    }

    /** The raw value of an instance field ({@code long} bits), or {@code absent}. */
    long value(Instance inst, String name, long absent) {
        Field f = field(inst, name);
        return f == null ? absent : b.value(f.pos(), f.type());
    }

    /** The name of the field, array slot or class reference through which {@code holder} references {@code id}. */
    String referenceName(int holderFileIndex, long id) {
        long rec = locate(holderFileIndex);
        if (rec < 0) return null;
        long q = rec + 1;
        switch (b.u1(rec)) {
            case Hprof.INSTANCE_DUMP: {
                Instance inst = instance(holderFileIndex);
                if (inst == null) return null;
                if (inst.cls().id == id) return "<class>";
                int off = 0;
                for (ClassInfo k = inst.cls(); k != null; k = k.superClass) {
                    for (int i = 0; i < k.fieldTypes.length; i++) {
                        int size = Hprof.typeSize(k.fieldTypes[i], idSize);
                        if (k.fieldTypes[i] == Hprof.OBJECT && off + size <= inst.length()
                                && b.id(inst.data() + off) == id) {
                            return names.get(k.fieldNameIds[i]);
                        }
                        off += Math.max(0, size);
                    }
                }
                return null;
            }
            case Hprof.OBJ_ARRAY_DUMP: {
                long n = b.u4(q + idSize + 4);
                long data = q + 2L * idSize + 8;
                for (long i = 0; i < n; i++) if (b.id(data + i * idSize) == id) return "[" + i + "]";
                return b.id(q + idSize + 8) == id ? "<class>" : null;
            }
            case Hprof.CLASS_DUMP: {
                ClassInfo c = classes.byId(b.id(q));
                if (c == null) return null;
                for (int i = 0; i < c.staticTypes.length; i++) {
                    if (c.staticTypes[i] == Hprof.OBJECT && c.staticValues[i] == id) {
                        return "static " + names.get(c.staticNameIds[i]);
                    }
                }
                if (c.superId == id) return "<super>";
                if (c.loaderId == id) return "<classloader>";
                return null;
            }
            default:
                return "<class>";
        }
    }

    /**
     * The text of a {@code java.lang.String} (JDK 9+ {@code value} bytes with {@code coder}: Latin-1, or UTF-16 in
     * the dumping machine's byte order, assumed little-endian; JDK 8 {@code char[] value}, with {@code offset} and
     * {@code count} where present) or of a {@code char[]}. Null when the object is neither.
     */
    String string(int fileIndex, java.util.function.LongToIntFunction indexOfId) {
        long rec = locate(fileIndex);
        if (rec < 0) return null;
        if (b.u1(rec) == Hprof.PRIM_ARRAY_DUMP) return chars(rec, 0, Integer.MAX_VALUE);
        Instance s = instance(fileIndex);
        if (s == null) return null;
        long valueId = value(s, "value", 0);
        int value = valueId == 0 ? -1 : indexOfId.applyAsInt(valueId);
        long arr = locate(value);
        if (arr < 0 || b.u1(arr) != Hprof.PRIM_ARRAY_DUMP) return null;
        int type = b.u1(arr + 1 + idSize + 8);
        if (type == Hprof.CHAR) {
            return chars(arr, (int) value(s, "offset", 0), (int) value(s, "count", Integer.MAX_VALUE));
        }
        if (type != Hprof.BYTE) return null;
        int n = (int) Math.min(b.u4(arr + 1 + idSize + 4), 1 << 20);
        byte[] raw = new byte[n];
        b.read(arr + 1 + idSize + 9, raw, 0, n);
        return new String(raw, value(s, "coder", 0) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    }

    private String chars(long arr, int offset, int count) {
        if (b.u1(arr + 1 + idSize + 8) != Hprof.CHAR) return null;
        long n = b.u4(arr + 1 + idSize + 4);
        long from = Math.max(0, Math.min(offset, n));
        long to = Math.min(n, from + Math.max(0, Math.min(count, 1 << 20)));
        StringBuilder sb = new StringBuilder((int) (to - from));
        long data = arr + 1 + idSize + 9;
        for (long i = from; i < to; i++) sb.append((char) b.u2(data + 2 * i));
        return sb.toString();
    }
}
