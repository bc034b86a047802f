package org.reclaim.runtime.tracing;

import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import org.reclaim.runtime.alloc.BumpAllocator;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * Mark-compact by sliding, the LISP2 algorithm (Jones, Hosking &amp; Moss §3.2): bump allocation
 * over the whole heap; a collection marks, then makes three passes over the heap in address
 * order: {@code computeForwarding} (each live object's new address, stored in its header),
 * {@code updateReferences} (roots and slots re-pointed at the new addresses), {@code relocate}
 * (each live object slid down to its new address). Live objects end contiguous from the heap's
 * start, in their original order, and the bump cursor follows the last one.
 *
 * <p>Dead objects are counted as freed during {@code computeForwarding}, the pass that already
 * visits every object.
 *
 * @see MarkSweep
 * @see SemiSpace
 */
public final class MarkCompact extends TracingCollector {
    private final BumpAllocator space;
    private final int referencesUpdated = counters.define("references.updated");
    private final int objectsMoved = counters.define("objects.moved");
    private final int wordsMoved = counters.define("words.moved");
    // blocks (live or dead) each of LISP2's three passes visits
    private final int forwardingBlocks = counters.define("compact.forwarding.blocks");
    private final int updateBlocks = counters.define("compact.update.blocks");
    private final int relocateBlocks = counters.define("compact.relocate.blocks");
    private final IntUnaryOperator forwarded = a -> ObjectLayout.forwardingAddress(w, a);

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

    /** {@code collect}: {@code markFromRoots}, {@code computeForwarding}, {@code updateReferences}, {@code relocate}. */
    @Override
    public void collect() {
        beginPause(PauseKind.COLLECTION);
        long marked = count(objectsMarked), scanned = count(wordsScanned), moved = count(wordsMoved);
        mark();
        int free = computeForwarding();
        updateReferences();
        relocate();
        space.setCursor(free);
        endPause(count(objectsMarked) - marked,
                count(wordsScanned) - scanned + count(wordsMoved) - moved);
    }

    /**
     * First pass: gives each marked object, in address order, the next address from the heap's
     * start; counts each unmarked one as freed. Returns the first free address after compaction.
     */
    private int computeForwarding() {
        int free = space.start();
        for (int a = space.start(), end = space.cursor(); a < end; ) {
            int size = ObjectLayout.size(w[a]);
            counters.inc(forwardingBlocks);
            if (isMarked(a)) {
                ObjectLayout.setForwardingAddress(w, a, free);
                free += size;
            } else {
                countFreed(a);
            }
            a += size;
        }
        return free;
    }

    /** Second pass: every root and every slot of a marked object now holds the forwarding address. */
    private void updateReferences() {
        scanRoots(forwarded);
        for (int a = space.start(), end = space.cursor(); a < end; a += ObjectLayout.size(w[a])) {
            counters.inc(updateBlocks);
            if (!isMarked(a)) continue;
            int n = slotsAt(a);
            for (int s = a + ObjectLayout.HEADER_WORDS, last = s + n; s < last; s++) {
                int child = (int) w[s];
                if (child == Heap.NULL) continue;
                w[s] = ObjectLayout.forwardingAddress(w, child);
                counters.inc(referencesUpdated);
            }
        }
    }

    /**
     * Third pass: slides each marked object down to its forwarding address (never upwards, so the
     * objects not yet visited are intact), clearing its mark and forwarding address.
     */
    private void relocate() {
        for (int a = space.start(), end = space.cursor(); a < end; ) {
            long h = w[a];
            int size = ObjectLayout.size(h);
            counters.inc(relocateBlocks);
            if (ObjectLayout.has(h, ObjectLayout.MARK)) {
                int to = ObjectLayout.forwardingAddress(w, a);
                w[a] = ObjectLayout.without(h, ObjectLayout.MARK);
                ObjectLayout.clearForwardingAddress(w, a);
                if (to != a) {
                    System.arraycopy(w, a, w, to, size);
                    counters.inc(objectsMoved);
                    counters.add(wordsMoved, size);
                }
            }
            a += size;
        }
    }

    // ---- accounting ----

    @Override public long inUseBytes() { return space.usedWords() * Long.BYTES; }

    @Override public void forEachObject(IntConsumer visitor) { parse(space.start(), space.cursor(), visitor); }

    /** The first address after the last object (the bump cursor). */
    public int cursor() { return space.cursor(); }
}
