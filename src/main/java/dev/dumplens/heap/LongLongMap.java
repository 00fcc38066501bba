package dev.dumplens.heap;

/** Open-addressing hash map from long keys to long values, for the dump's small lookup tables. */
final class LongLongMap {
    private long[] keys;
    private long[] values;
    private boolean[] used;
    private int size;
    private int mask;

    LongLongMap(int expected) {
        allocate(Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1);
    }

    private void allocate(int cap) {
        keys = new long[cap];
        values = new long[cap];
        used = new boolean[cap];
        mask = cap - 1;
        size = 0;
    }

    int size() { return size; }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (used[i] && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    /** The value of {@code key}, or {@code absent}. */
    long get(long key, long absent) {
        int i = slot(key);
        return used[i] ? values[i] : absent;
    }

    boolean contains(long key) { return used[slot(key)]; }

    void put(long key, long value) {
        if ((size + 1) * 2 > keys.length) grow();
        int i = slot(key);
        if (!used[i]) {
            used[i] = true;
            keys[i] = key;
            size++;
        }
        values[i] = value;
    }

    private void grow() {
        long[] k = keys;
        long[] v = values;
        boolean[] u = used;
        allocate(keys.length * 2);
        for (int i = 0; i < k.length; i++) if (u[i]) put(k[i], v[i]);
    }
}
