package org.reclaim.runtime.refcount;

import org.reclaim.runtime.Handles;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * Naive reference counting (Collins 1960; Jones, Hosking &amp; Moss, ch. 5): every copy and every
 * overwrite of a reference is counted, on the stack as in the heap. The handles held by scopes are
 * the program's locals and count like slots ({@code OWN}, {@code BORROW}, {@code BORROW_MUT} and
 * {@code RC} handles strong, {@code WEAK} handles weak). Per contract operation:
 * <ul>
 *   <li>{@code alloc}: the new object's count is set to one for its handle (one increment);</li>
 *   <li>{@code borrow}, {@code child}, {@code share}, {@code downgrade}, {@code upgrade},
 *       {@code move} (a call's argument): one increment for the new local;</li>
 *   <li>{@code advance} ({@code node = node.next}): an increment of the new referent, a decrement
 *       of the old;</li>
 *   <li>{@code put} ({@code x.next = y}): an increment for the store, a decrement for the local
 *       {@code y} the store consumes, a decrement of the slot's old referent;</li>
 *   <li>{@code take}: an increment for the local the child is loaded into, a decrement for the slot
 *       it leaves;</li>
 *   <li>{@code ret}: an increment for the caller's copy, a decrement for the returning local;</li>
 *   <li>{@code grow}: an increment for the local's new block, a decrement of the old, and an
 *       increment and a decrement for each slot copied out of the old block;</li>
 *   <li>{@code drop}, and every live handle at its scope's end: one decrement.</li>
 * </ul>
 * Nothing is a free move: that is what separates naive counting from Rust's {@code Rc} under
 * {@code ownership}, where a move costs nothing. A count reaching zero drops the value at once and
 * decrements what it refers to, in one cascade on an explicit work list, recorded as one
 * {@link PauseKind#CASCADE} pause (only if it freed something). With {@code atomic}, every count
 * update is a compare-and-set ({@code Arc}).
 *
 * @see DeferredRefCounting
 */
public final class NaiveRefCounting extends RefCounting {

    /**
     * @param atomic         update counts with atomic operations ({@code refcount-atomic})
     * @param cycleThreshold candidates buffered before a cycle collection; 0 for none ({@code +cycles} otherwise)
     */
    public NaiveRefCounting(long heapBytes, Probe probe, boolean atomic, int cycleThreshold) {
        super(heapBytes, probe, "refcount" + (atomic ? "-atomic" : "") + (cycleThreshold > 0 ? "+cycles" : ""),
                atomic, cycleThreshold);
    }

    @Override protected void initObject(int addr, byte handleKind) { countNewObject(addr); }

    @Override
    protected void countHandle(int addr, byte kind) {
        if (isWeak(kind)) incWeak(addr); else incStrong(addr);
    }

    @Override
    protected void uncountHandle(int addr, byte kind) {
        if (isWeak(kind)) decWeak(addr); else decStrong(addr);
    }

    @Override protected void handleLeftGrown(int oldAddr) { decStrongOfFreed(oldAddr); }

    @Override
    protected void zero(int addr) {
        startCascade();
        release(addr);
    }

    @Override protected void blockUnreferenced(int addr) { freeBlock(addr); }

    /** Every live handle of the ending scope is decremented, last declared first; one cascade for all. */
    @Override
    protected void scopeEnd(int base, int top) {
        for (int i = top - 1; i >= base; i--) {
            int a = handles.addr(i);
            byte k = handles.kind(i);
            if (a == Heap.NULL || k == Handles.DEAD) continue;
            handles.kill(i);
            uncountHandle(a, k);
        }
        runCascade();
    }

    /** With {@code +cycles}: a last cycle collection, for the cycles the program left. */
    @Override
    public void finish() {
        if (cycles != null) collectCycles();
    }
}
