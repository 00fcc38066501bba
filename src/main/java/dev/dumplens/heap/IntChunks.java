package dev.dumplens.heap;

import java.util.Arrays;

/** A growable list of ints stored in fixed-size blocks, so growing never copies (used while the count is unknown). */
final class IntChunks {
    private static final int SHIFT = 20;
    private static final int SIZE = 1 << SHIFT;
    private static final int MASK = SIZE - 1;

    private int[][] blocks = new int[4][];
    private long size;

    long size() { return size; }

    void add(int v) {
        int b = (int) (size >>> SHIFT);
        if (b == blocks.length) blocks = Arrays.copyOf(blocks, b * 2);
        int[] block = blocks[b];
        if (block == null) blocks[b] = block = new int[SIZE];
        block[(int) (size & MASK)] = v;
        size++;
    }

    int get(long i) { return blocks[(int) (i >>> SHIFT)][(int) (i & MASK)]; }

    void set(long i, int v) { blocks[(int) (i >>> SHIFT)][(int) (i & MASK)] = v; }

    /** Appends every value of {@code other} and empties it, releasing its blocks as they are copied. */
    void appendAll(IntChunks other) {
        long n = other.size;
        for (long i = 0; i < n; ) {
            int src = (int) (i & MASK);
            int dst = (int) (size & MASK);
            int count = (int) Math.min(Math.min(SIZE - src, SIZE - dst), n - i);
            int b = (int) (size >>> SHIFT);
            if (b == blocks.length) blocks = Arrays.copyOf(blocks, b * 2);
            if (blocks[b] == null) blocks[b] = new int[SIZE];
            System.arraycopy(other.blocks[(int) (i >>> SHIFT)], src, blocks[b], dst, count);
            size += count;
            i += count;
            if ((i & MASK) == 0 || i == n) other.blocks[(int) ((i - 1) >>> SHIFT)] = null;
        }
        other.clear();
    }

    /** Releases the storage. */
    void clear() {
        blocks = new int[4][];
        size = 0;
    }

    /** Copies into one array and releases the blocks as it goes. */
    int[] drainToArray(int extra) {
        int[] out = new int[Math.toIntExact(size + extra)];
        int n = (int) size;
        for (int b = 0, off = 0; off < n; b++, off += SIZE) {
            System.arraycopy(blocks[b], 0, out, off, Math.min(SIZE, n - off));
            blocks[b] = null;
        }
        size = 0;
        return out;
    }
}
