package org.reclaim.runtime.alloc;

import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;

/**
 * A free-list allocator over {@code [start, limit)}: "find N unused words in a row and mark them in
 * use". Small requests are served from segregated, exact-size free lists (LIFO, like dlmalloc's
 * fast bins); larger ones by first fit over a list of large blocks, splitting the block found.
 * Freed blocks go back to their lists at once; adjacent free blocks are coalesced by
 * {@link #consolidate()}, which runs when an allocation finds no block (dlmalloc's
 * {@code malloc_consolidate}) or when a sweep asks for it.
 *
 * <p>Every block, used or free, starts with a header word holding its size, so the region can be
 * parsed in address order. A free block's word 1 links it into its list. A one-word remainder of a
 * split is left as a free filler on no list, until consolidation absorbs it.
 *
 * <p>Manual malloc/free, mark-sweep, reference counting and ownership all allocate here: one
 * mechanism, several policies (as MMTk reuses its explicit free-list space).
 */
public final class FreeListAllocator {
    /** Sizes up to this many words have an exact-size list of their own. */
    public static final int SMALL_MAX = 64;

    private final long[] w;
    private final int start;
    private final int limit;
    private final int[] small = new int[SMALL_MAX + 1];
    private int large;
    private long usedWords;
    private long consolidations;
    private long freesSinceConsolidation;
    private long wordsScanned;
    private long fastAllocations;
    private long slowAllocations;
    private long failures;
    private long blocksSearched;
    private long splits;
    private long frees;

    /** An allocator over {@code [start, limit)} of {@code heap}, all of it one free block. */
    public FreeListAllocator(Heap heap, int start, int limit) {
        this.w = heap.words;
        this.start = start;
        this.limit = limit;
        if (limit - start >= 2) {
            w[start] = ObjectLayout.freeHeader(limit - start);
            ObjectLayout.setNextFree(w, start, Heap.NULL);
            large = start;
        } else if (limit > start) {
            w[start] = ObjectLayout.freeHeader(limit - start);
        }
    }

    // ---- allocation ----

    /**
     * Allocates a block of exactly {@code words} (at least 2); returns its address, or
     * {@link Heap#NULL} when no run of {@code words} free words exists even after coalescing. The
     * caller writes the object header over the block's first word.
     */
    public int alloc(int words) {
        if (words <= SMALL_MAX) {
            int a = small[words];
            if (a != Heap.NULL) {
                small[words] = ObjectLayout.nextFree(w, a);
                usedWords += words;
                fastAllocations++;
                return a;
            }
        }
        return allocSlow(words);
    }

    /**
     * No block of the exact size: first fit over the large blocks, then a split of the smallest
     * larger exact-size block, and only then, if anything was freed since the last time,
     * consolidation and another try. (Consolidating first would parse the whole region on every
     * such request while free memory sits in blocks of other sizes.)
     */
    private int allocSlow(int words) {
        slowAllocations++;
        int a = firstFit(words);
        if (a == Heap.NULL) a = fromSmallerLists(words);
        if (a == Heap.NULL && freesSinceConsolidation > 0) {
            consolidate();
            a = firstFit(words);
            if (a == Heap.NULL && words <= SMALL_MAX && small[words] != Heap.NULL) {
                a = small[words];
                small[words] = ObjectLayout.nextFree(w, a);
            }
            if (a == Heap.NULL) a = fromSmallerLists(words);
        }
        if (a == Heap.NULL) {
            failures++;
            return Heap.NULL;
        }
        usedWords += words;
        return a;
    }

    /** First fit over the large list, then over larger small lists; splits what it finds. */
    private int firstFit(int words) {
        int prev = Heap.NULL;
        for (int b = large; b != Heap.NULL; prev = b, b = ObjectLayout.nextFree(w, b)) {
            blocksSearched++;
            int size = ObjectLayout.size(w[b]);
            if (size >= words) {
                int next = ObjectLayout.nextFree(w, b);
                if (prev == Heap.NULL) large = next; else ObjectLayout.setNextFree(w, prev, next);
                split(b, size, words);
                return b;
            }
        }
        return Heap.NULL;
    }

    /** After consolidation: a small block bigger than asked for, split. */
    private int fromSmallerLists(int words) {
        for (int s = Math.max(words + 1, 2); s <= SMALL_MAX; s++) {
            blocksSearched++;
            int b = small[s];
            if (b != Heap.NULL) {
                small[s] = ObjectLayout.nextFree(w, b);
                split(b, s, words);
                return b;
            }
        }
        return Heap.NULL;
    }

