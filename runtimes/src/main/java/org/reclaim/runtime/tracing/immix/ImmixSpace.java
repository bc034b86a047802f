package org.reclaim.runtime.tracing.immix;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.reclaim.runtime.Counters;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;

/**
 * The Immix space (Blackburn &amp; McKinley 2008; MMTk's {@code policy/immix}): the heap as blocks
 * of lines, with the line marks, block states and per-block sweep results in side tables
 * ({@code byte[]} and {@code int[]} indexed by line or block), never in object headers.
 *
 * <p><b>Geometry.</b> The literature's lines of 256 bytes (32 words) and blocks of 32 KiB (4096
 * words, 128 lines). A heap too small to hold 32 such blocks gets smaller blocks (halved down to 64
 * words) with 8 lines each, so that a small heap still has enough blocks to recycle. Addresses
 * are split by shifts: block {@code a >>> blockShift}, line {@code a >>> lineShift}; block 0 starts
 * at word 1 (word 0 is null) and the last block may be partial.
 *
 * <p><b>Objects.</b> Small objects (at most a line) and medium ones (up to half a block, MMTk's
 * {@code MAX_IMMIX_OBJECT_SIZE}) are bump-allocated into free lines and never cross a block.
 * Larger objects get whole contiguous blocks of their own (the large object space, taking its
 * blocks from the same pool), are marked but never moved, and free their blocks when they die.
 *
 * <p><b>Conservative line marking.</b> The trace marks only the line where a small object starts,
 * and every line of a medium object but its last; a small object may spill into the next line, so
 * the line after a marked line is treated as used too: a hole is a run of unmarked lines whose
 * first line does not follow a marked line. The sweep counts lines the same way.
 *
 * <p><b>Parsable blocks.</b> Real Immix never parses a block. The lab must (to list the objects a
 * heap holds, and to name every object a collection frees), so the sweep parses each block it
 * keeps, turns every dead object into free filler cut at line boundaries, and counts the headers
 * it reads ({@code immix.sweep.headers}); allocation regions left unfilled get a filler when the
 * allocator moves on ({@link ImmixAllocator#seal}).
 *
 * @see Immix
 * @see ImmixAllocator
 */
final class ImmixSpace {
    /** Block states. */
    static final byte FREE = 0, RECYCLABLE = 1, USED = 2, LARGE = 3, LARGE_TAIL = 4;

    private static final int LITERATURE_LINE_WORDS = 32, LITERATURE_BLOCK_WORDS = 4096;
    private static final int MIN_BLOCKS = 32, MIN_BLOCK_WORDS = 64;

    // ---- geometry ----

    private final long[] w;
    private final int capacity;
    final int blockShift, lineShift, blockWords, lineWords, linesPerBlock, blocks, lines;
    /** Objects above this many words are large: whole blocks of their own. */
    final int maxImmixWords;

    // ---- side tables ----

    /** 1 if the last trace marked the line. */
    private final byte[] lineMarks;
    private final byte[] blockState;
    /** At the last sweep, per block: holes, and lines used (conservatively counted). */
    private final int[] holes, usedLines;
    /** 1 if the current collection evacuates the block. */
    private final byte[] defragSource;
    /** The recyclable blocks of the last sweep, in address order, and the next one to hand out. */
    private final int[] recyclable;
    private int recyclableCount, recyclableNext;
    private int freeBlocks;
    /** Free blocks the mutator may not take: the copy reserve of a defragmenting collection. */
    final int headroom;

    // ---- counters ----

    private final Counters counters;
    private final int linesMarked, blocksRecycled, sweepHeaders, largeAllocations;

    /** A space over the whole of {@code heap} but its null word. */
    ImmixSpace(Heap heap, Counters counters) {
        this.w = heap.words;
        this.capacity = heap.capacity();
        int bw = LITERATURE_BLOCK_WORDS;
        while (bw > MIN_BLOCK_WORDS && capacity / bw < MIN_BLOCKS) bw >>= 1;
        blockWords = bw;
        lineWords = Math.min(LITERATURE_LINE_WORDS, bw / 8);
        blockShift = Integer.numberOfTrailingZeros(blockWords);
        lineShift = Integer.numberOfTrailingZeros(lineWords);
        linesPerBlock = blockWords / lineWords;
        maxImmixWords = blockWords / 2;
        blocks = (capacity + blockWords - 1) >>> blockShift;
        lines = (capacity + lineWords - 1) >>> lineShift;
        lineMarks = new byte[lines];
        blockState = new byte[blocks];
        holes = new int[blocks];
        usedLines = new int[blocks];
        defragSource = new byte[blocks];
        recyclable = new int[blocks];
        freeBlocks = blocks;
        headroom = Math.max(1, (blocks + 49) / 50);
        this.counters = counters;
        linesMarked = counters.define("immix.lines.marked");
        blocksRecycled = counters.define("immix.blocks.recycled");
        sweepHeaders = counters.define("immix.sweep.headers");
        largeAllocations = counters.define("immix.large.allocations");
    }

