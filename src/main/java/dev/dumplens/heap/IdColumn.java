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

    int size() { return units != null ? units.length : ids.length; }

    long get(int i) {
        return units != null ? base + ((units[i] & 0xffffffffL) << shift) : ids[i];
    }

    /**
     * A copy with {@code size} entries where entry {@code p} is this column's entry {@code order[p]} (0 where
     * {@code order[p]} is outside this column).
     */
    IdColumn permute(int[] order, int size) {
        if (units != null) {
            int[] u = new int[size];
            for (int p = 0; p < size; p++) u[p] = order[p] < 0 || order[p] >= units.length ? 0 : units[order[p]];
            return new IdColumn(u, null, base, shift);
        }
        long[] l = new long[size];
        for (int p = 0; p < size; p++) l[p] = order[p] < 0 ? 0 : ids[order[p]];
        return new IdColumn(null, l, 0, 0);
    }
}
