package org.reclaim.runtime.ownership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.alloc.ExplicitFreeListSpace;
import org.reclaim.runtime.alloc.FreeListAllocator;
import org.reclaim.runtime.heap.Counts;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * Rust's ownership, as a compiled Rust program runs it: the {@code trusted} mode
 * ({@code ownership-trusted}). Every object has exactly one owner, a scope's handle or an
 * {@link SlotKind#OWNED} slot of another object; the owner's end drops it. No check is made: the
 * compiler is assumed to have made them, so this class is the bare drop-and-move machinery, and
 * {@link CheckedOwnership} adds the checks on top of it.
 *
 * <h2>Handles are the variables' types</h2>
 * {@code let x = Box::new(..)} is {@link Handles#OWN}, {@code &x} {@link Handles#BORROW},
 * {@code &mut x} {@link Handles#BORROW_MUT}, {@code Rc} {@link Handles#RC}, {@code Weak}
 * {@link Handles#WEAK}. A moved-from or dropped handle is {@link Handles#DEAD}. As in a compiled
 * program, a move copies the bits and leaves them behind: a dead handle keeps its address, and a
 * program that uses it anyway (which the compiler would have rejected) reads whatever the block
 * holds now. That is undefined behaviour, exactly like {@code unsafe} code that bypassed the
 * checks: for example {@code print-years-twice}'s second call reads the vector's freed block,
 * which still holds 2001..2004 while nothing has reused it, and is not dropped a second time
 * because the moved-from handle is dead.
 *
 * <h2>Drops</h2>
 * A scope's end drops its remaining {@code OWN} and {@code RC} handles in reverse declaration
 * order (Rust's drop order) and releases its {@code WEAK} ones; {@link #drop} drops now;
 * {@link #free} (the C programmer's {@code free}) does nothing, since Rust waits for the scope
 * end. The owning entries are counted per frame as they are pushed, moved and dropped, so a
 * scope's end that owns nothing looks at no entry. Dropping runs drop glue on an explicit stack,
 * in Rust's order: an object's slots are dropped first to last, each completely, then its block
 * is freed. An {@code OWNED} or
 * {@code SHARED} child is released (dropped if it is a box, strong-decremented if it is an
 * {@code Rc}), a {@code WEAK} child is weak-decremented. An {@code Rc} follows Rust's
 * {@code RcBox}: at strong count 0 its value is dropped and it is marked
 * {@link ObjectLayout#DROPPED}; its block is freed when the weak count is 0 too. An {@code Rc}
 * cycle is never freed and {@link #leaks()} reports it, as Rust leaks it. Each drop-glue run that
 * frees at least one object is one {@link PauseKind#DROP_GLUE} pause.
 *
 * <h2>Moves</h2>
 * {@link #move} (a call's argument) and {@link #ret} (a return) move ownership into another scope,
 * {@link #put} moves a value into a slot and drops the slot's old value, {@link #take} moves a
 * child out to a local. Moving a borrow copies it (a reference is {@code Copy}). {@link #grow}
 * reallocates: a new block, the contents moved, the old block freed without drop glue.
 */
public class Ownership extends MemoryManager {

    // ---- instance fields ----

    private final ExplicitFreeListSpace space;
    private final Counts counts = new Counts(w, false);

    private final int objectsDropped = counters.define("objects.dropped");
    private final int strongDecrements = counters.define("rc.strong.decrements");
    private final int weakDecrements = counters.define("rc.weak.decrements");
    private final int strongIncrements = counters.define("rc.strong.increments");
    private final int weakIncrements = counters.define("rc.weak.increments");
    private final int glueSteps = counters.define("dropglue.steps");
    private final int slotsScanned = counters.define("dropglue.slots.scanned");

    /**
     * Per open frame, by depth: how many of its entries hold an owning kind ({@code OWN},
     * {@code RC}, {@code WEAK}), counted as owners are made, moved and dropped. A frame that owns
     * nothing ends without looking at its entries; one that does looks from its top down only as
     * far as its last owner.
     */
    private int[] frameOwners = new int[64];

    /**
     * Drop glue's explicit stack: one frame per value being dropped, {@value #GLUE_FRAME} ints
     * each: its address, the heap index of its next slot to release, the end of its slots, and
     * its shape if it has weak slots (else -1). Reused across runs.
     */
    private int[] glue = new int[256];
    private static final int GLUE_FRAME = 4;


    public Ownership(long heapBytes, Probe probe) {
        super(heapBytes, probe);
        this.space = new ExplicitFreeListSpace(heap);
        countWork(space.allocator());
        counters.defineDerived("counts.stuck", counts::stuck);
    }

    @Override public String name() { return "ownership-trusted"; }

    // ---- owners per frame ----

    /** Counts handle {@code h}, just pushed with an owning kind, as an owner of the innermost frame; returns it. */
    private int owns(int h) {
        int d = handles.depth();
        if (d >= frameOwners.length) frameOwners = Arrays.copyOf(frameOwners, d * 2);
        frameOwners[d]++;
        return h;
    }

    /** Entry {@code i}, which held an owning kind, owns nothing any more: its frame has one owner less. */
    private void disowned(int i) {
        int d = handles.depth();
        while (d > 0 && i < handles.base(d)) d--;
        frameOwners[d]--;
    }

    /** The entries of the innermost frame that hold an owning kind: for tests. */
    final int frameOwners() {
        int d = handles.depth();
        return d < frameOwners.length ? frameOwners[d] : 0;
    }

    /** The innermost frame ends without its drops (an error raised at its end): it owns nothing from now on. */
    final void abandonFrameOwners() {
        int d = handles.depth();
        if (d < frameOwners.length) frameOwners[d] = 0;
    }

    @Override
    public int alloc(int shape, int length) { return owns(super.alloc(shape, length)); }

    @Override
    public int allocShared(int shape, int length) { return owns(super.allocShared(shape, length)); }

    // ---- allocation ----

    @Override
    protected int allocate(int words) {
        int a = space.tryAlloc(words);
        if (a == Heap.NULL) throw new OutOfMemory((long) words * Long.BYTES, heap.bytes());
        return a;
    }

    /** {@code Rc::new}: strong count 1, weak count 0. */
    @Override
    protected void initObject(int addr, byte handleKind) {
        if (handleKind == Handles.RC) counts.initStrong(addr, 1);
    }

    @Override public long inUseBytes() { return space.usedWords() * Long.BYTES; }

    @Override public void forEachObject(IntConsumer visitor) { space.forEachObject(visitor); }

    /** The allocator, for invariant checks. */
    public FreeListAllocator allocator() { return space.allocator(); }

    // ---- moves ----

    /**
     * Ends handle entry {@code i}'s ownership: it was moved or dropped. Here the kind becomes
     * {@link Handles#DEAD} and the address stays, as the bits of a moved-from variable stay.
     */
    protected void moveOut(int i) { handles.setKind(i, Handles.DEAD); }

    /** Entry {@code i}'s ownership ends ({@link #moveOut}), and its frame counts one owner less if it was one. */
    private void endOwnership(int i) {
        boolean owned = holds(handles.kind(i));
        moveOut(i);
        if (owned) disowned(i);
    }

    /** True for the handle kinds that move (a borrow is copied instead). */
    private static boolean moves(byte kind) { return kind != Handles.BORROW && kind != Handles.BORROW_MUT; }

    /** A call's argument: ownership moves into the current scope; a borrow is copied. */
    @Override
    public int move(int h) {
        int i = entry(h);
        int a = handles.addr(i);
        byte k = handles.kind(i);
        if (moves(k)) endOwnership(i);
        int m = handles.push(a, k);
        handles.name(handles.index(m), handles.name(i));
        return holds(k) ? owns(m) : m;
    }

    /** {@code return x}: the value moves to a new entry in the caller's frame, an owner there if it was one here. */
    @Override
    public int ret(int h) {
        int i = handles.index(h);
        if (i >= 0 && holds(handles.kind(i)) && handles.inInnermostFrame(i)) disowned(i);
        int r = super.ret(h);
        return holds(handles.kind(Handles.indexOf(r))) ? owns(r) : r;
    }

    /** {@code x.next = y}: moves {@code value} into the slot, then drops the slot's old value. */
    @Override
    public void put(int h, int slot, int value) {
        int a = access(h);
        int sa = slotAddr(a, slot);
        int v = Heap.NULL;
        if (value != Handles.NONE) {
            int vi = entry(value);
            v = handles.addr(vi);
            if (moves(handles.kind(vi))) endOwnership(vi);
            else if (v != Heap.NULL && slotKind(a, slot) == SlotKind.WEAK) countWeak(v);
        }
        int old = (int) w[sa];
        w[sa] = v;
        if (old != Heap.NULL) dropGlue(old, slotKind(a, slot) == SlotKind.WEAK);
    }

    /** {@code x.next.take()}: the child moves out to a new local; its handle is an Rc if it is one. */
    @Override
    public int take(int h, int slot) {
        int a = access(h);
        int sa = slotAddr(a, slot);
        int v = (int) w[sa];
        w[sa] = Heap.NULL;
        byte k = slotKind(a, slot) == SlotKind.WEAK ? Handles.WEAK
                : v != Heap.NULL && ObjectLayout.has(w[v], ObjectLayout.RC) ? Handles.RC : Handles.OWN;
        return owns(handles.push(v, k));
    }

    /** {@code x.next.as_ref()}: a shared borrow of the child, whatever the slot's kind (a {@code &Weak} too). */
    @Override
    public int borrow(int h, int slot) {
        int a = access(h);
        return handles.push((int) w[slotAddr(a, slot)], Handles.BORROW);
    }

    /** {@link #borrow(int, int)} with the slot read once for the null test. */
    @Override
    public int child(int h, int slot) {
        int c = (int) w[slotAddr(access(h), slot)];
        return c == Heap.NULL ? Handles.NONE : handles.push(c, Handles.BORROW);
    }

    // ---- Rc and Weak ----

    /** {@code Rc::clone(&x)}: strong count + 1. A box is not counted: sharing one gives a borrow. */
    @Override
    public int share(int h) {
        int a = deref(h);
        if (!ObjectLayout.has(w[a], ObjectLayout.RC)) return handles.push(a, Handles.BORROW);
        counters.inc(strongIncrements);
        counts.addStrong(a, +1);
        return owns(handles.push(a, Handles.RC));
    }

    /** {@code Rc::downgrade(&x)} or {@code Weak::clone}: weak count + 1 (a dropped value's block too). */
    @Override
    public int downgrade(int h) {
        int a = deref(h);
        countWeak(a);
        return owns(handles.push(a, Handles.WEAK));
    }

    /**
     * {@code w.upgrade()}: a new strong handle while the value lives, a null handle once it has
     * been dropped. A weak pointer to a box (a plain back pointer) upgrades to a borrow.
     */
    @Override
    public int upgrade(int weak) {
        int a = addressOf(weak);
        if (a == Heap.NULL) return owns(handles.push(Heap.NULL, Handles.RC));
        if (!ObjectLayout.has(w[a], ObjectLayout.RC)) return handles.push(a, Handles.BORROW);
        if (ObjectLayout.has(w[a], ObjectLayout.DROPPED)) return owns(handles.push(Heap.NULL, Handles.RC));
        return share(weak);
    }

    private void countWeak(int a) {
        if (ObjectLayout.has(w[a], ObjectLayout.RC)) {
            counters.inc(weakIncrements);
            counts.addWeak(a, +1);
        }
    }

    // ---- drops ----

    /** {@code drop(x)}: drops an owned value now, releases an Rc or a Weak; dropping a borrow ends it. */
    @Override
    public void drop(int h) {
        int i = entry(h);
        int a = handles.addr(i);
        byte k = handles.kind(i);
        endOwnership(i);
        if (a == Heap.NULL) return;
        if (k == Handles.OWN || k == Handles.RC) dropGlue(a, false);
        else if (k == Handles.WEAK) dropGlue(a, true);
    }

    /** The C programmer's {@code free(x)}: under ownership nothing happens here; the scope's end drops. */
    @Override
    public void free(int h) { entry(h); }

    /**
     * The scope's end: its remaining owners are dropped, last declared first, each completely
     * before the next, in one drop-glue run. A frame without owners is not looked at; in one with
     * owners, the entries are looked at from the top down to the last owner.
     */
    @Override
    protected void scopeEnd(int base, int top) {
        int d = handles.depth();
        if (d >= frameOwners.length) return;
        int owners = frameOwners[d];
        if (owners == 0) return;
        frameOwners[d] = 0;
        int i = top - 1;
        for (; i >= base; i--) {                              // the first owner that holds something
            if (!holds(handles.kind(i))) continue;
            if (handles.addr(i) != Heap.NULL) break;
            if (--owners == 0) return;
        }
        boolean timed = beginExplicitPause(PauseKind.DROP_GLUE);
        for (; i >= base && owners > 0; i--) {
            byte k = handles.kind(i);
            if (!holds(k)) continue;
            owners--;
            int a = handles.addr(i);
            if (a == Heap.NULL) continue;
            if (k == Handles.WEAK) releaseWeakRun(a);
            else releaseRun(a);
        }
        if (timed) endExplicitPause();
    }

    /** True if entry {@code i} holds a reference its scope's end must release. */
    private boolean dropsAtEnd(int i) { return holds(handles.kind(i)) && handles.addr(i) != Heap.NULL; }

    /** True for the kinds a scope's end must release. */
    private static boolean holds(byte kind) {
        return kind == Handles.OWN || kind == Handles.RC || kind == Handles.WEAK;
    }

    /** One drop-glue run from one released reference (weak or strong), timed as one pause. */
    private void dropGlue(int a, boolean weak) {
        boolean timed = beginExplicitPause(PauseKind.DROP_GLUE);
        if (weak) releaseWeakRun(a);
        else releaseRun(a);
        if (timed) endExplicitPause();
    }

    /**
     * Drop glue from one released strong reference (a box's owner, or an Rc): a box's value is
     * dropped; an Rc's strong count falls, and at 0 its value is dropped. Dropping a value drops
     * its slots first to last, each completely, then deallocates its block (Rust's
     * {@code drop_in_place}, then {@code dealloc}): a direct loop over each value's slots, on an
     * explicit stack of the values being dropped. An {@code OWNED} or {@code SHARED} child is
     * released the same way; a {@code WEAK} child that is an Rc is weak-released.
     * {@code dropglue.steps} counts one step per reference released and one per value deallocated.
     */
    private void releaseRun(int root) {
        long steps = 1;
        int fp = 0;
        if (dropsValue(root)) fp = enterValue(0, root);
        while (fp > 0) {
            int f = fp - GLUE_FRAME;
            int cur = glue[f + 1], end = glue[f + 2];
            while (cur < end && (int) w[cur] == Heap.NULL) cur++;
            if (cur == end) {
                fp = f;
                steps++;
                deallocate(glue[f]);
                continue;
            }
            glue[f + 1] = cur + 1;
            int c = (int) w[cur];
            int weakShape = glue[f + 3];
            if (weakShape >= 0 && shapes.slotKind(weakShape, cur - glue[f] - ObjectLayout.HEADER_WORDS) == SlotKind.WEAK) {
                if (ObjectLayout.has(w[c], ObjectLayout.RC)) {
                    steps++;
                    releaseWeak(c);
                }
                continue;
            }
            steps++;
            if (dropsValue(c)) fp = enterValue(fp, c);
        }
        counters.add(glueSteps, steps);
    }

    /** Releases a strong reference to {@code a}: true if its value is to be dropped now (a box, or an Rc's last). */
    private boolean dropsValue(int a) {
        if (!ObjectLayout.has(w[a], ObjectLayout.RC)) return true;
        if (Counts.strong(w, a) == ObjectLayout.STRONG_MAX) return false;     // stuck: never dropped by counting
        counters.inc(strongDecrements);
        return counts.addStrong(a, -1) == 0;
    }

    /** Pushes the drop of the value at {@code a} on the glue stack at {@code fp}; returns the new top. */
    private int enterValue(int fp, int a) {
        counters.inc(objectsDropped);
        long header = w[a];
        int shape = ObjectLayout.shape(header);
        int n = shapes.slotsOf(shape, ObjectLayout.size(header));
        counters.add(slotsScanned, n);
        if (fp + GLUE_FRAME > glue.length) glue = Arrays.copyOf(glue, glue.length * 2);
        glue[fp] = a;
        glue[fp + 1] = a + ObjectLayout.HEADER_WORDS;
        glue[fp + 2] = a + ObjectLayout.HEADER_WORDS + n;
        glue[fp + 3] = shapes.hasWeakSlots(shape) ? shape : -1;
        return fp + GLUE_FRAME;
    }

    /** Drop glue from one released weak reference: one step. */
    private void releaseWeakRun(int a) {
        counters.inc(glueSteps);
        releaseWeak(a);
    }

    /** A {@code Weak} released: an Rc's weak count falls, and a dropped value's block is freed at 0. */
    private void releaseWeak(int a) {
        if (!ObjectLayout.has(w[a], ObjectLayout.RC) || Counts.weak(w, a) == ObjectLayout.WEAK_MAX) return;
        counters.inc(weakDecrements);
        if (counts.addWeak(a, -1) == 0 && ObjectLayout.has(w[a], ObjectLayout.DROPPED)) freeBlock(a);
    }

    /** After a value's drop: a box's block is freed; an Rc's waits for its last weak reference. */
    private void deallocate(int a) {
        if (ObjectLayout.has(w[a], ObjectLayout.RC) && ObjectLayout.weak(w, a) > 0) {
            w[a] = ObjectLayout.with(w[a], ObjectLayout.DROPPED);
            return;
        }
        freeBlock(a);
    }

    /**
     * Returns the block to the allocator. Its header keeps the shape and site, with
     * {@link ObjectLayout#FREE} set, so a use after move in trusted mode reads it as the old object.
     */
    private void freeBlock(int a) {
        countFreed(a);
        space.free(a);
    }

    // ---- reallocation ----

    /**
     * realloc: the contents have moved to the new block, the old one is freed without drop glue.
     * Every handle that referred to the old block (the owner, when the growth went through a
     * {@code &mut}) now refers to the new one.
     */
    @Override
    protected void releaseGrown(int oldAddr, int newAddr) {
        for (int i = 1, top = handles.top(); i < top; i++) if (handles.addr(i) == oldAddr) handles.setAddr(i, newAddr);
        freeBlock(oldAddr);
    }

    // ---- exit ----

    /** Every block still allocated: in a correct program none; an {@code Rc} cycle stays, as in Rust. */
    @Override
    public List<Leak> leaks() {
        List<Leak> leaks = new ArrayList<>();
        forEachObject(a -> leaks.add(leakAt(a)));
        return leaks;
    }
}
