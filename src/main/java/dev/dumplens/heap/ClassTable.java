package dev.dumplens.heap;

import java.util.ArrayList;
import java.util.List;

/** The dump's classes by id, the primitive array classes by element type, and pseudo classes for what is missing. */
final class ClassTable {
    private static final int MAX_CHAIN = 1000;

    final List<ClassInfo> all = new ArrayList<>();
    private final LongLongMap byId = new LongLongMap(1 << 10);
    private final ClassInfo[] primitiveArrays = new ClassInfo[16];
    private final LongLongMap unknown = new LongLongMap(16);
    /** Whether a primitive array was classified by a pseudo class before its real class appeared. */
    boolean pseudoReplaced;

    int size() { return all.size(); }

    ClassInfo get(int index) { return all.get(index); }

    void add(ClassInfo c) {
        all.add(c);
        byId.put(c.id, c.index);
        if (c.name != null) nameKnown(c);
    }

    /** Called once a class' name is set: recognizes primitive array classes. */
    void nameKnown(ClassInfo c) {
        for (int t = Hprof.BOOLEAN; t <= Hprof.LONG; t++) {
            if (c.name.equals(Hprof.primitiveName(t) + "[]")) {
                c.arrayElementType = t;
                ClassInfo old = primitiveArrays[t];
                if (old == null || old.isPseudo()) {
                    if (old != null) pseudoReplaced = true;
                    primitiveArrays[t] = c;
                }
                return;
            }
        }
        if (c.name.endsWith("[]")) c.arrayElementType = Hprof.OBJECT;
    }

    /** The class with this id, or null. */
    ClassInfo byId(long id) {
        long i = byId.get(id, -1);
        return i < 0 ? null : all.get((int) i);
    }

    /** The class with this id, or a pseudo class standing for the missing one. */
    ClassInfo byIdOrUnknown(long id, boolean array) {
        ClassInfo c = byId(id);
        if (c != null) return c;
        long i = unknown.get(id, -1);
        if (i >= 0) return all.get((int) i);
        c = ClassInfo.pseudo(all.size(), "<unknown class 0x" + Long.toHexString(id) + ">" + (array ? "[]" : ""),
                array ? Hprof.OBJECT : 0);
        all.add(c);
        unknown.put(id, c.index);
        return c;
    }

    int unknownCount() { return unknown.size(); }

    /** The class of primitive arrays of {@code type}: the dumped one, else a pseudo class. */
    ClassInfo primitiveArray(int type) {
        ClassInfo c = primitiveArrays[type];
        if (c == null) {
            c = ClassInfo.pseudo(all.size(), Hprof.primitiveName(type) + "[]", type);
            all.add(c);
            primitiveArrays[type] = c;
        }
        return c;
    }

    /** The class named {@code javaName}: the dumped one, else a new pseudo class. */
    ClassInfo byNameOrPseudo(String javaName) {
        ClassInfo c = byName(javaName);
        if (c != null) return c;
        c = ClassInfo.pseudo(all.size(), javaName, 0);
        all.add(c);
        return c;
    }

    /** The class named {@code javaName}, or null. */
    ClassInfo byName(String javaName) {
        for (ClassInfo c : all) if (javaName.equals(c.name) && !c.isPseudo()) return c;
        return null;
    }

    /**
     * Computes the instance layout of {@code c} over its superclass chain. Returns false while a superclass has not
     * been read yet, unless {@code complete}: then a missing superclass ends the chain.
     */
    boolean resolveLayout(ClassInfo c, int idSize, boolean complete) {
        if (c.layoutResolved) return true;
        List<ClassInfo> chain = new ArrayList<>();
        for (ClassInfo k = c; k != null && chain.size() < MAX_CHAIN; ) {
            chain.add(k);
            if (k.superId == 0) break;
            ClassInfo s = byId(k.superId);
            if (s == null && !complete) return false;
            k = s;
        }
        int refs = 0;
        for (ClassInfo k : chain) for (byte t : k.fieldTypes) if (t == Hprof.OBJECT) refs++;
        int[] offsets = new int[refs];
        int off = 0, r = 0, prim = 0;
        for (ClassInfo k : chain) {
            for (byte t : k.fieldTypes) {
                int size = Math.max(0, Hprof.typeSize(t, idSize));
                if (t == Hprof.OBJECT) offsets[r++] = off; else prim += size;
                off += size;
            }
        }
        for (int i = 0; i + 1 < chain.size(); i++) chain.get(i).superClass = chain.get(i + 1);
        c.refOffsets = offsets;
        c.primitiveFieldBytes = prim;
        c.layoutResolved = true;
        return true;
    }
}
