package org.reclaim.runtime.tracing.immix;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.runtime.tracing.TracingCollector;

/**
 * Immix, the mark-region collector with opportunistic evacuation (Blackburn &amp; McKinley,
 * "Immix: a mark-region garbage collector with space efficiency, fast collection, and mutator
 * performance", PLDI 2008; MMTk's default plan). The heap is blocks of lines ({@link ImmixSpace});
 * the mutator bump-allocates into holes of free lines, recyclable blocks first, then free blocks,
 * medium objects that miss the current hole into an overflow block ({@link ImmixAllocator}).
 *
 * <p>A collection has the three phases of MMTk's plan:
 * <ol>
 *   <li>{@code prepare}: the allocation regions are sealed; the collection defragments if the
 *       heap is fragmented (the allocator had not yet used every recyclable block: its holes were
 *       too small for what was asked) or if the last collection did not free enough
 *       (an emergency: the allocation that triggered it still failed), choosing as sources the
 *       most fragmented blocks whose lines fit in the free blocks;</li>
 *   <li>{@code closure}: one trace from the roots that marks each object and its lines in place,
 *       or, for an object in a source block, evacuates it to a free block (leaving its forwarding
 *       address behind) while copy space lasts: evacuation is opportunistic, marking in place is
 *       always possible;</li>
 *   <li>{@code release}: the space's sweep: dead objects freed, blocks classified as free,
 *       recyclable or full by their conservatively counted lines.</li>
 * </ol>
 *
 * <p>Counters: {@code objects.marked} and {@code words.scanned} (every tracing collector's),
 * {@code immix.lines.marked}, {@code immix.blocks.recycled}, {@code immix.objects.evacuated},
 * {@code immix.words.evacuated}, {@code immix.defrag.collections}, {@code immix.holes.taken},
 * {@code immix.overflow.allocations}, {@code immix.large.allocations},
 * {@code immix.sweep.headers}, and {@code bump.allocations}.
 *
 * @see org.reclaim.runtime.tracing.MarkSweep
 * @see org.reclaim.runtime.tracing.SemiSpace
 */
public final class Immix extends TracingCollector {

    // ---- instance fields ----

    private final ImmixSpace space;
    private final ImmixAllocator mutator, copier;
    /** Words of the objects the space holds: allocated since the last sweep plus its survivors. */
    private long usedWords;
    /** True during the closure of a defragmenting collection. */
    private boolean defragmenting;
    /** The gray objects of the trace (marked or copied, slots not yet scanned). */
    private int[] gray = new int[1024];
    private int grayCount;
    private final IntUnaryOperator traceRoot = this::traceObject;
    private final IntConsumer freed = this::countFreed;

    // define returns the index a name already has: these two are TracingCollector's own counters
    private final int objectsMarked = counters.define("objects.marked");
    private final int wordsScanned = counters.define("words.scanned");
    private final int objectsEvacuated = counters.define("immix.objects.evacuated");
    private final int wordsEvacuated = counters.define("immix.words.evacuated");
    private final int defragCollections = counters.define("immix.defrag.collections");
    private final int sweepHeaders;

    /** An Immix collector over a heap of {@code heapBytes}. */
    public Immix(long heapBytes, Probe probe) {
        super(heapBytes, probe);
        space = new ImmixSpace(heap, counters);
        sweepHeaders = counters.define("immix.sweep.headers");
        mutator = new ImmixAllocator(heap, space, false);
        copier = new ImmixAllocator(heap, space, true);
        counters.defineDerived("bump.allocations", mutator::allocations);
        counters.defineDerived("immix.holes.taken", mutator::holesTaken);
        counters.defineDerived("immix.overflow.allocations", mutator::overflowAllocations);
    }

    @Override public String name() { return "immix"; }

    // ---- allocation ----

    @Override
    protected int tryAllocate(int words) {
        int a = words > space.maxImmixWords ? space.allocLarge(words) : mutator.alloc(words);
        if (a != Heap.NULL) usedWords += words;
        return a;
    }

    /**
     * Collects and tries again; if the request still fails, collects once more as an emergency,
     * defragmenting whatever fits, before giving up.
     */
    @Override
    protected int allocateSlow(int words) {
        collect(false);
        int a = tryAllocate(words);
        if (a != Heap.NULL) return a;
        collect(true);
        a = tryAllocate(words);
        if (a == Heap.NULL) throw outOfMemory(words);
        return a;
    }