    /** Keeps the first {@code words} of free block {@code b}; the rest becomes a free block. */
    private void split(int b, int size, int words) {
        int rest = size - words;
        if (rest > 0) {
            splits++;
            int r = b + words;
            w[r] = ObjectLayout.freeHeader(rest);
            if (rest >= 2) push(r, rest);
        }
        w[b] = ObjectLayout.freeHeader(words);
    }

    private void push(int b, int size) {
        if (size <= SMALL_MAX) {
            ObjectLayout.setNextFree(w, b, small[size]);
            small[size] = b;
        } else {
            ObjectLayout.setNextFree(w, b, large);
            large = b;
        }
    }

    // ---- freeing ----

    /** Returns the block at {@code addr} (its header still says its size) to the free lists. */
    public void free(int addr) {
        int size = ObjectLayout.size(w[addr]);
        usedWords -= size;
        frees++;
        freesSinceConsolidation++;
        w[addr] = ObjectLayout.freeHeader(size);
        push(addr, size);
    }

    /**
     * Coalesces every run of adjacent free blocks into one and rebuilds the free lists, walking the
     * region in address order. Counted in {@link #wordsScanned()}.
     */
    public void consolidate() {
        consolidations++;
        freesSinceConsolidation = 0;
        java.util.Arrays.fill(small, Heap.NULL);
        large = Heap.NULL;
        int a = start;
        while (a < limit) {
            int size = ObjectLayout.size(w[a]);
            wordsScanned++;
            if (reusable(w[a])) {
                int end = a + size;
                while (end < limit && reusable(w[end])) {
                    end += ObjectLayout.size(w[end]);
                    wordsScanned++;
                }
                int merged = end - a;
                w[a] = ObjectLayout.freeHeader(merged);
                if (merged >= 2) push(a, merged);
                a = end;
            } else {
                a += size;
            }
        }
    }

    /** A free block that may be merged and reused (not one a sanitizer holds in quarantine). */
    private static boolean reusable(long header) {
        return ObjectLayout.has(header, ObjectLayout.FREE) && !ObjectLayout.has(header, ObjectLayout.QUARANTINED);
    }

    // ---- accounting ----

    public int start() { return start; }
    public int limit() { return limit; }
    /** Words in allocated blocks. */
    public long usedWords() { return usedWords; }
    /** Times the free lists were consolidated. */
    public long consolidations() { return consolidations; }
    /** Block headers read by consolidation. */
    public long wordsScanned() { return wordsScanned; }
    /** Requests served from an exact-size list (the fast path). */
    public long fastAllocations() { return fastAllocations; }
    /** Requests that took the slow path (first fit, a split, maybe consolidation). */
    public long slowAllocations() { return slowAllocations; }
    /** Slow-path requests that found no block even after consolidating. */
    public long failures() { return failures; }
    /** Large blocks and size-class lists looked at by the slow path. */
    public long blocksSearched() { return blocksSearched; }
    /** Blocks split to serve a smaller request. */
    public long splits() { return splits; }
    /** Blocks returned to the lists. */
    public long frees() { return frees; }

    /** Walks the region and measures its free memory. */
    public Fragmentation fragmentation() {
        long free = 0, blocks = 0, largest = 0, run = 0;
        for (int a = start; a < limit; a += ObjectLayout.size(w[a])) {
            if (reusable(w[a])) {
                run += ObjectLayout.size(w[a]);
            } else if (run > 0) {
                free += run; blocks++; largest = Math.max(largest, run); run = 0;
            }
        }
        if (run > 0) { free += run; blocks++; largest = Math.max(largest, run); }
        return new Fragmentation(free, blocks, largest);
    }

    /** True if {@code addr} is on one of the free lists (for invariant checks; walks the lists). */
    public boolean onFreeList(int addr) {
        int size = ObjectLayout.size(w[addr]);
        for (int b = size <= SMALL_MAX ? small[size] : large; b != Heap.NULL; b = ObjectLayout.nextFree(w, b))
            if (b == addr) return true;
        return false;
    }

    /** Calls {@code visitor} with every block on a free list (for invariant checks). */
    public void forEachListed(java.util.function.IntConsumer visitor) {
        for (int s = 2; s <= SMALL_MAX; s++)
            for (int b = small[s]; b != Heap.NULL; b = ObjectLayout.nextFree(w, b)) visitor.accept(b);
        for (int b = large; b != Heap.NULL; b = ObjectLayout.nextFree(w, b)) visitor.accept(b);
    }
}
