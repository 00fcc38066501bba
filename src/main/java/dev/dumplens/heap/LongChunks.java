package dev.dumplens.heap;

import java.util.Arrays;

/** A growable list of longs stored in fixed-size blocks, so growing never copies. */
final class LongChunks {
    private static final int SHIFT = 20;
    private static final int SIZE = 1 << SHIFT;
    private static final int MASK = SIZE - 1;

    private long[][] blocks = new long[4][];
    private long size;

    long size() { return size; }

    void add(long v) {
        int b = (int) (size >>> SHIFT);
        if (b == blocks.length) blocks = Arrays.copyOf(blocks, b * 2);
        long[] block = blocks[b];
        if (block == null) blocks[b] = block = new long[SIZE];
        block[(int) (size & MASK)] = v;
        size++;
    }

    long get(long i) { return blocks[(int) (i >>> SHIFT)][(int) (i & MASK)]; }

    /** Appends every value of {@code other} and empties it, releasing its blocks as they are copied. */
    void appendAll(LongChunks other) {
        long n = other.size;
        for (long i = 0; i < n; ) {
            int src = (int) (i & MASK);
            int dst = (int) (size & MASK);
            int count = (int) Math.min(Math.min(SIZE - src, SIZE - dst), n - i);
            int b = (int) (size >>> SHIFT);
            if (b == blocks.length) blocks = Arrays.copyOf(blocks, b * 2);
            if (blocks[b] == null) blocks[b] = new long[SIZE];
            System.arraycopy(other.blocks[(int) (i >>> SHIFT)], src, blocks[b], dst, count);
            size += count;
            i += count;
            if ((i & MASK) == 0 || i == n) other.blocks[(int) ((i - 1) >>> SHIFT)] = null;
        }
        other.clear();
    }

    /** Releases the storage. */
    void clear() {
        blocks = new long[4][];
        size = 0;
    }
}
