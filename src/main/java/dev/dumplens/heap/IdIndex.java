package dev.dumplens.heap;

import java.util.Arrays;

/**
 * Maps object ids (addresses) to dense object indexes. Each id is packed with its index into one long
 * ({@code (id - minId) >>> alignmentBits} in the high bits, the index in the low bits) and the array is sorted, so a
 * lookup is a directory step plus a binary search within a bucket of about two entries, and the whole index takes 8 bytes per object plus a directory of
 * about 2. Dumps whose ids cannot be packed that way (ids spread over more than 2^(63 - index bits) alignment units)
 * fall back to a hash map. When an id occurs twice, lookups find its first occurrence.
 */
abstract class IdIndex {
    /** The index of the object with this id, or -1. */
    abstract int indexOf(long id);

    /** How many ids occurred more than once. */
    abstract int duplicates();

    /** The ids by index, compactly. */
    abstract IdColumn column();

    static IdIndex build(LongChunks ids, long minId, long maxId) {
        int n = (int) ids.size();
        long or = 0;
        for (int i = 0; i < n; i++) or |= ids.get(i) - minId;
        int shift = or == 0 ? 0 : Long.numberOfTrailingZeros(or);
        long maxKey = n == 0 ? 0 : (maxId - minId) >>> shift;
        int keyBits = 64 - Long.numberOfLeadingZeros(maxKey);
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
        if (keyBits + indexBits > 63 || n == 0 && minId > maxId) {
            return n == 0 ? new Sorted(new long[0], 0, 0, 1, 0) : new Hashed(ids);
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = ((ids.get(i) - minId) >>> shift) << indexBits | i;
        Arrays.sort(keys);
        return new Sorted(keys, minId, shift, indexBits, maxKey);
    }

    private static final class Sorted extends IdIndex {
        private final long[] keys;
        private final long minId;
        private final int shift;
        private final long alignMask;
        private final int indexBits;
        private final long indexMask;
        private final long maxKey;
        private final int dirShift;
        private final int[] dir;
        private final int duplicates;

        Sorted(long[] keys, long minId, int shift, int indexBits, long maxKey) {
            this.keys = keys;
            this.minId = minId;
            this.shift = shift;
            this.alignMask = (1L << shift) - 1;
            this.indexBits = indexBits;
            this.indexMask = (1L << indexBits) - 1;
            this.maxKey = maxKey;
            int n = keys.length;
            int keyBits = 64 - Long.numberOfLeadingZeros(maxKey);
            int logN = 31 - Integer.numberOfLeadingZeros(Math.max(1, n));
            this.dirShift = Math.max(0, keyBits - Math.max(0, logN - 1));
            int buckets = (int) (maxKey >>> dirShift) + 1;
            int[] d = new int[buckets + 1];
            int dups = 0;
            long prev = -1;
            for (long k : keys) {
                long key = k >>> indexBits;
                if (key == prev) dups++;
                prev = key;
                d[(int) (key >>> dirShift) + 1]++;
            }
            for (int i = 0; i < buckets; i++) d[i + 1] += d[i];
            this.dir = d;
            this.duplicates = dups;
        }

        @Override int indexOf(long id) {
            long delta = id - minId;
            if (delta < 0 || (delta & alignMask) != 0) return -1;
            long k = delta >>> shift;
            if (k > maxKey) return -1;
            int bucket = (int) (k >>> dirShift);
            int lo = dir[bucket];
            int hi = dir[bucket + 1];
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (keys[mid] >>> indexBits < k) lo = mid + 1; else hi = mid;
            }
            return lo < dir[bucket + 1] && keys[lo] >>> indexBits == k ? (int) (keys[lo] & indexMask) : -1;
        }

        @Override int duplicates() { return duplicates; }

        @Override IdColumn column() {
            int n = keys.length;
            if (maxKey <= 0xffffffffL) {
                int[] units = new int[n];
                for (long k : keys) units[(int) (k & indexMask)] = (int) (k >>> indexBits);
                return IdColumn.packed(units, minId, shift);
            }
            long[] ids = new long[n];
            for (long k : keys) ids[(int) (k & indexMask)] = minId + ((k >>> indexBits) << shift);
            return IdColumn.plain(ids);
        }
    }

    private static final class Hashed extends IdIndex {
        private final LongLongMap map;
        private final long[] ids;
        private int duplicates;

        Hashed(LongChunks chunks) {
            int n = (int) chunks.size();
            map = new LongLongMap(n);
            ids = new long[n];
            for (int i = 0; i < n; i++) {
                long id = chunks.get(i);
                ids[i] = id;
                if (map.contains(id)) duplicates++; else map.put(id, i);
            }
        }

        @Override int indexOf(long id) { return (int) map.get(id, -1); }

        @Override int duplicates() { return duplicates; }

        @Override IdColumn column() { return IdColumn.plain(ids); }
    }
}
