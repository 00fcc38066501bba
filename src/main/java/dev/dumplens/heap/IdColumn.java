package dev.dumplens.heap;

/**
 * Object ids by index. Addresses of one heap usually fit 32 bits once the lowest address is subtracted and the
 * alignment shifted out; then 4 bytes per object suffice ("packed", in memory or in a mapped {@link Spill}), else 8.
 */
final class IdColumn {
    private final int[] units;
    private final Spill.Mapped mapped;
    private final long[] ids;
    private final long base;
    private final int shift;

    private IdColumn(int[] units, Spill.Mapped mapped, long[] ids, long base, int shift) {
        this.units = units;
        this.mapped = mapped;
        this.ids = ids;
        this.base = base;
        this.shift = shift;
    }

    static IdColumn packed(int[] units, long base, int shift) {
        return new IdColumn(units, null, null, base, shift);
    }

    static IdColumn plain(long[] ids) { return new IdColumn(null, null, ids, 0, 0); }

    /** The packed ids in memory (offsets from the base in alignment units), or null. */
    int[] units() { return units; }

    /** Base and alignment without the ids, to be given them again by {@link #mapped}. */
    IdColumn shape() { return new IdColumn(null, null, null, base, shift); }

    /** The same packed ids, as written to a {@link Spill} and mapped from there. */
    IdColumn mapped(Spill.Mapped column) { return new IdColumn(null, column, null, base, shift); }

    long get(int i) {
        if (units != null) return base + ((units[i] & 0xffffffffL) << shift);
        if (mapped != null) return base + ((mapped.get(i) & 0xffffffffL) << shift);
        return ids[i];
    }
}
