package dev.dumplens.heap;

/**
 * Where some objects' records start: object index and file position, in increasing index order, at most 64 objects
 * apart, so that any object can be found again by skipping at most 63 records from the nearest one before it.
 */
final class Checkpoints {
    static final int SPACING = 64;

    private final IntChunks index = new IntChunks();
    private final LongChunks pos = new LongChunks();

    void add(int objectIndex, long position) {
        index.add(objectIndex);
        pos.add(position);
    }

    int size() { return (int) index.size(); }

    int index(int entry) { return index.get(entry); }

    long position(int entry) { return pos.get(entry); }

    /** Appends {@code other}'s entries with their indexes shifted by {@code base}. */
    void append(Checkpoints other, int base) {
        for (int i = 0; i < other.size(); i++) add(other.index(i) + base, other.position(i));
    }

    /** The last entry at or before object {@code objectIndex}, or -1. */
    int floor(int objectIndex) {
        int lo = 0;
        int hi = size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (index(mid) <= objectIndex) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The first entry at or after file position {@code p}, or {@link #size()}. */
    int atOrAfter(long p) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (position(mid) < p) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
