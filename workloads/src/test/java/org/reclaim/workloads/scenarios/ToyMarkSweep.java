package org.reclaim.workloads.scenarios;

import java.util.BitSet;
import java.util.function.IntConsumer;
import org.reclaim.runtime.ForcedCollection;
import org.reclaim.runtime.ManagedReferences;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.Reachability;
import org.reclaim.runtime.alloc.BumpAllocator;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * The smallest tracing collector that can be forced: bump allocation, and a collection that frees
 * (marks FREE, never reuses) every object the reachability walk does not reach, weak slots
 * followed. Stands in for the tracing family until the real collectors land, so that explain's
 * attribution of collection frees is tested now.
 */
final class ToyMarkSweep extends ManagedReferences implements ForcedCollection {
    private final BumpAllocator bump;

    ToyMarkSweep(long heapBytes, Probe probe) {
        super(heapBytes, probe);
        bump = new BumpAllocator(1, heap.capacity());
    }

    @Override public String name() { return "toy-mark-sweep"; }

    @Override
    protected int allocate(int words) {
        int a = bump.alloc(words);
        if (a == Heap.NULL) throw new OutOfMemory((long) words * Long.BYTES, heap.bytes());
        return a;
    }

    @Override public long inUseBytes() { return bump.usedWords() * Long.BYTES; }

    @Override public void forEachObject(IntConsumer visitor) { parse(bump.start(), bump.cursor(), visitor); }

    @Override
    public void collect() {
        long t0 = System.nanoTime();
        BitSet live = new Reachability(this).reachable(true);
        long[] freed = {0};
        forEachObject(a -> {
            if (live.get(a)) return;
            countFreed(a);
            w[a] = ObjectLayout.with(w[a], ObjectLayout.FREE);
            freed[0]++;
        });
        probe.pause(PauseKind.COLLECTION, t0, System.nanoTime(), freed[0], 0, 0, 0);
    }

    @Override public void finish() { collect(); }
}
