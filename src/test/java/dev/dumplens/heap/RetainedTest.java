package dev.dumplens.heap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Retained sizes accumulate up the dominator tree, in 8-byte units while the heap fits 32 bits of them, else bytes. */
class RetainedTest {
    // preorder 0 = root (virtual), 1 -> dominated by 0, 2 and 3 dominated by 1
    private static final int[] DOMINATOR = {-1, 0, 1, 1};
    private static final int[] FILE_INDEX = {-1, 0, 1, 2};

    @Test
    void smallHeapsAccumulateInUnits() {
        HeapGraph.Retained r = new HeapGraph.Retained(4, DOMINATOR, FILE_INDEX, new int[] {2, 3, 5});
        assertThat(r.units).containsExactly(10, 10, 3, 5);
        assertThat(r.bytes).isNull();
    }

    @Test
    void heapsBeyond32GigabytesAccumulateInBytes() {
        int big = 0x90000000; // 2.4 G units (19.3 GB) each, unsigned
        HeapGraph.Retained r = new HeapGraph.Retained(4, DOMINATOR, FILE_INDEX, new int[] {big, big, 1});
        long each = ShallowSizes.bytes(big);
        assertThat(r.units).isNull();
        assertThat(r.bytes).containsExactly(2 * each + 8, 2 * each + 8, each, 8);
    }
}
