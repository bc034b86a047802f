package org.reclaim.runtime.tracing;

import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import org.reclaim.runtime.Counters;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;

/**
 * LISP2's sliding compaction (Jones, Hosking &amp; Moss §3.2), after a mark: three passes over the
 * compacted regions in address order, {@code computeForwarding} (each marked object's new address,
 * stored in its header), {@code updateReferences} (roots and slots re-pointed at the new addresses)
 * and {@code relocate} (each marked object slid down to its new address). The marked objects end
 * contiguous from the destination, in their original order. Mark-compact compacts its one bump
 * region with it; the generational collector's full collection compacts its mature space and its
 * nursery together, so that the nursery's survivors end in the mature space.
 *
 * <p>The regions are given as ascending, non-overlapping {@code [start, end)} pairs, each parsable
 * (objects back to back); what lies between them is not read. The destination is at or below the
 * first region's start, so every object slides down or stays: objects not yet visited are intact.
 * Unmarked objects are reported freed during {@code computeForwarding}, the pass that already
 * visits every object.
 *
 * <p>Counts, per pass, the blocks visited ({@code compact.forwarding.blocks},
 * {@code compact.update.blocks}, {@code compact.relocate.blocks}) and the words it writes or reads
 * beyond their headers: forwarding addresses stored ({@code compact.forwarding.addresses}), slots
 * read ({@code compact.update.slots}) and rewritten ({@code references.updated}), objects and
 * words slid ({@code objects.moved}, {@code words.moved}).
 *
 * @see MarkCompact
 * @see Generational
 */
final class SlidingCompactor {
    private final TracingCollector collector;
    private final long[] w;
    private final Counters counters;
    private final IntConsumer freed;
    private final int forwardingBlocks, forwardingAddresses, updateBlocks, updateSlots, referencesUpdated,
            relocateBlocks, objectsMoved, wordsMoved;
    private final IntUnaryOperator forwarded;

    /**
     * The compactor of {@code collector}'s heap, counting in its counters.
     *
     * @param freed called with each unmarked object, before its words are reused (the collector's {@code countFreed})
     */
    SlidingCompactor(TracingCollector collector, Counters counters, IntConsumer freed) {
        this.collector = collector;
        this.w = collector.heap().words;
        this.counters = counters;
        this.freed = freed;
        forwardingBlocks = counters.define("compact.forwarding.blocks");
        forwardingAddresses = counters.define("compact.forwarding.addresses");
        updateBlocks = counters.define("compact.update.blocks");
        updateSlots = counters.define("compact.update.slots");
        referencesUpdated = counters.define("references.updated");
        relocateBlocks = counters.define("compact.relocate.blocks");
        objectsMoved = counters.define("objects.moved");
        wordsMoved = counters.define("words.moved");
        forwarded = a -> ObjectLayout.forwardingAddress(w, a);
    }

    /**
     * Slides the marked objects of {@code regions} (pairs {@code start, end}) down to consecutive
     * addresses from {@code to}, and re-points the roots and every slot of a marked object. Returns
     * the first free address after them.
     */
    int compact(int to, int... regions) {
        int free = computeForwarding(to, regions);
        updateReferences(regions);
        relocate(regions);
        return free;
    }

    /** Words slid so far (for a pause's share of the work). */
    long wordsMoved() { return counters.value(wordsMoved); }

    /**
     * First pass: gives each marked object, in address order, the next address from {@code to};
     * reports each unmarked one freed. Returns the first free address after compaction.
     */
    private int computeForwarding(int to, int[] regions) {
        int free = to;
        for (int r = 0; r < regions.length; r += 2) {
            for (int a = regions[r], end = regions[r + 1]; a < end; ) {
                int size = ObjectLayout.size(w[a]);
                counters.inc(forwardingBlocks);
                if (collector.isMarked(a)) {
                    ObjectLayout.setForwardingAddress(w, a, free);
                    counters.inc(forwardingAddresses);
                    free += size;
                } else {
                    freed.accept(a);
                }
                a += size;
            }
        }
        return free;
    }

    /** Second pass: every root and every slot of a marked object now holds the forwarding address. */
    private void updateReferences(int[] regions) {
        collector.scanRoots(forwarded);
        for (int r = 0; r < regions.length; r += 2) {
            for (int a = regions[r], end = regions[r + 1]; a < end; a += ObjectLayout.size(w[a])) {
                counters.inc(updateBlocks);
                if (!collector.isMarked(a)) continue;
                int n = collector.slotsAt(a);
                counters.add(updateSlots, n);
                for (int s = a + ObjectLayout.HEADER_WORDS, last = s + n; s < last; s++) {
                    int child = (int) w[s];
                    if (child == Heap.NULL) continue;
                    w[s] = ObjectLayout.forwardingAddress(w, child);
                    counters.inc(referencesUpdated);
                }
            }
        }
    }

    /**
     * Third pass: slides each marked object down to its forwarding address (never upwards, so the
     * objects not yet visited are intact), clearing its mark and forwarding address.
     */
    private void relocate(int[] regions) {
        for (int r = 0; r < regions.length; r += 2) {
            for (int a = regions[r], end = regions[r + 1]; a < end; ) {
                long h = w[a];
                int size = ObjectLayout.size(h);
                counters.inc(relocateBlocks);
                if (ObjectLayout.has(h, ObjectLayout.MARK)) {
                    int dest = ObjectLayout.forwardingAddress(w, a);
                    w[a] = ObjectLayout.without(h, ObjectLayout.MARK);
                    ObjectLayout.clearForwardingAddress(w, a);
                    if (dest != a) {
                        System.arraycopy(w, a, w, dest, size);
                        counters.inc(objectsMoved);
                        counters.add(wordsMoved, size);
                    }
                }
                a += size;
            }
        }
    }
}
