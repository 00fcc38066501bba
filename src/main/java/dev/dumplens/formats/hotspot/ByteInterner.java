package dev.dumplens.formats.hotspot;

/**
 * Interns values keyed by byte ranges of a block: the first time a byte sequence is seen its value is created
 * (decoded once); later equal sequences return the same instance without decoding or allocating. An
 * open-addressing table keyed by the hash of the bytes; the keys are kept together in a small array, so comparing
 * with them stays in the CPU cache.
 *
 * @param <T> the interned value (stack frames, lock references, state texts)
 */
final class ByteInterner<T> {

    /** Creates the value for a byte range seen for the first time. */
    @FunctionalInterface
    interface Factory<T> {
        T create(int from, int to);
    }

    private final ByteText text;
    private final Factory<T> factory;
    private int[] hashes;
    private int[] starts;
    private int[] lengths;
    private Object[] values;
    private int size;
    private byte[] keys = new byte[4096];
    private int keysUsed;

    ByteInterner(ByteText text, int initialCapacity, Factory<T> factory) {
        this.text = text;
        this.factory = factory;
        int cap = Integer.highestOneBit(Math.max(16, initialCapacity) * 2 - 1);
        allocate(cap);
    }

    private void allocate(int cap) {
        hashes = new int[cap];
        starts = new int[cap];
        lengths = new int[cap];
        values = new Object[cap];
    }

    int size() { return size; }

    /** The interned value for the bytes {@code [from, to)}. */
    T intern(int from, int to) {
        return intern(from, to, text.hash(from, to));
    }

    /** The interned value for the bytes {@code [from, to)} whose {@link ByteText#hash} is {@code h}. */
    @SuppressWarnings("unchecked")
    T intern(int from, int to, int h) {
        int n = to - from;
        int mask = values.length - 1;
        int slot = h & mask;
        while (true) {
            Object v = values[slot];
            if (v == null) break;
            if (hashes[slot] == h && lengths[slot] == n && text.rangeEquals(from, keys, starts[slot], n)) return (T) v;
            slot = (slot + 1) & mask;
        }
        T created = factory.create(from, to);
        if (keysUsed + n > keys.length) keys = java.util.Arrays.copyOf(keys, Math.max(keys.length * 2, keysUsed + n));
        text.copy(from, keys, keysUsed, n);
        hashes[slot] = h;
        starts[slot] = keysUsed;
        keysUsed += n;
        lengths[slot] = n;
        values[slot] = created;
        if (++size * 2 > values.length) grow();
        return created;
    }

    private void grow() {
        int[] oldHashes = hashes;
        int[] oldStarts = starts;
        int[] oldLengths = lengths;
        Object[] oldValues = values;
        allocate(oldValues.length * 2);
        int mask = values.length - 1;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] == null) continue;
            int slot = oldHashes[i] & mask;
            while (values[slot] != null) slot = (slot + 1) & mask;
            hashes[slot] = oldHashes[i];
            starts[slot] = oldStarts[i];
            lengths[slot] = oldLengths[i];
            values[slot] = oldValues[i];
        }
    }
}
