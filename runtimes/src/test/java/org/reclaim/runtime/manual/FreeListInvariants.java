package org.reclaim.runtime.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.reclaim.runtime.alloc.FreeListAllocator;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;

/** The free-list allocator's own invariants: the region parses exactly; the lists hold only free blocks, once each. */
final class FreeListInvariants {
    private FreeListInvariants() {}

    static void check(Heap heap, FreeListAllocator a) {
        long[] w = heap.words;
        Set<Integer> starts = new HashSet<>();
        long used = 0;
        int p = a.start();
        while (p < a.limit()) {
            int size = ObjectLayout.size(w[p]);
            assertThat(size).as("block at %d has a size", p).isPositive();
            starts.add(p);
            if (!ObjectLayout.has(w[p], ObjectLayout.FREE) || ObjectLayout.has(w[p], ObjectLayout.QUARANTINED)) used += size;
            p += size;
        }
        assertThat(p).as("blocks tile the region exactly").isEqualTo(a.limit());
        assertThat(a.usedWords()).as("used words").isEqualTo(used);
        Set<Integer> listed = new HashSet<>();
        a.forEachListed(b -> {
            assertThat(listed.add(b)).as("block %d listed once", b).isTrue();
            assertThat(starts).as("listed block %d is a block start", b).contains(b);
            assertThat(ObjectLayout.has(w[b], ObjectLayout.FREE)).as("listed block %d is free", b).isTrue();
            assertThat(ObjectLayout.has(w[b], ObjectLayout.QUARANTINED)).as("listed block %d is not quarantined", b).isFalse();
        });
    }
}
