package org.reclaim.runtime.tracing;

import java.util.function.IntConsumer;
import org.reclaim.runtime.alloc.FreeListAllocator;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * Mark-sweep (McCarthy 1960; Jones, Hosking &amp; Moss chapter 2): non-moving, allocating from
 * the free-list allocator over the whole heap. A collection marks every reachable object (mark
 * bits in the header) and then sweeps <em>eagerly</em>: the whole heap is swept in the same pause,
 * each unmarked object returned to the free lists. The pause's work is objects marked plus blocks
 * swept ({@code objects.marked}, {@code words.scanned}, {@code blocks.swept}, {@code objects.swept}).
 *
 * @see MarkCompact
 */
public final class MarkSweep extends TracingCollector {
    private final MarkSweepSpace space;

    /** A mark-sweep collector over a heap of {@code heapBytes}. */
    public MarkSweep(long heapBytes, Probe probe) {
        super(heapBytes, probe);
        space = new MarkSweepSpace(heap, 1, heap.capacity(), counters, this::countFreed);
        countWork(space.allocator());
    }

    @Override public String name() { return "mark-sweep"; }

    // ---- allocation ----

    @Override protected int tryAllocate(int words) { return space.alloc(words); }

    // ---- collection ----

    /** {@code collect}: {@code markFromRoots}, then an eager {@code sweep} of the whole heap. */
    @Override
    public void collect() {
        beginPause(PauseKind.COLLECTION);
        long marked = count(objectsMarked), scanned = count(wordsScanned), swept = space.blocksSwept();
        mark();
        space.sweep();
        endPause(count(objectsMarked) - marked,
                count(wordsScanned) - scanned + space.blocksSwept() - swept);
    }

    // ---- accounting ----

    @Override public long inUseBytes() { return space.usedWords() * Long.BYTES; }

    @Override public void forEachObject(IntConsumer visitor) { parse(space.start(), space.limit(), visitor); }

    /** The free-list allocator, for invariant checks. */
    public FreeListAllocator allocator() { return space.allocator(); }
}