    // ---- where things are ----

    int blockOf(int a) { return a >>> blockShift; }
    int blockStart(int b) { return Math.max(1, b << blockShift); }
    int blockEnd(int b) { return Math.min(capacity, (b + 1) << blockShift); }
    int firstLine(int b) { return b * linesPerBlock; }
    /** One past the last line of block {@code b}. */
    int lineLimit(int b) { return Math.min(lines, (b + 1) * linesPerBlock); }
    int lineStart(int l) { return Math.max(1, l << lineShift); }
    int lineEnd(int l) { return Math.min(capacity, (l + 1) << lineShift); }
    byte state(int b) { return blockState[b]; }

    // ---- handing out memory ----

    /**
     * The next hole of block {@code b} at or after line {@code from}, as the line range
     * {@code [first, limit)} packed into a long ({@code first << 32 | limit}), or -1 if none.
     * A line is free if it is unmarked and the line before it in the block is unmarked too.
     */
    long nextHole(int b, int from) {
        int first = firstLine(b), end = lineLimit(b);
        int l = from;
        while (l < end && (lineMarks[l] != 0 || (l > first && lineMarks[l - 1] != 0))) l++;
        if (l == end) return -1;
        int h = l;
        while (l < end && lineMarks[l] == 0) l++;
        return (long) h << 32 | l;
    }

    /** The next recyclable block of the last sweep, now in use, or -1 when none is left. */
    int takeRecyclable() {
        if (recyclableNext == recyclableCount) return -1;
        int b = recyclable[recyclableNext++];
        blockState[b] = USED;
        counters.inc(blocksRecycled);
        return b;
    }

    /** True if the allocator has not yet taken every recyclable block of the last sweep. */
    boolean recyclableLeft() { return recyclableNext < recyclableCount; }

    /** A free block, now in use, keeping {@code reserve} free blocks back; -1 if there is none to give. */
    int takeFree(int reserve) {
        if (freeBlocks <= reserve) return -1;
        for (int b = 0; b < blocks; b++) {
            if (blockState[b] == FREE) {
                blockState[b] = USED;
                freeBlocks--;
                return b;
            }
        }
        throw new IllegalStateException("free block count is " + freeBlocks + " but no block is free");
    }

    /**
     * A large object of {@code words}: the first run of contiguous free blocks that holds it,
     * keeping the mutator's headroom; {@link Heap#NULL} if there is none.
     */
    int allocLarge(int words) {
        int b = 0;
        while (b < blocks) {
            if (blockState[b] != FREE) {
                b++;
                continue;
            }
            int start = blockStart(b), e = b;
            while (blockEnd(e) - start < words && e + 1 < blocks && blockState[e + 1] == FREE) e++;
            if (blockEnd(e) - start < words) {
                b = e + 1;
                continue;
            }
            int n = e - b + 1;
            if (freeBlocks - n < headroom) return Heap.NULL;
            blockState[b] = LARGE;
            for (int k = b + 1; k <= e; k++) blockState[k] = LARGE_TAIL;
            freeBlocks -= n;
            counters.inc(largeAllocations);
            return start;
        }
        return Heap.NULL;
    }

    // ---- collection: prepare ----

    /** Forgets the last trace's line marks; a new trace is about to mark. */
    void clearLineMarks() { Arrays.fill(lineMarks, (byte) 0); }

    /**
     * Chooses the blocks a defragmenting collection evacuates (Immix's defragmentation sources):
     * the blocks of the last sweep from the most fragmented (most holes) down, each taken while
     * the lines it used still fit in the free blocks the copies may take (the headroom included).
     * Returns the number of blocks chosen.
     */
    int chooseDefragSources() {
        long available = (long) freeBlocks * linesPerBlock;
        int chosen = 0;
        for (int h = (linesPerBlock + 1) / 2; h > 0 && available > 0; h--) {
            for (int b = 0; b < blocks; b++) {
                if (holes[b] != h || usedLines[b] > available) continue;
                defragSource[b] = 1;
                available -= usedLines[b];
                chosen++;
            }
        }
        return chosen;
    }

