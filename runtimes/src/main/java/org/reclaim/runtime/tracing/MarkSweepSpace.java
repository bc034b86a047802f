package org.reclaim.runtime.tracing;

import java.util.function.IntConsumer;
import org.reclaim.runtime.Counters;
import org.reclaim.runtime.alloc.FreeListAllocator;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;

/**
 * A non-moving space of marked objects over the free-list allocator (MMTk's
 * {@code MarkSweepSpace}): the policy that mark-sweep uses for the whole heap. Objects are marked
 * by {@link TracingCollector#mark}; {@link #sweep} frees the unmarked ones.
 */
final class MarkSweepSpace {
    private final long[] w;
    private final FreeListAllocator allocator;
    private final Counters counters;
    private final IntConsumer freed;
    private final int objectsSwept;
    private final int blocksSwept;

    /**
     * A space over {@code [start, limit)} of {@code heap}.
     *
     * @param freed called with each object a sweep frees, before its block is reused (the
     *              manager's {@code countFreed})
     */
    MarkSweepSpace(Heap heap, int start, int limit, Counters counters, IntConsumer freed) {
        this.w = heap.words;
        this.allocator = new FreeListAllocator(heap, start, limit);
        this.counters = counters;
        this.freed = freed;
        this.objectsSwept = counters.define("objects.swept");
        this.blocksSwept = counters.define("blocks.swept");
    }

    /** Allocates {@code words}; {@link Heap#NULL} when no block is free even after coalescing. */
    int alloc(int words) { return allocator.alloc(words); }

    /**
     * An eager sweep, in address order: each marked object is unmarked, each unmarked object is
     * reported freed and its block returned to the free lists. Free blocks are left for the
     * allocator to coalesce when it next finds no block ({@link FreeListAllocator#consolidate}).
     * Counts blocks visited ({@code blocks.swept}) and objects freed ({@code objects.swept}).
     */
    void sweep() {
        for (int a = allocator.start(), end = allocator.limit(); a < end; ) {
            long h = w[a];
            int size = ObjectLayout.size(h);
            counters.inc(blocksSwept);
            if (!ObjectLayout.has(h, ObjectLayout.FREE)) {
                if (ObjectLayout.has(h, ObjectLayout.MARK)) {
                    w[a] = ObjectLayout.without(h, ObjectLayout.MARK);
                } else {
                    freed.accept(a);
                    counters.inc(objectsSwept);
                    allocator.free(a);
                }
            }
            a += size;
        }
    }

    /** Blocks visited by sweeps so far. */
    long blocksSwept() { return counters.value(blocksSwept); }

    int start() { return allocator.start(); }
    int limit() { return allocator.limit(); }
    long usedWords() { return allocator.usedWords(); }

    /** The allocator, for invariant checks. */
    FreeListAllocator allocator() { return allocator; }
}
