package dev.dumplens.heap;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Each id index layout finds every id at its file index and rejects ids that are not there. */
class IdIndexTest {

    /** Class objects first, then the rest by address: HotSpot's order (the SortedRun layout). */
    @Test
    void addressOrderedAfterClassPrefix() {
        List<Long> ids = new ArrayList<>(List.of(0x7ff00000L, 0x7f000010L, 0x7ff00020L));
        long a = 0x10000000L;
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) ids.add(a += 16 + 8L * r.nextInt(200));
        check(ids, 3);
    }

    /** Any other order (a parallel dump's runs, shuffled): the packed-and-sorted layout. */
    @Test
    void shuffled() {
        List<Long> ids = new ArrayList<>();
        long a = 0x600000000L;
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) ids.add(a += 24 + 8L * r.nextInt(100));
        Collections.shuffle(ids, new java.util.Random(3));
        check(ids, 0);
    }

    /** Ids spread too far to pack with their index (synthetic dumps): the hash map layout. */
    @Test
    void widelySpread() {
        List<Long> ids = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) ids.add(r.nextLong() & Long.MAX_VALUE);
        check(ids, 0);
    }

    @Test
    void duplicatesResolveToTheFirstOccurrence() {
        List<Long> ids = new ArrayList<>(List.of(0x1000L, 0x1010L, 0x1020L, 0x1010L, 0x1030L));
        IdIndex index = build(ids, 0);
        assertThat(index.indexOf(0x1010L)).isEqualTo(1);
        assertThat(index.duplicates()).isEqualTo(1);
    }

    private static void check(List<Long> ids, int classPrefix) {
        IdIndex index = build(ids, classPrefix);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(index.indexOf(ids.get(i))).isEqualTo(i);
            assertThat(index.indexOf(ids.get(i), Math.max(0, i - 5))).isEqualTo(i);
            assertThat(index.indexOf(ids.get(i), ids.size() - 1 - i)).isEqualTo(i);
        }
        List<Long> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        for (long id : new long[] {sorted.get(0) - 8, sorted.get(sorted.size() - 1) + 8, sorted.get(1) + 1,
                sorted.get(sorted.size() / 2) + 8 == sorted.get(sorted.size() / 2 + 1) ? 0 : sorted.get(sorted.size() / 2) + 8}) {
            if (id != 0 && !ids.contains(id)) assertThat(index.indexOf(id)).as("0x%x", id).isEqualTo(-1);
        }
        IdColumn column = index.column();
        for (int i = 0; i < ids.size(); i++) assertThat(column.get(i)).isEqualTo(ids.get(i));
    }

    private static IdIndex build(List<Long> ids, int classPrefix) {
        LongChunks chunks = new LongChunks();
        IntChunks classOf = new IntChunks();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            chunks.add(id);
            classOf.add(i < classPrefix ? -1 : 0);
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        return IdIndex.build(chunks, classOf, min, max);
    }
}
