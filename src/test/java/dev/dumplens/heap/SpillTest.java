package dev.dumplens.heap;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Columns come back from the temporary file as written, across the reading and writing buffers' boundaries. */
class SpillTest {
    private static final int N = 700_001; // more than two buffers of 2^18 ints, not a multiple of one

    private static int value(int i) {
        return i * 31 - 7 * (i % 3);
    }

    @Test
    void columnsWrittenEveryWayReadBackEveryWay() {
        int[] a = IntStream.range(0, N).map(SpillTest::value).toArray();
        try (Spill spill = Spill.create()) {
            Spill.Column later = Spill.await(spill.writeLater(a, 1, N - 1));
            Spill.Sink sink = spill.sink(N + 5);
            for (int v : a) sink.add(v);
            Spill.Column sunk = sink.finish();
            Spill.Column parts = spill.reserve(N);
            spill.writeAt(parts, 400_000, a, 400_000, N - 400_000);
            spill.writeAt(parts, 0, a, 0, 400_000);

            assertThat(sunk.length()).isEqualTo(N);
            assertThat(spill.read(sunk)).isEqualTo(a);
            assertThat(spill.read(parts)).isEqualTo(a);
            int[] tail = spill.read(later);
            assertThat(tail).hasSize(N - 1);
            assertThat(tail[0]).isEqualTo(a[1]);
            assertThat(tail[N - 2]).isEqualTo(a[N - 1]);

            Spill.ReverseReader back = spill.reverseReader(sunk);
            for (int i = N - 1; i >= 0; i--) assertThat(back.previous()).isEqualTo(a[i]);
            Spill.Reader forward = spill.reader(parts);
            forward.skip(300_000);
            assertThat(forward.next()).isEqualTo(a[300_000]);
            Spill.Mapped mapped = spill.map(parts);
            assertThat(mapped.get(0)).isEqualTo(a[0]);
            assertThat(mapped.get(N - 1)).isEqualTo(a[N - 1]);
        }
    }

    @Test
    void consecutiveColumnsFillTheEndOfOneArray() {
        try (Spill spill = Spill.create()) {
            Spill.Column first = spill.reserve(2);
            spill.writeAt(first, 0, new int[] {1, 2}, 0, 2);
            Spill.Column second = spill.reserve(3);
            spill.writeAt(second, 0, new int[] {3, 4, 5}, 0, 3);
            assertThat(spill.read(new Spill.Column[] {first, second}, 7)).containsExactly(0, 0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void aColumnTakesTheSpaceOfOneNoLongerNeeded() {
        try (Spill spill = Spill.create()) {
            Spill.Column old = Spill.await(spill.writeLater(new int[] {9, 9, 9, 9}, 0, 4));
            Spill.Column reused = Spill.await(spill.writeLater(new int[] {1, 2, 3}, 0, 3, old));
            assertThat(reused.position()).isEqualTo(old.position());
            assertThat(spill.read(reused)).containsExactly(1, 2, 3);
        }
    }
}
