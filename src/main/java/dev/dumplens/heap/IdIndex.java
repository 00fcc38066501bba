package dev.dumplens.heap;

import java.util.Arrays;

/**
 * Maps object ids (addresses) to dense object indexes (their order in the file).
 * <p>
 * HotSpot writes the class objects first and then the other objects in address order. For such a file
 * ({@link SortedRun}) the ids themselves, as 32-bit offsets from the lowest one, form the sorted search array: a
 * lookup is a directory step and a binary search over about eight ints, and the index costs half a byte per object
 * beyond the id column that is kept anyway; class objects go to a small hash map.
 * <p>
 * Any other order ({@link Sorted}): each id is packed with its index into one long
 * ({@code (id - minId) >>> alignmentBits} in the high bits, the index in the low bits) and the array is sorted, so a
 * lookup is a directory step plus a binary search within a bucket of about two entries, and the whole index takes 8
 * bytes per object plus a directory of about 2. Dumps whose ids cannot be packed that way (ids spread over more than
 * 2^(63 - index bits) alignment units) fall back to a hash map. When an id occurs twice, lookups find its first
 * occurrence.
 */
abstract class IdIndex {
    /** The index of the object with this id, or -1. */
    abstract int indexOf(long id);

    /**
     * Like {@link #indexOf(long)}, faster when the object is likely near index {@code hint} (objects often
     * reference objects allocated next to them).
     */
    int indexOf(long id, int hint) {
        return indexOf(id);
    }

    /** How many ids occurred more than once. */
    abstract int duplicates();

    /** The ids by index, compactly. */
    abstract IdColumn column();

    /**
     * Builds the index; {@code classOf} marks class objects with -1 (as pass 1 leaves them).
     */
    static IdIndex build(LongChunks ids, IntChunks classOf, long minId, long maxId) {
        int n = (int) ids.size();
        long or = 0;
        for (int i = 0; i < n; i++) or |= ids.get(i) - minId;
        int shift = or == 0 ? 0 : Long.numberOfTrailingZeros(or);
        long maxKey = n == 0 ? 0 : (maxId - minId) >>> shift;
        if (maxKey <= 0xffffffffL && SortedRun.applies(ids, classOf)) return new SortedRun(ids, classOf, minId, shift);
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

    /** Class objects first, then every other object in increasing address order. */
    private static final class SortedRun extends IdIndex {
        private static final int PER_BUCKET_SHIFT = 3;
        private static final int NEAR = 32;

        private final int[] units;
        private final long minId;
        private final int shift;
        private final long alignMask;
        private final int start;
        private final long base;
        private final int dirShift;
        private final long bucketMask;
        private final int[] dir;
        private final LongLongMap classes;

        static boolean applies(LongChunks ids, IntChunks classOf) {
            long n = ids.size();
            long i = 0;
            while (i < n && classOf.get(i) == -1) i++;
            for (long prev = Long.MIN_VALUE; i < n; i++) {
                long id = ids.get(i);
                if (classOf.get(i) == -1 || id <= prev) return false;
                prev = id;
            }
            return true;
        }

        SortedRun(LongChunks ids, IntChunks classOf, long minId, int shift) {
            int n = (int) ids.size();
            this.minId = minId;
            this.shift = shift;
            this.alignMask = (1L << shift) - 1;
            units = new int[n];
            for (int i = 0; i < n; i++) units[i] = (int) ((ids.get(i) - minId) >>> shift);
            int c = 0;
            while (c < n && classOf.get(c) == -1) c++;
            start = c;
            classes = new LongLongMap(Math.max(16, c));
            for (int i = 0; i < c; i++) classes.put(ids.get(i), i);
            base = c < n ? units[c] & 0xffffffffL : 0;
            long span = c < n ? (units[n - 1] & 0xffffffffL) - base : 0;
            int spanBits = 64 - Long.numberOfLeadingZeros(span);
            int buckets = Math.max(1, (n - c) >>> PER_BUCKET_SHIFT);
            int bucketBits = 32 - Integer.numberOfLeadingZeros(buckets);
            dirShift = Math.max(0, spanBits - bucketBits);
            bucketMask = (1L << dirShift) - 1;
            int nb = (int) (span >>> dirShift) + 1;
            dir = new int[nb + 1];
            for (int i = c; i < n; i++) dir[(int) (((units[i] & 0xffffffffL) - base) >>> dirShift) + 1]++;
            dir[0] = c;
            for (int b = 0; b < nb; b++) dir[b + 1] += dir[b];
        }

        @Override int indexOf(long id) {
            long delta = id - minId;
            if (delta >= 0 && (delta & alignMask) == 0) {
                long u = delta >>> shift;
                long off = u - base;
                if (off >= 0 && (off >>> dirShift) < dir.length - 1) {
                    int b = (int) (off >>> dirShift);
                    int lo = dir[b];
                    int hi = dir[b + 1];
                    if (lo < hi) {
                        // addresses are spread evenly enough for interpolation to land next to the entry
                        int i = lo + (int) (((off & bucketMask) * (hi - lo)) >>> dirShift);
                        long v = units[i] & 0xffffffffL;
                        if (v < u) {
                            while (++i < hi && (v = units[i] & 0xffffffffL) < u) { }
                        } else {
                            while (v > u && --i >= lo) v = units[i] & 0xffffffffL;
                        }
                        if (i >= lo && i < hi && v == u) return i;
                    }
                }
            }
            return (int) classes.get(id, -1);
        }

        @Override int indexOf(long id, int hint) {
            long delta = id - minId;
            if (hint < start || delta < 0 || (delta & alignMask) != 0) return indexOf(id);
            long u = delta >>> shift;
            int lo = Math.max(start, hint - NEAR);
            int hi = Math.min(units.length - 1, hint + NEAR);
            if ((units[lo] & 0xffffffffL) > u || (units[hi] & 0xffffffffL) < u) return indexOf(id);
            hi++;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if ((units[mid] & 0xffffffffL) < u) lo = mid + 1; else hi = mid;
            }
            return (units[lo] & 0xffffffffL) == u ? lo : (int) classes.get(id, -1);
        }

        @Override int duplicates() { return 0; }

        @Override IdColumn column() { return IdColumn.packed(units, minId, shift); }
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
