package org.reclaim.runtime.epsilon;

import java.util.function.IntConsumer;
import org.reclaim.runtime.ManagedReferences;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.alloc.BumpAllocator;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.probe.Probe;

/**
 * Epsilon: bump allocation, never frees (OpenJDK's Epsilon GC, JEP 318). The mutator-only
 * baseline: everything any other manager spends beyond it is memory management. Out of memory
 * when the bump pointer reaches the end of the heap.
 */
public final class Epsilon extends ManagedReferences {
    private final BumpAllocator bump;

    public Epsilon(long heapBytes, Probe probe) {
        super(heapBytes, probe);
        bump = new BumpAllocator(1, heap.capacity());
        countWork(bump);
        neverReusesMemory();
    }

    @Override public String name() { return "epsilon"; }

    @Override
    protected int allocate(int words) {
        int a = bump.alloc(words);
        if (a == Heap.NULL) throw new OutOfMemory((long) words * Long.BYTES, heap.bytes());
        return a;
    }

    @Override public long inUseBytes() { return bump.usedWords() * Long.BYTES; }

    @Override public void forEachObject(IntConsumer visitor) { parse(bump.start(), bump.cursor(), visitor); }
}
