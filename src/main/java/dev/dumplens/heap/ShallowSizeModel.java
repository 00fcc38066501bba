package dev.dumplens.heap;

/**
 * How shallow sizes are computed. An HPROF file records field values, not the JVM's memory layout, so sizes are
 * derived from HotSpot's layout rules for the dump's identifier size:
 * <ul>
 *   <li><b>instance</b>: {@code align(header + Σ fields)} over the class and all its superclasses, where a reference
 *       field takes {@link #referenceBytes()} and a primitive field its Java size (long/double 8, int/float 4,
 *       char/short 2, byte/boolean 1). This is exact for the field layout of JDK 15 and later, which packs fields of
 *       all class levels into gaps; on JDK 8–14, which starts every class level at a 4- or 8-byte boundary, it can
 *       be up to 7 bytes per class level too small.</li>
 *   <li><b>array</b>: {@code align(arrayHeader + length × elementSize)}, with references at
 *       {@link #referenceBytes()}.</li>
 *   <li><b>class object</b> ({@code java.lang.Class} mirror, which holds the static fields since JDK 8):
 *       {@code align(instance size of java.lang.Class + Σ static fields)}.</li>
 * </ul>
 * Which layout applies is guessed from the dump: 4-byte identifiers mean a 32-bit VM (8-byte header, 12-byte array
 * header, 4-byte references). 8-byte identifiers mean a 64-bit VM; it uses compressed references (12-byte header,
 * 16-byte array header, 4-byte references — HotSpot's default below 32 GB of heap) unless the objects' addresses span
 * 32 GB or more or lie above 4 TB (ZGC), in which case references take 8 bytes and the header is 12 bytes (compressed
 * class pointers, JDK 16+, recognized by the presence of {@code java.lang.Record}) or 16 bytes (older JDKs; array
 * header 24). A VM started with {@code -XX:-UseCompressedOops} below 32 GB or with compact object headers cannot be
 * told apart and is sized as the default.
 * <p>
 * <b>Compared with MAT</b>: this does not match the sizes of classic MAT or its fork {@code com.squareup.haha}, which
 * assume a 16-byte header and identifier-sized references (8 bytes) and align every class level to the identifier
 * size; for a typical 64-bit dump those are larger by 4 bytes per header and 4 bytes per reference field. The retained
 * <em>sets</em> (which objects a thread or object keeps alive) do not depend on the size model; the tests compare
 * those exactly against {@code haha}.
 */
public record ShallowSizeModel(String name, int headerBytes, int arrayHeaderBytes, int referenceBytes, int alignment) {

    /** 32-bit HotSpot. */
    public static final ShallowSizeModel HOTSPOT_32 = new ShallowSizeModel("32-bit", 8, 12, 4, 8);
    /** 64-bit HotSpot with compressed references and compressed class pointers (the default below 32 GB). */
    public static final ShallowSizeModel HOTSPOT_64_COMPRESSED =
            new ShallowSizeModel("64-bit, compressed references", 12, 16, 4, 8);
    /** 64-bit HotSpot without compressed references but with compressed class pointers (JDK 16+, large heaps). */
    public static final ShallowSizeModel HOTSPOT_64_WIDE_REFS =
            new ShallowSizeModel("64-bit, 8-byte references", 12, 16, 8, 8);
    /** 64-bit HotSpot without any compression (JDK 8–15 with large heaps). */
    public static final ShallowSizeModel HOTSPOT_64_UNCOMPRESSED =
            new ShallowSizeModel("64-bit, uncompressed", 16, 24, 8, 8);

    private static final long COMPRESSED_LIMIT = 32L << 30;
    private static final long ZGC_BASE = 4L << 40;

    /** Picks the model for a dump with the given identifier size and object address range. */
    static ShallowSizeModel guess(int idSize, long minAddress, long maxAddress, boolean hasRecordClass) {
        if (idSize == 4) return HOTSPOT_32;
        boolean compressed = maxAddress - minAddress < COMPRESSED_LIMIT
                && Long.compareUnsigned(maxAddress, ZGC_BASE) < 0;
        if (compressed) return HOTSPOT_64_COMPRESSED;
        return hasRecordClass ? HOTSPOT_64_WIDE_REFS : HOTSPOT_64_UNCOMPRESSED;
    }

    /** Size of an instance with {@code primitiveBytes} of primitive fields and {@code references} reference fields. */
    public long instanceSize(long primitiveBytes, long references) {
        return align(headerBytes + primitiveBytes + references * referenceBytes);
    }

    /** Size of an array; {@code elementBytes} is the primitive size, or -1 for a reference array. */
    public long arraySize(long length, int elementBytes) {
        int e = elementBytes < 0 ? referenceBytes : elementBytes;
        return align(arrayHeaderBytes + length * e);
    }

    long align(long n) {
        return (n + alignment - 1) / alignment * alignment;
    }

    @Override public String toString() {
        return name + " (header " + headerBytes + ", array header " + arrayHeaderBytes + ", reference "
                + referenceBytes + ", alignment " + alignment + ")";
    }
}
