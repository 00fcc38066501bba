package dev.dumplens.heap;

/**
 * Object ids by index. Addresses of one heap usually fit 32 bits once the lowest address is subtracted and the
 * alignment shifted out; then 4 bytes per object suffice, else 8.
 */
final class IdColumn {
    private final int[] units;
    private final long[] ids;
    private final long base;
    private final int shift;

    private IdColumn(int[] units, long[] ids, long base, int shift) {
        this.units = units;
        this.ids = ids;
        this.base = base;
        this.shift = shift;
    }

    static IdColumn packed(int[] units, long base, int shift) { return new IdColumn(units, null, base, shift); }

    static IdColumn plain(long[] ids) { return new IdColumn(null, ids, 0, 0); }

    /** The packed ids (offsets from the base in alignment units), or null when the ids are stored plain. */
    int[] units() { return units; }

    /** The same column over other packed ids (for example the same ones read back from a {@link Spill}). */
    IdColumn withUnits(int[] units) { return packed(units, base, shift); }

    int size() { return units != null ? units.length : ids.length; }

    long get(int i) {
        return units != null ? base + ((units[i] & 0xffffffffL) << shift) : ids[i];
    }
}
