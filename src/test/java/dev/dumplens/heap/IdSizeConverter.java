package dev.dumplens.heap;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Test helper: rewrites an HPROF file with 8-byte identifiers into one with 4-byte identifiers, as a 32-bit VM would
 * write it — same records, same values, every id (object, name, frame) replaced by a unique 32-bit one. Object ids
 * keep their order and spacing ({@code id - lowest + 0x1000}), so the heap fits when it spans less than 4 GB.
 */
final class IdSizeConverter {
    private final ByteBuffer in;
    private final DataOutputStream out;
    private final Map<Long, long[]> fieldTypes = new HashMap<>();
    private final Map<Long, Long> superOf = new HashMap<>();
    private final Map<Long, Integer> names = new HashMap<>();
    private final long objectBase;

    private IdSizeConverter(ByteBuffer in, DataOutputStream out, long objectBase) {
        this.in = in;
        this.out = out;
        this.objectBase = objectBase;
    }

    /** Converts {@code from} (8-byte ids, lowest object id {@code objectBase}) into {@code to}. */
    static void convert(Path from, Path to, long objectBase) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(from));
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(to)))) {
            new IdSizeConverter(in, out, objectBase).run();
        }
    }

    /** The 4-byte id an 8-byte object id becomes. */
    static long objectId(long id, long objectBase) {
        return id == 0 ? 0 : id - objectBase + 0x1000;
    }

    private int object(long id) {
        long v = objectId(id, objectBase);
        if (v > 0xffffffffL) throw new IllegalStateException("heap spans more than 4 GB");
        return (int) v;
    }

    private int name(long id) {
        return id == 0 ? 0 : names.computeIfAbsent(id, k -> names.size() + 1);
    }

    private void run() throws IOException {
        int nul = 0;
        while (in.get(nul) != 0) nul++;
        out.write(in.array(), 0, nul + 1);
        out.writeInt(4);
        out.writeLong(in.getLong(nul + 5));
        int p = nul + 13;
        while (p < in.limit()) {
            int tag = in.get(p) & 0xff;
            int time = in.getInt(p + 1);
            int len = in.getInt(p + 5);
            int body = p + 9;
            byte[] converted = record(tag, body, len);
            out.writeByte(tag);
            out.writeInt(time);
            out.writeInt(converted.length);
            out.write(converted);
            p = body + len;
        }
    }

    private byte[] record(int tag, int body, int len) throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(len);
        DataOutputStream o = new DataOutputStream(buf);
        switch (tag) {
            case Hprof.UTF8:
                o.writeInt(name(in.getLong(body)));
                o.write(in.array(), body + 8, len - 8);
                break;
            case Hprof.LOAD_CLASS:
                o.writeInt(in.getInt(body));
                o.writeInt(object(in.getLong(body + 4)));
                o.writeInt(in.getInt(body + 12));
                o.writeInt(name(in.getLong(body + 16)));
                break;
            case Hprof.STACK_FRAME:
                o.writeInt(name(in.getLong(body)));
                for (int i = 1; i <= 3; i++) o.writeInt(name(in.getLong(body + 8 * i)));
                o.writeInt(in.getInt(body + 32));
                o.writeInt(in.getInt(body + 36));
                break;
            case Hprof.STACK_TRACE: {
                int n = in.getInt(body + 8);
                o.write(in.array(), body, 12);
                for (int i = 0; i < n; i++) o.writeInt(name(in.getLong(body + 12 + 8 * i)));
                break;
            }
            case Hprof.HEAP_DUMP:
            case Hprof.HEAP_DUMP_SEGMENT:
                heap(body, body + len, o);
                break;
            default:
                o.write(in.array(), body, len);
        }
        o.flush();
        return buf.toByteArray();
    }

    private void heap(int p, int end, DataOutputStream o) throws IOException {
        while (p < end) {
            int tag = in.get(p) & 0xff;
            o.writeByte(tag);
            p++;
            switch (tag) {
                case Hprof.ROOT_UNKNOWN: case Hprof.ROOT_STICKY_CLASS: case Hprof.ROOT_MONITOR_USED:
                    o.writeInt(object(in.getLong(p)));
                    p += 8;
                    break;
                case Hprof.ROOT_JNI_GLOBAL:
                    o.writeInt(object(in.getLong(p)));
                    o.writeInt(name(in.getLong(p + 8)));
                    p += 16;
                    break;
                case Hprof.ROOT_JNI_LOCAL: case Hprof.ROOT_JAVA_FRAME: case Hprof.ROOT_THREAD_OBJECT:
                    o.writeInt(object(in.getLong(p)));
                    o.write(in.array(), p + 8, 8);
                    p += 16;
                    break;
                case Hprof.ROOT_NATIVE_STACK: case Hprof.ROOT_THREAD_BLOCK:
                    o.writeInt(object(in.getLong(p)));
                    o.write(in.array(), p + 8, 4);
                    p += 12;
                    break;
                case Hprof.CLASS_DUMP:
                    p = classDump(p, o);
                    break;
                case Hprof.INSTANCE_DUMP: {
                    long classId = in.getLong(p + 12);
                    int n = in.getInt(p + 20);
                    int data = p + 24;
                    java.io.ByteArrayOutputStream fields = new java.io.ByteArrayOutputStream(n);
                    DataOutputStream f = new DataOutputStream(fields);
                    int q = data;
                    for (long c = classId; c != 0 && fieldTypes.containsKey(c); c = superOf.get(c)) {
                        for (long t : fieldTypes.get(c)) {
                            if (t == Hprof.OBJECT) {
                                f.writeInt(object(in.getLong(q)));
                                q += 8;
                            } else {
                                int size = Hprof.typeSize((int) t, 8);
                                f.write(in.array(), q, size);
                                q += size;
                            }
                        }
                    }
                    f.flush();
                    o.writeInt(object(in.getLong(p)));
                    o.writeInt(in.getInt(p + 8));
                    o.writeInt(object(classId));
                    o.writeInt(fields.size());
                    fields.writeTo(o);
                    p = data + n;
                    break;
                }
                case Hprof.OBJ_ARRAY_DUMP: {
                    int n = in.getInt(p + 12);
                    o.writeInt(object(in.getLong(p)));
                    o.writeInt(in.getInt(p + 8));
                    o.writeInt(n);
                    o.writeInt(object(in.getLong(p + 16)));
                    for (int i = 0; i < n; i++) o.writeInt(object(in.getLong(p + 24 + 8 * i)));
                    p += 24 + 8 * n;
                    break;
                }
                case Hprof.PRIM_ARRAY_DUMP: {
                    int n = in.getInt(p + 12);
                    int type = in.get(p + 16);
                    o.writeInt(object(in.getLong(p)));
                    o.write(in.array(), p + 8, 9);
                    int bytes = n * Hprof.typeSize(type, 8);
                    o.write(in.array(), p + 17, bytes);
                    p += 17 + bytes;
                    break;
                }
                default:
                    throw new IllegalStateException("sub-record " + tag + " at " + (p - 1));
            }
        }
    }

    private int classDump(int p, DataOutputStream o) throws IOException {
        long classId = in.getLong(p);
        o.writeInt(object(classId));
        o.writeInt(in.getInt(p + 8));
        long superId = in.getLong(p + 12);
        superOf.put(classId, superId);
        o.writeInt(object(superId));
        for (int i = 0; i < 5; i++) o.writeInt(object(in.getLong(p + 20 + 8 * i)));
        o.writeInt(in.getInt(p + 60));
        int q = p + 64;
        int cp = in.getShort(q) & 0xffff;
        o.writeShort(cp);
        q += 2;
        for (int i = 0; i < cp; i++) {
            o.writeShort(in.getShort(q));
            q = value(q + 2, o);
        }
        int statics = in.getShort(q) & 0xffff;
        o.writeShort(statics);
        q += 2;
        for (int i = 0; i < statics; i++) {
            o.writeInt(name(in.getLong(q)));
            q = value(q + 8, o);
        }
        int fields = in.getShort(q) & 0xffff;
        o.writeShort(fields);
        q += 2;
        long[] types = new long[fields];
        for (int i = 0; i < fields; i++) {
            o.writeInt(name(in.getLong(q)));
            types[i] = in.get(q + 8);
            o.writeByte(in.get(q + 8));
            q += 9;
        }
        fieldTypes.put(classId, types);
        return q;
    }

    /** Copies a typed value at {@code q} (type byte first); returns the position after it. */
    private int value(int q, DataOutputStream o) throws IOException {
        int type = in.get(q);
        o.writeByte(type);
        if (type == Hprof.OBJECT) {
            o.writeInt(object(in.getLong(q + 1)));
            return q + 9;
        }
        int size = Hprof.typeSize(type, 8);
        o.write(in.array(), q + 1, size);
        return q + 1 + size;
    }
}
