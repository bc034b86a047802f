package org.reclaim.runtime.alloc;

import java.util.function.IntConsumer;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;

/**
 * The whole heap as one space of explicitly freed objects (MMTk's {@code ExplicitFreeListSpace}):
 * a {@link FreeListAllocator} over every word but the null word, and a freed block that keeps
 * its object's shape and site with {@link ObjectLayout#FREE} set, so that a dangling pointer reads
 * it as the old object. One mechanism for three policies: manual {@code free}, reference
 * counting's cascade and ownership's drop glue decide when an object is freed; this space does
 * the freeing. A request it cannot meet returns {@link Heap#NULL}: out of memory is the manager's
 * verdict, raised above the allocation layer.
 */
public final class ExplicitFreeListSpace {
    private final long[] w;
    private final FreeListAllocator allocator;

    /** The whole of {@code heap}, one free block. */
    public ExplicitFreeListSpace(Heap heap) {
        this.w = heap.words;
        this.allocator = new FreeListAllocator(heap, 1, heap.capacity());
    }

    /**
     * A block of {@code words}, or {@link Heap#NULL} when none is free even after coalescing: the
     * manager decides whether that is out of memory (after a quarantine's release, a reconciliation).
     */
    public int tryAlloc(int words) { return allocator.alloc(words); }

    /** Returns the block of the object at {@code a} to the free lists, its header stamped freed. */
    public void free(int a) {
        long header = w[a];
        allocator.free(a);
        w[a] = ObjectLayout.freedHeader(header);
    }

    /** True if the block at {@code a} is free. */
    public boolean isFree(int a) { return ObjectLayout.has(w[a], ObjectLayout.FREE); }

    /** Words in allocated blocks. */
    public long usedWords() { return allocator.usedWords(); }

    /** Calls {@code visitor} with every allocated block, in address order. */
    public void forEachObject(IntConsumer visitor) {
        for (int a = allocator.start(), end = allocator.limit(); a < end; a += ObjectLayout.size(w[a]))
            if (!ObjectLayout.has(w[a], ObjectLayout.FREE)) visitor.accept(a);
    }

    /** The allocator (for its counters, a sanitizer's quarantine, invariant checks). */
    public FreeListAllocator allocator() { return allocator; }
}
