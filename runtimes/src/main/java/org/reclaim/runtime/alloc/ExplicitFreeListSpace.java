package org.reclaim.runtime.alloc;

import java.util.function.IntConsumer;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;

/**
 * The whole heap as one space of explicitly freed objects (MMTk's {@code ExplicitFreeListSpace}):
 * a {@link FreeListAllocator} over every word but the null word, out of memory when no block is
 * found, and a freed block that keeps its object's shape and site with {@link ObjectLayout#FREE}
 * set, so that a dangling pointer reads it as the old object. One mechanism for three policies:
 * manual {@code free}, reference counting's cascade and ownership's drop glue decide when an
 * object is freed; this space does the freeing.
 */
public final class ExplicitFreeListSpace {
    private final Heap heap;
    private final long[] w;
    private final FreeListAllocator allocator;

    /** The whole of {@code heap}, one free block. */
    public ExplicitFreeListSpace(Heap heap) {
        this.heap = heap;
        this.w = heap.words;
        this.allocator = new FreeListAllocator(heap, 1, heap.capacity());
    }

    /** A block of {@code words}, or {@link Heap#NULL} when none is free. */
    public int tryAlloc(int words) { return allocator.alloc(words); }

    /**
     * A block of {@code words}.
     *
     * @throws OutOfMemory when no block is free even after coalescing
     */
    public int alloc(int words) {
        int a = allocator.alloc(words);
        if (a == Heap.NULL) throw new OutOfMemory((long) words * Long.BYTES, heap.bytes());
        return a;
    }

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
