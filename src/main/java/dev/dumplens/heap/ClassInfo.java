package dev.dumplens.heap;

/**
 * One class of the dump as its CLASS_DUMP record describes it, or a pseudo class for objects whose class is not in
 * the dump (primitive arrays of a VM that dumps no array classes, instances of an unknown class id). Mutable only
 * while the dump is read.
 */
final class ClassInfo {
    final int index;
    final long id;
    final long superId;
    final long loaderId;
    /** Position of the CLASS_DUMP sub-record, or -1 for a pseudo class. */
    final long filePos;
    final long[] fieldNameIds;
    final byte[] fieldTypes;
    final long[] staticNameIds;
    final byte[] staticTypes;
    final long[] staticValues;

    String name;
    /** Object index of the class object (file order), or -1 for a pseudo class or one not yet indexed. */
    int objectIndex = -1;
    /** For a primitive array class, its element type; for an object array class {@link Hprof#OBJECT}; else 0. */
    int arrayElementType;

    // resolved once the superclass chain is known
    ClassInfo superClass;
    boolean layoutResolved;
    /** Byte offsets of the reference fields within an instance's field data, over the whole class chain. */
    int[] refOffsets;
    int primitiveFieldBytes;

    ClassInfo(int index, long id, long superId, long loaderId, long filePos, long[] fieldNameIds, byte[] fieldTypes,
              long[] staticNameIds, byte[] staticTypes, long[] staticValues) {
        this.index = index;
        this.id = id;
        this.superId = superId;
        this.loaderId = loaderId;
        this.filePos = filePos;
        this.fieldNameIds = fieldNameIds;
        this.fieldTypes = fieldTypes;
        this.staticNameIds = staticNameIds;
        this.staticTypes = staticTypes;
        this.staticValues = staticValues;
    }

    static ClassInfo pseudo(int index, String name, int arrayElementType) {
        ClassInfo c = new ClassInfo(index, 0, 0, 0, -1, new long[0], new byte[0], new long[0], new byte[0],
                new long[0]);
        c.name = name;
        c.arrayElementType = arrayElementType;
        c.refOffsets = new int[0];
        c.layoutResolved = true;
        return c;
    }

    boolean isPseudo() { return filePos < 0; }

    boolean isArray() { return arrayElementType != 0; }

    int referenceFieldCount() { return refOffsets.length; }
}