    /** Forgets the evacuation choice (a collection that does not defragment). */
    void noDefragSources() { Arrays.fill(defragSource, (byte) 0); }

    /** True if the object at {@code a} lies in a block the current collection evacuates. */
    boolean inDefragSource(int a) { return defragSource[a >>> blockShift] != 0; }

    // ---- collection: the trace's line marks ----

    /**
     * Marks the lines of the object at {@code a} of {@code size} words, conservatively: its first
     * line, and for a medium object every line but its last (a large object has no lines).
     */
    void markLines(int a, int size) {
        if (size > maxImmixWords) return;
        int l = a >>> lineShift;
        markLine(l);
        if (size > lineWords) for (int last = (a + size - 1) >>> lineShift; ++l < last; ) markLine(l);
    }

    private void markLine(int l) {
        if (lineMarks[l] != 0) return;
        lineMarks[l] = 1;
        counters.inc(linesMarked);
    }

    // ---- collection: release ----

    /**
     * Sweeps every block after a trace. A large object's blocks are freed when it is unmarked. A
     * block of lines is parsed: marked objects are unmarked and kept, dead ones reported to
     * {@code freed}, objects evacuated from it forgotten (they live on elsewhere), and all of it
     * but the live objects becomes filler. Then the block is classified by its conservatively
     * counted lines: free (no line used), recyclable (some hole left; listed in address order for
     * the allocator) or used (full). Returns the words the live objects hold.
     */
    long sweep(IntConsumer freed) {
        long live = 0;
        recyclableCount = recyclableNext = 0;
        freeBlocks = 0;
        for (int b = 0; b < blocks; b++) {
            holes[b] = usedLines[b] = 0;
            switch (blockState[b]) {
                case FREE -> freeBlocks++;
                case LARGE -> live += sweepLarge(b, freed);
                case LARGE_TAIL -> {}
                default -> live += sweepLines(b, freed);
            }
        }
        return live;
    }

    private long sweepLarge(int b, IntConsumer freed) {
        int a = blockStart(b);
        long h = w[a];
        int size = ObjectLayout.size(h);
        counters.inc(sweepHeaders);
        if (ObjectLayout.has(h, ObjectLayout.MARK)) {
            w[a] = ObjectLayout.without(h, ObjectLayout.MARK);
            return size;
        }
        freed.accept(a);
        for (int e = blockOf(a + size - 1), k = b; k <= e; k++) blockState[k] = FREE;
        freeBlocks++;                    // the head; the sweep's loop counts the tail blocks as it reaches them
        return 0;
    }

    private long sweepLines(int b, IntConsumer freed) {
        long live = 0;
        int gap = blockStart(b);
        for (int a = gap, end = blockEnd(b); a < end; ) {
            long h = w[a];
            int size = ObjectLayout.size(h);
            counters.inc(sweepHeaders);
            if (ObjectLayout.has(h, ObjectLayout.MARK)) {
                w[a] = ObjectLayout.without(h, ObjectLayout.MARK);
                fill(gap, a);
                gap = a + size;
                live += size;
            } else if (!ObjectLayout.has(h, ObjectLayout.FREE) && !ObjectLayout.has(h, ObjectLayout.FORWARDED)) {
                freed.accept(a);
            }
            a += size;
        }
        fill(gap, blockEnd(b));
        classify(b);
        return live;
    }

    /** Writes filler over {@code [from, to)}, one free block per line or part of a line. */
    private void fill(int from, int to) {
        while (from < to) {
            int next = Math.min(to, ((from >>> lineShift) + 1) << lineShift);
            w[from] = ObjectLayout.freeHeader(next - from);
            from = next;
        }
    }

    private void classify(int b) {
        int first = firstLine(b), end = lineLimit(b), used = 0, n = 0;
        boolean inHole = false;
        for (int l = first; l < end; l++) {
            boolean free = lineMarks[l] == 0 && (l == first || lineMarks[l - 1] == 0);
            if (!free) used++;
            else if (!inHole) n++;
            inHole = free;
        }
        if (used == 0) {
            blockState[b] = FREE;
            freeBlocks++;
            return;
        }
        holes[b] = n;
        usedLines[b] = used;
        if (n == 0) {
            blockState[b] = USED;
        } else {
            blockState[b] = RECYCLABLE;
            recyclable[recyclableCount++] = b;
        }
    }

    // ---- accounting ----

    /** Free blocks now. */
    int freeBlocks() { return freeBlocks; }
}
