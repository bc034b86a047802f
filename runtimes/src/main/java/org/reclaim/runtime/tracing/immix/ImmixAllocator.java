package org.reclaim.runtime.tracing.immix;

import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;

/**
 * Bump allocation into the holes of an {@link ImmixSpace} (MMTk's {@code ImmixAllocator}): the
 * fast path is an add and a compare against the current hole's limit; the slow path moves to the
 * next hole of the current block, then to the next recyclable block, then to a free block.
 *
 * <p><b>Overflow allocation.</b> A medium object (larger than a line) that does not fit in the
 * current hole is not allowed to skip the hole, which small objects would still fill: it is
 * bump-allocated in a second region, the overflow block, a free block of its own. Only when no
 * free block is left does it search the holes for one that fits.
 *
 * <p>The mutator's allocator keeps the space's headroom of free blocks back; the collector's copy
 * allocator (evacuation) takes free blocks only, the headroom included, and no holes: the holes of
 * the last sweep may still hold objects the running trace has not reached.
 */
final class ImmixAllocator {
    private final long[] w;
    private final ImmixSpace space;
    private final boolean copy;
    /** The current hole {@code [cursor, limit)}, and the block and next line it came from (-1: none). */
    private int cursor, limit, block = -1, nextLine;
    /** The overflow block's free region. */
    private int overflowCursor, overflowLimit;
    private long allocations, holesTaken, overflowAllocations;

    /** An allocator over {@code space}: the mutator's, or ({@code copy}) the collector's. */
    ImmixAllocator(Heap heap, ImmixSpace space, boolean copy) {
        this.w = heap.words;
        this.space = space;
        this.copy = copy;
    }

    // ---- allocation ----

    /**
     * Allocates {@code words} (at most {@link ImmixSpace#maxImmixWords}: larger objects are the
     * space's own); returns the address, or {@link Heap#NULL} when no memory is left.
     */
    int alloc(int words) {
        int a = cursor;
        if (limit - a >= words) {
            cursor = a + words;
            allocations++;
            return a;
        }
        return allocSlow(words);
    }

    private int allocSlow(int words) {
        if (!copy && words > space.lineWords) {
            int a = overflowAlloc(words);
            if (a != Heap.NULL) return a;
        }
        while (nextHole()) {
            int a = cursor;
            if (limit - a >= words) {
                cursor = a + words;
                allocations++;
                return a;
            }
        }
        return Heap.NULL;
    }

    private int overflowAlloc(int words) {
        while (overflowLimit - overflowCursor < words) {
            fill(overflowCursor, overflowLimit);
            int b = space.takeFree(space.headroom);
            if (b < 0) {
                overflowCursor = overflowLimit = 0;
                return Heap.NULL;
            }
            overflowCursor = space.blockStart(b);
            overflowLimit = space.blockEnd(b);
        }
        int a = overflowCursor;
        overflowCursor = a + words;
        overflowAllocations++;
        return a;
    }

    /**
     * Moves to the next hole: the rest of the current block, the next recyclable block (the
     * mutator's), a free block. False when there is none; the old hole is sealed either way.
     */
    private boolean nextHole() {
        fill(cursor, limit);
        cursor = limit = 0;
        while (true) {
            if (block >= 0) {
                long hole = space.nextHole(block, nextLine);
                if (hole >= 0) {
                    int first = (int) (hole >>> 32);
                    nextLine = (int) hole;
                    cursor = space.lineStart(first);
                    limit = space.lineEnd(nextLine - 1);
                    holesTaken++;
                    return true;
                }
                block = -1;
            }
            int b = copy ? -1 : space.takeRecyclable();
            if (b >= 0) {
                block = b;
                nextLine = space.firstLine(b);
                continue;
            }
            b = space.takeFree(copy ? 0 : space.headroom);
            if (b < 0) return false;
            cursor = space.blockStart(b);
            limit = space.blockEnd(b);
            holesTaken++;
            return true;
        }
    }

    /**
     * Fills what is left of both regions and forgets them (before a collection, and after the copy
     * allocator's last copy), so that every block can be parsed.
     */
    void seal() {
        fill(cursor, limit);
        fill(overflowCursor, overflowLimit);
        cursor = limit = overflowCursor = overflowLimit = 0;
        block = -1;
    }

    /** A free block over the unused {@code [from, to)}: the end of a hole or region left behind. */
    private void fill(int from, int to) {
        if (from < to) w[from] = ObjectLayout.freeHeader(to - from);
    }

    // ---- parsing ----

    /**
     * Where a parse of the heap that has reached {@code a} continues: past the unfilled part of the
     * current hole or of the overflow region if one begins at {@code a}, else {@code a} itself.
     */
    int skipUnfilled(int a) {
        if (a == cursor && cursor < limit) return limit;
        if (a == overflowCursor && overflowCursor < overflowLimit) return overflowLimit;
        return a;
    }

    // ---- accounting ----

    /** Requests served by bumping a cursor (into a hole or the overflow block). */
    long allocations() { return allocations + overflowAllocations; }

    /** Holes moved into: runs of free lines of a recyclable block, or whole free blocks. */
    long holesTaken() { return holesTaken; }

    /** Medium objects that did not fit the current hole and went to the overflow block. */
    long overflowAllocations() { return overflowAllocations; }
}