    // ---- collection ----

    /** {@code collect}: {@code prepare}, {@code closure}, {@code release}. */
    @Override
    public void collect() { collect(false); }

    private void collect(boolean emergency) {
        beginPause(PauseKind.COLLECTION);
        long marked = count(objectsMarked), scanned = count(wordsScanned), moved = count(wordsEvacuated),
                swept = count(sweepHeaders);
        prepare(emergency);
        closure();
        release();
        endPause(count(objectsMarked) - marked, count(wordsScanned) - scanned + count(wordsEvacuated) - moved
                + count(sweepHeaders) - swept);
    }

    /** Seals the allocation regions, decides whether to defragment and from which blocks, clears the line marks. */
    private void prepare(boolean emergency) {
        mutator.seal();
        defragmenting = (emergency || space.recyclableLeft()) && space.chooseDefragSources() > 0;
        if (defragmenting) counters.inc(defragCollections);
        space.clearLineMarks();
    }

    /** The trace: every reachable object marked in place or evacuated, every slot re-pointed. */
    private void closure() {
        scanRoots(traceRoot);
        while (grayCount > 0) {
            int a = gray[--grayCount];
            int n = slotsAt(a);
            counters.add(wordsScanned, n);
            for (int s = a + ObjectLayout.HEADER_WORDS, end = s + n; s < end; s++) {
                int child = (int) w[s];
                if (child != Heap.NULL) w[s] = traceObject(child);
            }
        }
    }

    /**
     * {@code traceObject}: the object's address after this collection. On first sight, an object
     * in a source block is copied if the copy allocator finds room; any other (or one that finds
     * none) is marked with its lines where it is.
     */
    private int traceObject(int a) {
        long h = w[a];
        if (ObjectLayout.has(h, ObjectLayout.FORWARDED)) return ObjectLayout.forwardingAddress(w, a);
        if (ObjectLayout.has(h, ObjectLayout.MARK)) return a;
        counters.inc(objectsMarked);
        int size = ObjectLayout.size(h);
        if (defragmenting && space.inDefragSource(a)) {
            int to = copier.alloc(size);
            if (to != Heap.NULL) {
                evacuate(a, to, size);
                return to;
            }
        }
        w[a] = ObjectLayout.with(h, ObjectLayout.MARK);
        space.markLines(a, size);
        push(a);
        return a;
    }

    /** Copies the object at {@code from} to {@code to}, marked, and leaves its forwarding address behind. */
    private void evacuate(int from, int to, int size) {
        System.arraycopy(w, from, w, to, size);
        w[to] = ObjectLayout.with(w[to], ObjectLayout.MARK);
        ObjectLayout.forward(w, from, to);
        space.markLines(to, size);
        counters.inc(objectsEvacuated);
        counters.add(wordsEvacuated, size);
        push(to);
    }

    private void push(int a) {
        if (grayCount == gray.length) gray = Arrays.copyOf(gray, grayCount * 2);
        gray[grayCount++] = a;
    }

    /** Seals the copy allocator's region, sweeps the space, forgets the defragmentation sources. */
    private void release() {
        copier.seal();
        usedWords = space.sweep(freed);
        if (defragmenting) space.noDefragSources();
        defragmenting = false;
    }

    // ---- accounting ----

    @Override public long inUseBytes() { return usedWords * Long.BYTES; }

    /** Every object of every block in use, parsed block by block (the allocator's unfilled regions skipped). */
    @Override
    public void forEachObject(IntConsumer visitor) {
        for (int b = 0; b < space.blocks; b++) {
            switch (space.state(b)) {
                case ImmixSpace.FREE, ImmixSpace.LARGE_TAIL -> {}
                case ImmixSpace.LARGE -> visitor.accept(space.blockStart(b));
                default -> {
                    for (int a = space.blockStart(b), end = space.blockEnd(b); a < end; ) {
                        int next = mutator.skipUnfilled(a);
                        if (next != a) {
                            a = next;
                            continue;
                        }
                        if (!ObjectLayout.has(w[a], ObjectLayout.FREE)) visitor.accept(a);
                        a += ObjectLayout.size(w[a]);
                    }
                }
            }
        }
    }

    /** Words in a line, for tests. */
    public int lineWords() { return space.lineWords; }

    /** Words in a block, for tests. */
    public int blockWords() { return space.blockWords; }

    /** Free blocks now, for tests. */
    public int freeBlocks() { return space.freeBlocks(); }
}
