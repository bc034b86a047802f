package org.reclaim.runtime.refcount;

import org.reclaim.runtime.heap.Counts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.alloc.ExplicitFreeListSpace;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.heap.Shape;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * The counting core shared by every reference-counting policy, on the free-list allocator (the
 * same mechanism {@code manual} uses: one mechanism, several policies). It keeps the counts in
 * header word 1 (through {@link Counts}, plain or atomic), runs the decrement cascade on an
 * explicit work list, applies Rust's {@code RcBox} rule for weak references, and hands possible
 * cycle roots to the {@link CycleCollector} when {@code +cycles} is on. The policies decide whether
 * the handles (the program's locals: its stack) count, and what happens when a strong count reaches
 * zero: {@link NaiveRefCounting} counts handles too and frees at once; {@link DeferredRefCounting}
 * counts only slots and defers to a zero-count table.
 *
 * <p><b>What counts: every copy and every overwrite of a reference.</b> The contract is read as a
 * managed language's program (Java's): a handle is a local variable, a slot a field. Heap references
 * count under every policy: a store into a slot ({@code put}, {@code grow}'s copy) increments the
 * new referent and decrements the old one; a slot cleared ({@code take}, a dropped or grown object's
 * slots) decrements. Stack references are the policy's ({@link #countHandle} /
 * {@link #uncountHandle}): a reference copied into a local is one more reference (an allocation's
 * handle, {@code borrow}, {@code child}, {@code take}'s loaded value, {@code share},
 * {@code downgrade}, {@code upgrade}, a call's argument ({@code move}), a returned value in the
 * caller ({@code ret}), a cursor's new referent ({@code advance})), and a local that stops
 * referring is one fewer ({@code drop}, a local consumed by {@code put}, a cursor's old referent,
 * the returning function's local, every live handle at its scope's end). Nothing is a free move:
 * Rust's moves are free under {@code ownership}, and that is the contrast the lab measures.
 * {@code OWNED} and {@code SHARED} slots and non-weak handles count strong; {@code WEAK} ones count
 * weak. {@code counts.increments} and {@code counts.decrements} count every count update, strong
 * and weak.
 *
 * <p><b>Freeing.</b> When the strong count of an object reaches zero its value is <em>dropped</em>:
 * {@link ObjectLayout#DROPPED} is set, its slots' referents are decremented and its slots cleared.
 * Its block returns to the allocator only when its weak count is zero too and no table (the cycle
 * buffer, the zero-count table) holds its address. The object is counted as freed
 * ({@code countFreed}, {@code objects.freed}, the free listener) once, when its value is dropped,
 * even if its block lingers for weak references; {@link #inUseBytes()} counts lingering blocks (they
 * occupy the heap), and {@link #leaks()} lists only objects whose value was never dropped. A weak
 * slot or handle referring to a dropped value sees it as gone (null).
 *
 * <p>Counters: {@code counts.increments}, {@code counts.decrements},
 * {@code counts.stuck}, {@code objects.freed}, and those of the policy and the cycle collector.
 *
 * @see NaiveRefCounting
 * @see DeferredRefCounting
 * @see CycleCollector
 */
public abstract class RefCounting extends MemoryManager implements org.reclaim.runtime.ForcedCollection {

    // ---- instance fields ----

    private final String name;
    private final ExplicitFreeListSpace space;
    /** Count arithmetic, plain or atomic. */
    final Counts counts;
    /** The synchronous cycle collector, or null without {@code +cycles}. */
    final CycleCollector cycles;

    private final int increments = counters.define("counts.increments");
    private final int decrements = counters.define("counts.decrements");

    // the decrement cascade: objects whose value is to be dropped, reused across cascades
    private int[] work = new int[1024];
    private int sp;
    private boolean draining;
    /** True while a cascade's pause is open (it was begun outside any other pause). */
    private boolean cascadeTimed;
    private final int slotsScanned = counters.define("cascade.slots.scanned");

    /**
     * @param name           the manager's name, variant included
     * @param atomic         update counts with atomic operations
     * @param cycleThreshold candidates buffered before a cycle collection runs; 0 for no cycle collector
     */
    protected RefCounting(long heapBytes, Probe probe, String name, boolean atomic, int cycleThreshold) {
        super(heapBytes, probe);
        this.name = name;
        this.space = new ExplicitFreeListSpace(heap);
        this.counts = new Counts(w, atomic);
        counters.defineDerived("counts.stuck", counts::stuck);
        countWork(space.allocator());
        this.cycles = cycleThreshold > 0 ? new CycleCollector(this, cycleThreshold) : null;
    }

    @Override public String name() { return name; }

    // ---- what each policy decides ----

    /** A reference to {@code addr} (not null) was copied into a handle of {@code kind}: a local now holds it. */
    protected abstract void countHandle(int addr, byte kind);

    /** A handle of {@code kind} referring to {@code addr} (not null) is dropped, overwritten or ends. */
    protected abstract void uncountHandle(int addr, byte kind);

    /** The strong count of the live object at {@code addr} has reached zero. */
    protected abstract void zero(int addr);

    /** The block of a dropped object is referenced by no count and no table. */
    protected abstract void blockUnreferenced(int addr);

    // ---- allocation ----

    @Override
    protected final int allocate(int words) {
        beforeAllocation();
        int a = space.tryAlloc(words);
        if (a == Heap.NULL) {
            reclaimForAllocation();
            a = space.tryAlloc(words);
        }
        if (a == Heap.NULL) throw new OutOfMemory((long) words * Long.BYTES, heap.bytes());
        return a;
    }

    /** Called before every allocation: collects cycles when the candidate buffer is past its threshold. */
    protected void beforeAllocation() {
        if (cycles != null && cycles.due()) collectCycles();
    }

    /** Called when an allocation finds no block: collects cycles if this variant can. */
    protected void reclaimForAllocation() {
        if (cycles != null) collectCycles();
    }

    /**
     * Frees now whatever this variant leaves for later: the deferred variants reconcile, the
     * {@code +cycles} variants collect cycles; what {@link #finish()} does at the end of a run.
     * ({@code lab explain --collect-every-line} calls it after every line.)
     */
    @Override
    public void collect() { finish(); }

    /** Runs the cycle collector, timed as one {@link PauseKind#CYCLE_COLLECTION} pause. */
    protected void collectCycles() {
        long objects = objectsFreed, bytes = bytesFreed;
        beginCollectionPause(PauseKind.CYCLE_COLLECTION);
        cycles.collect();
        endCollectionPause(objectsFreed - objects, (bytesFreed - bytes) / Long.BYTES);
    }

    @Override public long inUseBytes() { return space.usedWords() * Long.BYTES; }

    @Override public void forEachObject(IntConsumer visitor) { space.forEachObject(visitor); }

    // ---- counting ----

    final void incStrong(int a) {
        counters.inc(increments);
        counts.addStrong(a, 1);
        if (cycles != null) cycles.incremented(a);
    }

    final void incWeak(int a) {
        counters.inc(increments);
        counts.addWeak(a, 1);
    }

    final void decStrong(int a) {
        counters.inc(decrements);
        int c = counts.addStrong(a, -1);
        if (c == 0) {
            if (dropped(a)) releaseBlock(a);
            else zero(a);
        } else if (cycles != null && c != ObjectLayout.STRONG_MAX && !dropped(a)) {
            cycles.possibleRoot(a);
        }
    }

    final void decWeak(int a) {
        counters.inc(decrements);
        if (counts.addWeak(a, -1) == 0 && dropped(a)) releaseBlock(a);
    }

    /** Counts a reference from a slot of {@code kind}. */
    final void countSlot(int a, SlotKind kind) {
        if (kind == SlotKind.WEAK) incWeak(a); else incStrong(a);
    }

    /** Removes the count of a reference from a slot of {@code kind}. */
    final void uncountSlot(int a, SlotKind kind) {
        if (kind == SlotKind.WEAK) decWeak(a); else decStrong(a);
    }

    /** A new object's first count, set with its header: one increment, for the handle that receives it. */
    final void countNewObject(int a) {
        counters.inc(increments);
        counts.initStrong(a, 1);
    }

    /**
     * Decrements the strong count of {@code a}, an object the caller frees itself (the old block
     * of a {@code grow}): counted as any decrement, but a count reaching zero releases nothing.
     */
    final void decStrongOfFreed(int a) {
        counters.inc(decrements);
        counts.addStrong(a, -1);
    }

    static boolean isWeak(byte handleKind) { return handleKind == Handles.WEAK; }

    final boolean dropped(int a) { return ObjectLayout.has(w[a], ObjectLayout.DROPPED); }

    /** {@code a}, or null if it is a dropped value (what a weak reference to it sees). */
    final int live(int a) { return a != Heap.NULL && dropped(a) ? Heap.NULL : a; }

    // ---- the decrement cascade ----

    /** Starts the clock of a cascade pause, unless a cascade is already running. */
    final void startCascade() {
        if (sp != 0 || draining) return;
        cascadeTimed = beginExplicitPause(PauseKind.CASCADE);
    }

    /** Puts an object whose value is to be dropped on the cascade's work list. */
    final void release(int a) {
        if (sp == work.length) work = Arrays.copyOf(work, sp * 2);
        work[sp++] = a;
    }

    /** Drops every value on the work list, and what their drops release in turn. */
    final void drain() {
        draining = true;
        while (sp > 0) dropValue(work[--sp], true);
        draining = false;
    }

    /** Drains the work list if anything is on it, recorded as one {@link PauseKind#CASCADE} pause. */
    final void runCascade() {
        if (sp == 0) return;
        drain();
        if (cascadeTimed) endExplicitPause();
        cascadeTimed = false;
    }

    /**
     * Drops the value of the object at {@code o}: marks it dropped, counts it freed, clears its
     * slots, decrementing their referents ({@code WEAK} slots' weak counts always; strong slots'
     * only if {@code decrementStrong}, which the cycle collector's {@code collectWhite} does not,
     * since trial deletion already took those counts away), then releases its block if nothing
     * refers to it. (Trial deletion does not follow slots to dropped values, so a block left
     * behind by {@code grow} while a slot of a garbage cycle still referred to it keeps that count
     * and is never returned: Rust forbids growing a vector through such an alias.)
     */
    final void dropValue(int o, boolean decrementStrong) {
        countFreed(o);
        Shape s = shapeAt(o);
        int n = slotsAt(o);
        counters.add(slotsScanned, n);
        int first = o + ObjectLayout.HEADER_WORDS;
        for (int k = 0; k < n; k++) {
            int c = (int) w[first + k];
            if (c == Heap.NULL) continue;
            w[first + k] = Heap.NULL;
            if (s.slotKind(k) == SlotKind.WEAK) decWeak(c);
            else if (decrementStrong) decStrong(c);
        }
        // marked dropped only now, so that a weak reference to itself does not release the block early
        w[o] = ObjectLayout.withColour(ObjectLayout.with(w[o], ObjectLayout.DROPPED), ObjectLayout.BLACK);
        releaseBlock(o);
    }

    /**
     * Frees the block of the dropped object {@code o} if no strong or weak count and no table (the
     * cycle buffer, the zero-count table) refers to it any more; else it lingers until the last of
     * them lets go.
     */
    final void releaseBlock(int o) {
        long h = w[o];
        if (ObjectLayout.has(h, ObjectLayout.BUFFERED) || ObjectLayout.has(h, ObjectLayout.IN_ZCT)) return;
        if (ObjectLayout.strong(w, o) != 0 || ObjectLayout.weak(w, o) != 0) return;
        blockUnreferenced(o);
    }

    /** Returns the block of a dropped object to the allocator. */
    final void freeBlock(int o) {
        if (space.isFree(o)) throw new IllegalStateException("block at word " + o + " freed twice");
        space.free(o);
    }

    // ---- the mutator contract, counted ----

    /** {@link #deref}, and a dropped value (seen through a weak handle) is gone: a null reference. */
    @Override
    protected int access(int h) {
        int a = deref(h);
        if (dropped(a)) throw nullReference(entry(h));
        return a;
    }

    private int pushCounted(int a, byte kind) {
        if (a != Heap.NULL) countHandle(a, kind);
        return handles.push(a, kind);
    }

    @Override public int borrow(int h) { return pushCounted(access(h), Handles.BORROW); }

    /** Passing a reference to a call copies it: one more handle, counted like any other. */
    @Override
    public int move(int h) {
        int i = entry(h);
        int m = pushCounted(handles.addr(i), handles.kind(i));
        String n = handles.name(i);
        if (n != null) handles.name(handles.index(m), n);
        return m;
    }

    @Override public int borrowMut(int h) { return pushCounted(access(h), Handles.BORROW_MUT); }

    @Override
    public int borrow(int h, int slot) {
        int a = access(h);
        int c = live((int) w[slotAddr(a, slot)]);
        return pushCounted(c, slotKind(a, slot) == SlotKind.WEAK ? Handles.WEAK : Handles.BORROW);
    }

    /** {@link #borrow(int, int)}'s counting, with the slot read once for the null test. */
    @Override
    public int child(int h, int slot) {
        int a = access(h);
        int c = live((int) w[slotAddr(a, slot)]);
        if (c == Heap.NULL) return Handles.NONE;
        return pushCounted(c, slotKind(a, slot) == SlotKind.WEAK ? Handles.WEAK : Handles.BORROW);
    }

    @Override
    public boolean advance(int cursor, int slot) {
        int i = entry(cursor);
        int old = access(cursor);
        int child = live((int) w[slotAddr(old, slot)]);
        byte k = handles.kind(i);
        if (child != Heap.NULL) countHandle(child, k);
        handles.setAddr(i, child);
        uncountHandle(old, k);
        runCascade();
        return child != Heap.NULL;
    }

    /**
     * {@code x.next = y}, with {@code y} dead afterwards: the slot's new referent is incremented
     * (a heap store), the local {@code y} ends (its handle's count goes), and the slot's old
     * referent is decremented (an overwrite).
     */
    @Override
    public void put(int h, int slot, int value) {
        int a = access(h);
        int sa = slotAddr(a, slot);
        SlotKind kind = slotKind(a, slot);
        int v = Heap.NULL;
        byte vk = Handles.DEAD;
        if (value != Handles.NONE) {
            int vi = entry(value);
            v = handles.addr(vi);
            vk = handles.kind(vi);
            handles.kill(vi);
        }
        int old = (int) w[sa];
        if (v != Heap.NULL && vk != Handles.DEAD) {
            boolean gone = dropped(v);
            if (!gone) countSlot(v, kind);
            uncountHandle(v, vk);
            if (gone) v = Heap.NULL;
        }
        w[sa] = v;
        if (old != Heap.NULL) uncountSlot(old, kind);
        runCascade();
    }

    @Override
    public int take(int h, int slot) {
        int a = access(h);
        int sa = slotAddr(a, slot);
        SlotKind kind = slotKind(a, slot);
        int v = (int) w[sa];
        w[sa] = Heap.NULL;
        byte hk = handleKindFor(kind);
        if (v != Heap.NULL) {
            boolean gone = dropped(v);
            if (!gone) countHandle(v, hk);
            uncountSlot(v, kind);
            if (gone) v = Heap.NULL;
        }
        int r = handles.push(v, hk);
        runCascade();
        return r;
    }

    @Override public boolean isNull(int h, int slot) { return live((int) w[slotAddr(access(h), slot)]) == Heap.NULL; }

    @Override public boolean isNull(int h) { return live(handles.addr(entry(h))) == Heap.NULL; }

    @Override public int share(int h) { return pushCounted(access(h), Handles.RC); }

    @Override public int downgrade(int h) { return pushCounted(access(h), Handles.WEAK); }

    @Override public int upgrade(int weak) { return pushCounted(live(handles.addr(entry(weak))), Handles.RC); }

    /** The C programmer's {@code free(x)}: under counting the counts decide what is freed; only the handle is checked. */
    @Override public void free(int h) { entry(h); }

    @Override
    public void drop(int h) {
        int i = entry(h);
        int a = handles.addr(i);
        byte k = handles.kind(i);
        handles.kill(i);
        if (a == Heap.NULL || k == Handles.DEAD) return;
        uncountHandle(a, k);
        runCascade();
    }

    /**
     * {@code return x}: the value is copied into the caller's new handle (counted as a copy), and
     * the returning function's local {@code x} ends with its frame (uncounted): an increment and a
     * decrement under naive counting, nothing under deferred. Both are made after the frame has
     * ended, when the caller's handle already holds the reference, so the count never passes
     * through zero.
     */
    @Override
    public int ret(int h) {
        int i = entry(h);
        int a = handles.addr(i);
        byte k = handles.kind(i);
        int r = super.ret(h);
        if (a != Heap.NULL && k != Handles.DEAD) {
            countHandle(a, k);
            uncountHandle(a, k);
            runCascade();
        }
        return r;
    }

    /**
     * After {@code grow} ({@code a = Arrays.copyOf(a, n)}): the handle's reference has moved to the
     * new block (counted there by {@link #initObject}) and leaves the old one
     * ({@link #handleLeftGrown}); every slot copied into the new block is a heap store (an
     * increment), and the old object is freed (counted once, as {@code manual}'s realloc frees it),
     * its slots cleared with a decrement each. Its block lingers only while other references to it
     * remain.
     */
    @Override
    protected void releaseGrown(int oldAddr, int newAddr) {
        handleLeftGrown(oldAddr);
        w[oldAddr] = ObjectLayout.withColour(ObjectLayout.with(w[oldAddr], ObjectLayout.DROPPED), ObjectLayout.BLACK);
        countFreed(oldAddr);
        Shape s = shapeAt(oldAddr);
        int n = slotsAt(oldAddr), copied = Math.min(n, slotsAt(newAddr));
        int first = oldAddr + ObjectLayout.HEADER_WORDS;
        for (int k = 0; k < n; k++) {
            int c = (int) w[first + k];
            if (c == Heap.NULL) continue;
            if (k < copied) countSlot(c, s.slotKind(k));
            w[first + k] = Heap.NULL;
            uncountSlot(c, s.slotKind(k));
        }
        releaseBlock(oldAddr);
        runCascade();
    }

    /** The growing handle's reference leaves the old block (naive: a decrement; deferred: nothing). */
    protected abstract void handleLeftGrown(int oldAddr);

    // ---- exit ----

    /** Objects whose value was never dropped: what counting could not free (cycles, unless collected). */
    @Override
    public List<Leak> leaks() {
        List<Leak> leaks = new ArrayList<>();
        forEachObject(a -> {
            if (!dropped(a)) leaks.add(leakAt(a));
        });
        return leaks;
    }
}
