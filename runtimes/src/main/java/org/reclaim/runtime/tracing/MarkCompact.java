package org.reclaim.runtime.tracing;

import java.util.function.IntConsumer;
import org.reclaim.runtime.alloc.BumpAllocator;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * Mark-compact by sliding, the LISP2 algorithm (Jones, Hosking &amp; Moss §3.2): bump allocation
 * over the whole heap; a collection marks, then makes LISP2's three passes over the heap in address
 * order ({@link SlidingCompactor}): {@code computeForwarding} (each live object's new address,
 * stored in its header), {@code updateReferences} (roots and slots re-pointed at the new
 * addresses), {@code relocate} (each live object slid down to its new address). Live objects end
 * contiguous from the heap's start, in their original order, and the bump cursor follows the last
 * one.
 *
 * <p>Dead objects are counted as freed during {@code computeForwarding}, the pass that already
 * visits every object.
 *
 * @see MarkSweep
 * @see SemiSpace
 */
public final class MarkCompact extends TracingCollector {
    private final BumpAllocator space;
    private final SlidingCompactor compactor = new SlidingCompactor(this, counters, this::countFreed);

    /** A mark-compact collector over a heap of {@code heapBytes}. */
    public MarkCompact(long heapBytes, Probe probe) {
        super(heapBytes, probe);
        space = new BumpAllocator(1, heap.capacity());
        countWork(space);
    }

    @Override public String name() { return "mark-compact"; }

    // ---- allocation ----

    @Override protected int tryAllocate(int words) { return space.alloc(words); }

    // ---- collection ----

    /** {@code collect}: {@code markFromRoots}, then {@code computeForwarding}, {@code updateReferences}, {@code relocate}. */
    @Override
    public void collect() {
        beginPause(PauseKind.COLLECTION);
        long marked = count(objectsMarked), scanned = count(wordsScanned), moved = compactor.wordsMoved();
        mark();
        space.setCursor(compactor.compact(space.start(), space.start(), space.cursor()));
        endPause(count(objectsMarked) - marked,
                count(wordsScanned) - scanned + compactor.wordsMoved() - moved);
    }

    // ---- accounting ----

    @Override public long inUseBytes() { return space.usedWords() * Long.BYTES; }

    @Override public void forEachObject(IntConsumer visitor) { parse(space.start(), space.cursor(), visitor); }

    /** The first address after the last object (the bump cursor). */
    public int cursor() { return space.cursor(); }
}
