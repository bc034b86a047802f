package org.reclaim.runtime.manual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.ManagedReferences;
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
 * Manual memory management, as C gives it: {@code malloc} and {@code free} on the free-list
 * allocator. {@code drop}/{@code free} frees the object and, like a hand-written destructor, what
 * it owns; {@code Rc} objects carry a hand-maintained count. Pointers are plain copies: a handle
 * keeps its address after the object is freed, so a later read sees whatever lives there now (the
 * seeds' "random non-relevant numbers"), and a second free is caught as the allocator catches it.
 * Objects still allocated at exit are leaks, listed with their allocation sites.
 *
 * <p>In {@code sanitize} mode freed blocks wait in a quarantine before reuse, as AddressSanitizer's
 * do, and every access checks the block first: a use after free is reported before any data is
 * touched.
 */
public final class Manual extends ManagedReferences {
    private final ExplicitFreeListSpace space;
    private final boolean sanitize;

    private final int freeCalls = counters.define("free.calls");
    private final int handCountChanges = counters.define("counts.changed");
    private final int slotsScanned = counters.define("free.slots.scanned");
    private final Counts counts = new Counts(w, false);

    // recursive free's explicit work list
    private int[] work = new int[256];

    // sanitize: freed blocks waiting before reuse, oldest first (a ring)
    private int[] quarantine = new int[1024];
    private int qHead, qSize;
    private long quarantinedWords;
    private final long quarantineLimitWords;

    public Manual(long heapBytes, Probe probe, boolean sanitize) {
        super(heapBytes, probe);
        this.space = new ExplicitFreeListSpace(heap);
        countWork(space.allocator());
        counters.defineDerived("counts.stuck", counts::stuck);
        this.sanitize = sanitize;
        this.quarantineLimitWords = heap.capacity() / 4;
    }

    @Override public String name() { return sanitize ? "manual+sanitize" : "manual"; }

    // ---- allocation ----

    @Override
    protected int allocate(int words) {
        int a = space.tryAlloc(words);
        if (a == Heap.NULL && sanitize && qSize > 0) {
            while (qSize > 0) releaseOldestQuarantined();
            a = space.tryAlloc(words);
        }
        if (a == Heap.NULL) throw new OutOfMemory((long) words * Long.BYTES, heap.bytes());
        return a;
    }

    @Override protected void initObject(int addr, byte handleKind) {
        if (handleKind == Handles.RC) counts.initStrong(addr, 1);
    }

    @Override public long inUseBytes() { return (space.usedWords() - quarantinedWords) * Long.BYTES; }

    @Override public void forEachObject(IntConsumer visitor) { space.forEachObject(visitor); }

    /** The allocator, for invariant checks. */
    public FreeListAllocator allocator() { return space.allocator(); }

    // ---- access ----

    /**
     * {@link #deref} plus C's two outcomes of a dangling pointer: with {@code sanitize}, a freed
     * block is reported before any data is touched; without, the access goes ahead on whatever lives
     * there now, unless the address or the header found there leads outside the heap, which is the
     * segmentation fault C would give (a pointer read out of a reused block can hold any number).
     */
    @Override
    protected int access(int h) {
        int a = deref(h);
        if (sanitize) {
            if (ObjectLayout.has(w[a], ObjectLayout.FREE)) throw useAfterFree(entry(h), a, "READ or WRITE");
        } else if (!mapped(a)) {
            throw segmentationFault(a);
        }
        return a;
    }

    /**
     * True if {@code a} is inside the heap and the header found there names a shape of this run
     * and a block that ends inside the heap: what every later index computed from it needs to stay
     * in the heap (a slot or data index out of the object is the contract's own check). A few
     * compares, on every access of a C program.
     */
    private boolean mapped(int a) {
        int capacity = heap.capacity();
        if (a <= Heap.NULL || a > capacity - ObjectLayout.MIN_WORDS) return false;
        long header = w[a];
        int size = ObjectLayout.size(header);
        return ObjectLayout.shape(header) < shapes.size() && size >= ObjectLayout.MIN_WORDS && size <= capacity - a;
    }

    // ---- pointers are copies ----

    @Override
    public void put(int h, int slot, int value) {
        int sa = slotAddr(access(h), slot);
        w[sa] = value == Handles.NONE ? Heap.NULL : addressOf(value);
    }

    @Override
    public int share(int h) {
        int a = access(h);
        if (ObjectLayout.has(w[a], ObjectLayout.RC)) bumpCount(a, +1);
        return handles.push(a, Handles.RC);
    }

    @Override public int upgrade(int weak) {
        int a = addressOf(weak);
        if (a != Heap.NULL && ObjectLayout.has(w[a], ObjectLayout.RC)) bumpCount(a, +1);
        return handles.push(a, Handles.RC);
    }

    private void bumpCount(int a, int delta) {
        if (Counts.strong(w, a) == ObjectLayout.STRONG_MAX) return;
        counts.addStrong(a, delta);
        counters.inc(handCountChanges);
    }

    // ---- freeing ----

    @Override public void drop(int h) { release(h); }

    @Override public void free(int h) { release(h); }

    /**
     * {@code free(x)} with its destructor: frees the object unless it is a shared object whose
     * hand count stays above zero, then what it owns, on an explicit work list.
     */
    private void release(int h) {
        int i = entry(h);
        int a = handles.addr(i);
        counters.inc(freeCalls);
        if (a == Heap.NULL) return;
        if (!sanitize && !mapped(a)) throw segmentationFault(a);
        if (ObjectLayout.has(w[a], ObjectLayout.FREE)) throw doubleFree(i, a);
        if (handles.kind(i) == Handles.WEAK) return;
        boolean timed = beginExplicitPause(PauseKind.FREE);
        int sp = 0;
        work[sp++] = a;
        while (sp > 0) {
            int o = work[--sp];
            if (ObjectLayout.has(w[o], ObjectLayout.RC)) {
                if (Counts.strong(w, o) == ObjectLayout.STRONG_MAX) continue;     // stuck: never freed by counting
                counters.inc(handCountChanges);
                if (counts.addStrong(o, -1) > 0) continue;
            }
            long header = w[o];
            int shape = ObjectLayout.shape(header);
            int n = shapes.slotsOf(shape, ObjectLayout.size(header));
            boolean weakSlots = shapes.hasWeakSlots(shape);
            counters.add(slotsScanned, n);
            for (int s = 0; s < n; s++) {
                int c = (int) w[o + ObjectLayout.HEADER_WORDS + s];
                if (c == Heap.NULL || weakSlots && shapes.slotKind(shape, s) == SlotKind.WEAK) continue;
                if (!mapped(c)) throw segmentationFault(c);
                if (ObjectLayout.has(w[c], ObjectLayout.FREE)) continue;
                if (sp == work.length) work = Arrays.copyOf(work, sp * 2);
                work[sp++] = c;
            }
            freeBlock(o);
        }
        if (timed) endExplicitPause();
    }

    private void freeBlock(int o) {
        long header = w[o];
        int size = ObjectLayout.size(header);
        countFreed(o);
        if (sanitize) {
            w[o] = ObjectLayout.with(ObjectLayout.freedHeader(header), ObjectLayout.QUARANTINED);
            quarantinedWords += size;
            if (qSize == quarantine.length) {
                int[] bigger = new int[qSize * 2];
                for (int k = 0; k < qSize; k++) bigger[k] = quarantine[(qHead + k) % qSize];
                quarantine = bigger;
                qHead = 0;
            }
            quarantine[(qHead + qSize++) % quarantine.length] = o;
            while (quarantinedWords > quarantineLimitWords && qSize > 1) releaseOldestQuarantined();
        } else {
            space.free(o);
        }
    }

    private void releaseOldestQuarantined() {
        int o = quarantine[qHead];
        qHead = (qHead + 1) % quarantine.length;
        qSize--;
        quarantinedWords -= ObjectLayout.size(w[o]);
        w[o] = ObjectLayout.without(w[o], ObjectLayout.QUARANTINED);
        space.allocator().free(o);
    }

    /** realloc: a new block, the contents copied, the old block freed (its children now belong to the new one). */
    @Override
    protected void releaseGrown(int oldAddr, int newAddr) { freeBlock(oldAddr); }

    // ---- errors ----

    private MemoryFault doubleFree(int entry, int a) {
        String what = describe(entry, a);
        if (sanitize)
            return new MemoryFault(MemoryFault.Kind.DOUBLE_FREE, null,
                    "AddressSanitizer: attempting double-free on " + what);
        return new MemoryFault(MemoryFault.Kind.DOUBLE_FREE, null, "free(): double free detected: " + what);
    }

    /**
     * What C gives when a dangling pointer leads outside the heap. Reported as a use after free
     * (its cause) with the code {@code segfault}: the simulated heap's own check, never a Java
     * exception of the lab.
     */
    private MemoryFault segmentationFault(int a) {
        return new MemoryFault(MemoryFault.Kind.USE_AFTER_FREE, "segfault",
                "segmentation fault: an access through a dangling pointer left the heap (address " + a + ")");
    }

    private MemoryFault useAfterFree(int entry, int a, String access) {
        return new MemoryFault(MemoryFault.Kind.USE_AFTER_FREE, null,
                "AddressSanitizer: heap-use-after-free " + access + " of " + describe(entry, a)
                        + " (object #" + ObjectLayout.id(w, a) + ", already freed)");
    }

    private String describe(int entry, int a) {
        String var = handles.name(entry);
        int site = ObjectLayout.site(w[a]);
        return (var == null ? "" : "`" + var + "`, ") + "a " + shapes.get(ObjectLayout.shape(w[a])).name()
                + " at word " + a + (site == 0 ? "" : ", allocated at " + siteName(site));
    }

    // ---- exit ----

    @Override
    public List<Leak> leaks() {
        List<Leak> leaks = new ArrayList<>();
        forEachObject(a -> leaks.add(leakAt(a)));
        return leaks;
    }
}
