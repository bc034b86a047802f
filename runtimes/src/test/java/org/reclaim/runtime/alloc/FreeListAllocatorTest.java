package org.reclaim.runtime.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.junit.jupiter.api.Test;

class FreeListAllocatorTest {
    private final Heap heap = new Heap(8 * 1001);   // words 1..1000 are the region
    private final FreeListAllocator a = new FreeListAllocator(heap, 1, heap.capacity());

    private int allocAndStamp(int words) {
        int b = a.alloc(words);
        if (b != Heap.NULL) heap.words[b] = ObjectLayout.header(words, 0, 0, 0);
        return b;
    }

    @Test
    void firstFitSplitsTheFreeRegionInAddressOrder() {
        assertThat(allocAndStamp(10)).isEqualTo(1);
        assertThat(allocAndStamp(100)).isEqualTo(11);
        assertThat(a.usedWords()).isEqualTo(110);
        assertThat(a.fragmentation()).isEqualTo(new Fragmentation(890, 1, 890));
    }

    @Test
    void aFreedSmallBlockIsReusedFirstForTheSameSize() {
        int x = allocAndStamp(4);
        allocAndStamp(4);
        a.free(x);
        assertThat(a.onFreeList(x)).isTrue();
        assertThat(allocAndStamp(4)).isEqualTo(x);
    }

    @Test
    void consolidationCoalescesNeighboursSoALargeRequestFits() {
        int[] blocks = new int[10];
        for (int i = 0; i < 10; i++) blocks[i] = allocAndStamp(100);
        assertThat(allocAndStamp(2)).isEqualTo(Heap.NULL);   // full
        for (int i = 2; i < 6; i++) a.free(blocks[i]);       // four neighbours: 400 words in a row
        assertThat(a.fragmentation().largestFree()).isEqualTo(400);
        assertThat(allocAndStamp(350)).isEqualTo(blocks[2]);
        assertThat(a.consolidations()).isEqualTo(1);          // not for the failed request: nothing had been freed
        assertThat(a.fragmentation()).isEqualTo(new Fragmentation(50, 1, 50));
    }

    @Test
    void aRequestServedBySplittingALargerFreeBlockDoesNotConsolidate() {
        int[] blocks = new int[250];
        for (int i = 0; i < 250; i++) blocks[i] = allocAndStamp(4);   // 1000 words: full
        for (int i = 0; i < 250; i += 2) a.free(blocks[i]);           // 125 free 4-word blocks, none adjacent
        for (int i = 0; i < 100; i++) assertThat(allocAndStamp(3)).isNotEqualTo(Heap.NULL);
        assertThat(a.consolidations()).isZero();                       // each 3-word request split a 4-word block
    }

    @Test
    void externalFragmentationIsMeasuredFromTheFreeBlocks() {
        int[] blocks = new int[10];
        for (int i = 0; i < 10; i++) blocks[i] = allocAndStamp(100);
        a.free(blocks[1]);
        a.free(blocks[3]);
        a.free(blocks[4]);
        Fragmentation f = a.fragmentation();
        assertThat(f.freeWords()).isEqualTo(300);
        assertThat(f.freeBlocks()).isEqualTo(2);
        assertThat(f.largestFree()).isEqualTo(200);
        assertThat(f.external()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aOneWordRemainderStaysParsableAndIsAbsorbedLater() {
        int x = allocAndStamp(999);       // leaves one word at the end
        assertThat(x).isEqualTo(1);
        assertThat(ObjectLayout.has(heap.words[1000], ObjectLayout.FREE)).isTrue();
        assertThat(ObjectLayout.size(heap.words[1000])).isEqualTo(1);
        a.free(x);
        assertThat(allocAndStamp(1000)).isEqualTo(1);
    }
}
