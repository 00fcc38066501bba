package dev.dumplens.heap;

import java.util.HashMap;
import java.util.Map;

/**
 * The dump's UTF8 records (names of classes, fields, methods, source files) by id, kept as file positions and decoded
 * on demand, plus LOAD_CLASS records (class object id and class serial → name id).
 */
final class Names {
    private final HprofBytes b;
    private final LongLongMap utf8 = new LongLongMap(1 << 12);
    private final LongLongMap classNameIds = new LongLongMap(1 << 10);
    private final LongLongMap classIdBySerial = new LongLongMap(1 << 10);
    private final Map<Long, String> cache = new HashMap<>();

    Names(HprofBytes b) {
        this.b = b;
    }

    /** A UTF8 record: {@code length} bytes at {@code pos}. */
    void addUtf8(long id, long pos, long length) {
        utf8.put(id, pos << 24 | Math.min(length, (1 << 24) - 1));
    }

    void addLoadClass(int serial, long classId, long nameId) {
        classNameIds.put(classId, nameId);
        classIdBySerial.put(serial & 0xffffffffL, classId);
    }

    /** The string with this id, or null when the dump has none. */
    synchronized String get(long id) {
        Long key = id;
        String s = cache.get(key);
        if (s != null || cache.containsKey(key)) return s;
        long v = utf8.get(id, -1);
        s = v < 0 ? null : decode(v >>> 24, (int) (v & ((1 << 24) - 1)));
        cache.put(key, s);
        return s;
    }

    /** The VM name ({@code java/lang/String}, {@code [B}) of a class object from LOAD_CLASS, or null. */
    String vmClassName(long classId) {
        return classNameIds.contains(classId) ? get(classNameIds.get(classId, 0)) : null;
    }

    /** The class object id of a class serial number, or 0. */
    long classIdOfSerial(int serial) {
        return classIdBySerial.get(serial & 0xffffffffL, 0);
    }

    private String decode(long pos, int len) {
        byte[] raw = new byte[len];
        b.read(pos, raw, 0, len);
        return ModifiedUtf8.decode(raw);
    }
}
