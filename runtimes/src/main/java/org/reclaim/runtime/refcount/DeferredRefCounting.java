package org.reclaim.runtime.refcount;

import org.reclaim.runtime.heap.Counts;
import java.util.Arrays;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * Deferred reference counting (Deutsch &amp; Bobrow 1976): references from the scopes' handles (the
 * program's locals: its stack) are not counted, only references from slots (the heap). Of the
 * operations {@link NaiveRefCounting} counts, only the heap's remain: a {@code put} increments its
 * new referent and decrements the slot's old one, a {@code take} decrements the child it loads,
 * {@code grow}'s slot copies increment and its old block's slots decrement, and a dropped value's
 * slots decrement; an allocation, a borrow, a move, a return, a cursor's step, a drop and a scope's
 * end cost nothing. A new object starts at zero, and an object whose count
 * falls to zero is not freed but entered in the zero-count table (ZCT, an {@code int[]}; membership
 * is the header's {@link ObjectLayout#IN_ZCT} bit). At a bounded interval (every
 * {@code reconcileEvery} allocations), when an allocation finds no block, and at the end of the
 * run, the table is <em>reconciled</em> against the roots: the objects the handles refer to are
 * marked ({@link ObjectLayout#MARK}), every table entry still at zero and unmarked is dropped (its
 * cascade may drop more), and the marked ones stay for the next time. Each reconciliation is one
 * {@link PauseKind#RECONCILE} pause.
 *
 * <p>Weak handles are not counted either, so the block of a dropped value whose weak count is zero
 * also waits in the table, and is freed by a reconciliation that finds no weak handle to it.
 *
 * <p>With {@code +cycles}, the candidates of trial deletion are the objects decremented to non-zero,
 * plus what reconciliation finds: table entries whose count rose above zero (new objects now
 * referenced from a slot), and objects that were referenced from the handles at the previous
 * reconciliation but are not any more (the handle decrements this policy never made). A cycle
 * collection reconciles first, and trial deletion treats objects the handles refer to as
 * externally referenced.
 *
 * <p>Counters: {@code zct.entries}, {@code reconcile.roots} (handles marked), {@code reconciliations}.
 *
 * @see NaiveRefCounting
 */
public final class DeferredRefCounting extends RefCounting {
    /** Allocations between reconciliations unless told otherwise. */
    public static final int DEFAULT_RECONCILE_EVERY = 10_000;

    private final int reconcileEvery;
    private int sinceReconcile;
    private boolean reconciling;
    private int weakHandles;

    private int[] zct = new int[1024];
    private int zctSize;
    // with +cycles: the objects the strong handles referred to at the last reconciliation
    private int[] lastRoots = new int[256];
    private int lastRootCount;

    private final int zctEntries = counters.define("zct.entries");
    private final int rootsMarked = counters.define("reconcile.roots");
    private final int reconciliations = counters.define("reconciliations");

    /**
     * @param reconcileEvery allocations between reconciliations (at least 1)
     * @param cycleThreshold candidates buffered before a cycle collection; 0 for none
     */
    public DeferredRefCounting(long heapBytes, Probe probe, int reconcileEvery, int cycleThreshold) {
        super(heapBytes, probe, "refcount-deferred" + (cycleThreshold > 0 ? "+cycles" : ""), false, cycleThreshold);
        if (reconcileEvery < 1) throw new IllegalArgumentException("reconcileEvery must be at least 1, not " + reconcileEvery);
        this.reconcileEvery = reconcileEvery;
    }

    // ---- what handles do: nothing to the counts ----

    @Override protected void initObject(int addr, byte handleKind) { enterZct(addr); }

    @Override protected void countHandle(int addr, byte kind) {}

    @Override protected void uncountHandle(int addr, byte kind) {}

    @Override protected void handleLeftGrown(int oldAddr) {}

    /** Zero outside a reconciliation, or on an object a handle refers to: into the table. */
    @Override
    protected void zero(int addr) {
        if (reconciling && !marked(addr)) release(addr);
        else enterZct(addr);
    }

    /** Freed at once during a reconciliation that found no weak handle at all; else it waits for the weak-handle check. */
    @Override
    protected void blockUnreferenced(int addr) {
        if (reconciling && weakHandles == 0) freeBlock(addr);
        else enterZct(addr);
    }

    private void enterZct(int a) {
        if (ObjectLayout.has(w[a], ObjectLayout.IN_ZCT)) return;
        w[a] = ObjectLayout.with(w[a], ObjectLayout.IN_ZCT);
        if (zctSize == zct.length) zct = Arrays.copyOf(zct, zctSize * 2);
        zct[zctSize++] = a;
        counters.inc(zctEntries);
    }

    private void leaveZct(int a) { w[a] = ObjectLayout.without(w[a], ObjectLayout.IN_ZCT); }

    private boolean marked(int a) { return ObjectLayout.has(w[a], ObjectLayout.MARK); }

    // ---- when to reconcile ----

    @Override
    protected void beforeAllocation() {
        if (++sinceReconcile >= reconcileEvery) reconcile();
        super.beforeAllocation();
    }

    @Override
    protected void reclaimForAllocation() {
        reconcile();
        super.reclaimForAllocation();
    }

    /** Reconciles first, so that trial deletion sees every count; the handles' referents count as external. */
    @Override
    protected void collectCycles() {
        reconcile();
        markRoots(false, true);
        super.collectCycles();
        markRoots(false, false);
    }

    /** The last reconciliation (after a last cycle collection with {@code +cycles}): frees what the ended scopes held. */
    @Override
    public void finish() {
        if (cycles != null) collectCycles();
        reconcile();
    }

    // ---- reconciliation ----

    /**
     * Reconciles the zero-count table against the roots, as one {@link PauseKind#RECONCILE} pause:
     * drops the values no strong handle refers to (mark, then process the table), then frees the
     * blocks of dropped values no weak handle refers to.
     */
    public void reconcile() {
        long freed0 = objectsFreed, bytes0 = bytesFreed;
        beginCollectionPause(PauseKind.RECONCILE);
        sinceReconcile = 0;
        counters.inc(reconciliations);

        weakHandles = markRoots(false, true);
        reconciling = true;
        dropUnreferencedValues();
        reconciling = false;
        if (cycles != null) bufferLostRoots();
        markRoots(false, false);

        markRoots(true, true);
        freeUnreferencedBlocks();
        markRoots(true, false);

        endCollectionPause(objectsFreed - freed0, (bytesFreed - bytes0) / Long.BYTES);
    }

    /**
     * Sets ({@code on}) or clears MARK on the referents of the weak handles, or of the others;
     * returns how many live handles of the other sort it passed over.
     */
    private int markRoots(boolean weak, boolean on) {
        int others = 0;
        for (int i = 1; i < handles.top(); i++) {
            int a = handles.addr(i);
            byte k = handles.kind(i);
            if (a == Heap.NULL || k == Handles.DEAD) continue;
            if (isWeak(k) != weak) {
                others++;
                continue;
            }
            if (on) {
                w[a] = ObjectLayout.with(w[a], ObjectLayout.MARK);
                counters.inc(rootsMarked);
            } else {
                w[a] = ObjectLayout.without(w[a], ObjectLayout.MARK);
            }
        }
        return others;
    }

    /** Table entries still at zero and unmarked are dropped; what their cascades zero joins the same pass. */
    private void dropUnreferencedValues() {
        int kept = 0;
        for (int i = 0; i < zctSize; i++) {
            int o = zct[i];
            if (dropped(o) || (marked(o) && Counts.strong(w, o) == 0)) {
                zct[kept++] = o;
                continue;
            }
            leaveZct(o);
            if (Counts.strong(w, o) > 0) {
                if (cycles != null) cycles.possibleRoot(o);
                continue;
            }
            release(o);
            drain();
        }
        zctSize = kept;
    }

    /** With {@code +cycles}: objects the handles referred to last time and no longer do become candidates. */
    private void bufferLostRoots() {
        for (int i = 0; i < lastRootCount; i++) {
            int o = lastRoots[i];
            boolean gone = ObjectLayout.has(w[o], ObjectLayout.FREE) || dropped(o); // dropped (maybe freed) just now
            if (!gone && !marked(o) && Counts.strong(w, o) > 0) cycles.possibleRoot(o);
        }
        lastRootCount = 0;
        for (int i = 1; i < handles.top(); i++) {
            int a = handles.addr(i);
            byte k = handles.kind(i);
            if (a == Heap.NULL || k == Handles.DEAD || isWeak(k)) continue;
            if (lastRootCount == lastRoots.length) lastRoots = Arrays.copyOf(lastRoots, lastRootCount * 2);
            lastRoots[lastRootCount++] = a;
        }
    }

    /** Dropped entries with no count, not buffered, and no weak handle to them: their blocks are freed. */
    private void freeUnreferencedBlocks() {
        int kept = 0;
        for (int i = 0; i < zctSize; i++) {
            int o = zct[i];
            if (!dropped(o)) {
                zct[kept++] = o;
                continue;
            }
            boolean unreferenced = Counts.strong(w, o) == 0 && Counts.weak(w, o) == 0
                    && !ObjectLayout.has(w[o], ObjectLayout.BUFFERED);
            if (unreferenced && marked(o)) {
                zct[kept++] = o;
                continue;
            }
            leaveZct(o);
            if (unreferenced) freeBlock(o);
        }
        zctSize = kept;
    }
}
