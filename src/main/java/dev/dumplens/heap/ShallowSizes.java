package dev.dumplens.heap;

/**
 * Shallow sizes as stored per object: in units of 8 bytes in an int (read unsigned), which covers every array Java
 * can allocate (a {@code long[Integer.MAX_VALUE]} is 16 GiB) in 4 bytes per object. All models align to 8 bytes.
 */
final class ShallowSizes {
    private ShallowSizes() { }

    static int units(long bytes) {
        return (int) ((bytes + 7) >>> 3);
    }

    static long bytes(int units) {
        return (units & 0xffffffffL) << 3;
    }

    /** Instance size in units for every class (0 for array and pseudo classes). */
    static int[] instanceUnits(ClassTable classes, ShallowSizeModel model) {
        int[] out = new int[classes.size()];
        for (ClassInfo c : classes.all) {
            if (c.layoutResolved && !c.isArray()) {
                out[c.index] = units(model.instanceSize(c.primitiveFieldBytes, c.referenceFieldCount()));
            }
        }
        return out;
    }

    /** A class object: the {@code java.lang.Class} instance plus the class' static fields. */
    static int classObject(ClassInfo c, ShallowSizeModel model, long classInstanceBytes) {
        long statics = 0;
        for (byte t : c.staticTypes) {
            statics += t == Hprof.OBJECT ? model.referenceBytes() : Math.max(0, Hprof.typeSize(t, 8));
        }
        return units(model.align(classInstanceBytes + statics));
    }
}
