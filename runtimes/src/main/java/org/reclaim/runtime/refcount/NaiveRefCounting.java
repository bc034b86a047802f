package org.reclaim.runtime.refcount;

import org.reclaim.runtime.Handles;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * Naive reference counting: every reference counts, the handles held by scopes included
 * ({@code OWN}, {@code BORROW}, {@code BORROW_MUT} and {@code RC} handles strong, {@code WEAK}
 * handles weak). A new object starts at one (its handle); a borrow, a share or an upgrade
 * increments; a drop, and every live handle at its scope's end, decrements. A count reaching zero
 * drops the value at once and decrements what it refers to, in one cascade on an explicit work
 * list, recorded as one {@link PauseKind#CASCADE} pause (only if it freed something).
 *
 * <p>A {@code put} moves the source handle's count into the slot (the handle dies), so no
 * increment or decrement is made for it when the strengths match; it is counted in
 * {@code counts.moved}. A strong handle put into a {@code WEAK} slot (or the reverse) is a real
 * increment of one count and decrement of the other. A {@code take} moves the slot's count into the
 * new handle. With {@code atomic}, every count update is a compare-and-set ({@code Arc}).
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

    @Override protected void initObject(int addr, byte handleKind) { counts.initStrong(addr, 1); }

    @Override
    protected void countHandle(int addr, byte kind) {
        if (isWeak(kind)) incWeak(addr); else incStrong(addr);
    }

    @Override
    protected void uncountHandle(int addr, byte kind) {
        if (isWeak(kind)) decWeak(addr); else decStrong(addr);
    }

    @Override
    protected void moveHandleToSlot(int addr, byte handleKind, SlotKind slotKind) {
        if (isWeak(handleKind) == (slotKind == SlotKind.WEAK)) {
            countMoved();
        } else {
            countSlot(addr, slotKind);
            uncountHandle(addr, handleKind);
        }
    }

    @Override protected void moveSlotToHandle(int addr, SlotKind slotKind) { countMoved(); }

    @Override protected void handleLeftGrown(int oldAddr) {
        counts.addStrong(oldAddr, -1);
        countMoved();
    }

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
