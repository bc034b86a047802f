package org.reclaim.runtime.alloc;

import org.reclaim.runtime.heap.Heap;

/**
 * Bump-pointer allocation over one contiguous region {@code [start, limit)}: the fast path is an
 * add and a compare (MMTk's {@code BumpPointer}). Copying and compacting collectors, the nursery
 * and epsilon allocate with it; the region is reset or moved by the collector that owns it.
 */
public final class BumpAllocator {
    private int start;
    private int cursor;
    private int limit;
    private long allocations;
    private long failures;

    /** An allocator over {@code [start, limit)} of the heap. */
    public BumpAllocator(int start, int limit) { reset(start, limit); }

    /**
     * Allocates {@code words}; returns the address, or {@link Heap#NULL} when the region is full.
     * The caller writes the header.
     */
    public int alloc(int words) {
        int a = cursor;
        if (limit - a < words) {
            failures++;
            return Heap.NULL;
        }
        cursor = a + words;
        allocations++;
        return a;
    }

    /** Makes {@code [start, limit)} the region, empty. */
    public void reset(int start, int limit) {
        this.start = start;
        this.cursor = start;
        this.limit = limit;
    }

    /** Moves the cursor, for a compactor that has slid the live objects to {@code [start, cursor)}. */
    public void setCursor(int cursor) { this.cursor = cursor; }

    public int start() { return start; }
    public int cursor() { return cursor; }
    public int limit() { return limit; }

    /** Requests served (the fast path: an add and a compare). */
    public long allocations() { return allocations; }

    /** Requests that found the region full: each sends its caller to its slow path. */
    public long failures() { return failures; }

    /** Words allocated in the region. */
    public long usedWords() { return cursor - start; }

    /** Free memory is one block: [cursor, limit). */
    public Fragmentation fragmentation() {
        long free = limit - cursor;
        return new Fragmentation(free, free > 0 ? 1 : 0, free);
    }
}
