package org.reclaim.runtime.tracing;

import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import org.reclaim.runtime.alloc.BumpAllocator;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * A two-generation collector with an Appel-style variable nursery (Appel 1989, "Simple
 * generational garbage collection and fast allocation"; Jones, Hosking &amp; Moss chapter 9; MMTk's
 * {@code GenCopy} and {@code GenImmix} plans): a bump-allocated copying nursery at the top of the
 * heap, a mature space that grows from the bottom, and an object-remembering write barrier.
 *
 * <p><b>The heap's layout.</b> The mature space {@code [1, matureEnd)} holds promoted objects back
 * to back; above it the free words, the nursery's copy reserve; the nursery at the top. After every
 * collection (the nursery is then empty) the nursery is sized again, as Appel's: it takes half of
 * the words the mature space leaves free, the other half being the reserve its survivors are
 * copied into, within {@code [minNurseryWords, maxNurseryWords]}. The default bounds are MMTk's
 * ({@code NurserySize::ProportionalBounded}, {@code DEFAULT_PROPORTIONAL_MIN_NURSERY = 0.25},
 * {@code DEFAULT_PROPORTIONAL_MAX_NURSERY = 1.0} in mmtk-core's {@code util/options.rs}): at least
 * a quarter of the heap, at most all of it, so that the upper bound never binds and the nursery is
 * at most half the free words. Objects larger than a quarter of the lower bound are allocated in
 * the mature space directly ({@code pretenured.allocations}).
 *
 * <ul>
 *   <li>A <b>minor</b> collection {@code promote}s the nursery objects referenced from the roots
 *       and from the remembered objects' slots into the mature space, and scans the promoted
 *       objects Cheney-style (they are contiguous) until none refers into the nursery. It runs
 *       only when the reserve holds every word of the nursery (the promotion guarantee; the mature
 *       space is bump-allocated, so the guarantee is exact).</li>
 *   <li>A <b>full</b> collection marks both spaces from the roots and compacts them together by
 *       LISP2 ({@link SlidingCompactor}, mark-compact's passes): the survivors of both spaces end
 *       contiguous from the heap's start, the nursery's among them, and the nursery is empty.
 *       Compaction needs no reserve, so a full collection leaves as much free as mark-compact's
 *       does and the collector runs out of memory only where mark-compact would.</li>
 * </ul>
 * The next collection is full when the mature space is full, as MMTk decides it
 * ({@code should_next_gc_be_full_heap} in {@code plan/generational/global.rs}: the words available
 * to a nursery, half the free, are fewer than its lower bound); the nursery then takes every free
 * word, since the compaction needs no reserve. It is full also when the promotion guarantee does
 * not hold (a large object took part of the reserve), or when the collection that a request
 * triggered left the request no room. Every pause is recorded as {@link PauseKind#MINOR} or
 * {@link PauseKind#FULL}.
 *
 * <p>Nursery objects that are not promoted are counted as freed by arithmetic (objects and words
 * allocated in the nursery less those promoted); only when someone needs each freed object's
 * identity (the lifetime oracle, {@code lab explain}'s free listener) is the nursery parsed for
 * them, inside the pause ({@code words.parsed.for-accounting}); a run that measures pauses has
 * neither. The barrier runs on every reference store the program makes ({@code put}, and grow's
 * copy of each slot), whatever it stores, null included ({@code barrier.executions}); those that
 * remember an old object are {@code barrier.hits}. A {@code take}, which empties a slot, stores a
 * null it knows to be null and runs no barrier; data {@code write}s are not reference stores.
 *
 * @see SemiSpace
 * @see MarkCompact
 */
public final class Generational extends TracingCollector {
    /** The default lower bound of the nursery: this fraction of the heap (1/{@value}; MMTk's 0.25). */
    public static final int DEFAULT_MIN_NURSERY_DIVISOR = 4;

    private final int minNurseryWords;
    private final int maxNurseryWords;
    private final int largeObjectWords;
    private final BumpAllocator nursery;
    private final boolean barrier;
    private final WorkList remembered = new WorkList();
    private final SlidingCompactor compactor = new SlidingCompactor(this, counters, this::countFreed);
    /** The mature space is {@code [1, matureEnd)}; promotion and pretenuring bump {@code matureEnd}. */
    private int matureEnd = 1;
    /** The nursery is {@code [nurseryStart, heap capacity)}. */
    private int nurseryStart;
    /** MMTk's {@code next_gc_full_heap}: the last collection left a nursery smaller than its lower bound. */
    private boolean nextFull;

    private final int objectsPromoted = counters.define("objects.promoted");
    private final int bytesPromoted = counters.define("bytes.promoted");
    private final int pretenured = counters.define("pretenured.allocations");
    private final int rememberedScanned = counters.define("remembered.objects.scanned");
    private final int barrierHits = counters.define("barrier.hits");
    private final int barrierExecutions = counters.define("barrier.executions");
    private final int parsedForAccounting = counters.define("words.parsed.for-accounting");
    private final IntUnaryOperator forward = this::forward;
    /** Objects and words of objects in the nursery. */
    private long nurseryObjects, nurseryObjectWords;

    /** A generational collector with the default nursery bounds: from a quarter of the heap to all of it. */
    public Generational(long heapBytes, Probe probe) {
        this(heapBytes, probe, heapBytes / DEFAULT_MIN_NURSERY_DIVISOR, heapBytes);
    }

    /**
     * A generational collector whose nursery takes half the free words within
     * {@code [minNurseryBytes, maxNurseryBytes]} (rounded down to words); equal bounds make a fixed
     * nursery (MMTk's {@code NurserySize::Fixed}) for as long as the mature space leaves room for it.
     *
     * @throws IllegalArgumentException if the lower bound cannot hold one smallest object or exceeds the upper bound
     */
    public Generational(long heapBytes, Probe probe, long minNurseryBytes, long maxNurseryBytes) {
        this(heapBytes, probe, minNurseryBytes, maxNurseryBytes, true);
    }

    /** As above; {@code barrier == false} removes the write barrier (only to prove, in a test, that it is needed). */
    Generational(long heapBytes, Probe probe, long minNurseryBytes, long maxNurseryBytes, boolean barrier) {
        super(heapBytes, probe);
        long min = minNurseryBytes / Long.BYTES, max = Math.min(maxNurseryBytes / Long.BYTES, heap.capacity() - 1);
        if (min < ObjectLayout.MIN_WORDS || min > max)
            throw new IllegalArgumentException("nursery bounds of " + minNurseryBytes + " to " + maxNurseryBytes
                    + " bytes in a heap of " + heap.bytes() + " bytes: the lower must hold an object and not exceed the upper");
        minNurseryWords = (int) min;
        maxNurseryWords = (int) max;
        largeObjectWords = minNurseryWords / 4;
        nursery = new BumpAllocator(heap.capacity(), heap.capacity());
        countWork(nursery);
        this.barrier = barrier;
        resizeNursery(0);
    }

    @Override public String name() { return "generational"; }

    // ---- allocation ----

    @Override
    protected int tryAllocate(int words) {
        if (words > largeObjectWords) {
            if (nurseryStart - matureEnd < words) return Heap.NULL;
            int a = matureEnd;
            matureEnd += words;
            counters.inc(pretenured);
            return a;
        }
        int a = nursery.alloc(words);
        if (a != Heap.NULL) {
            nurseryObjects++;
            nurseryObjectWords += words;
        }
        return a;
    }

    /**
     * The collection the request calls for (minor unless the mature space is full or the promotion
     * guarantee fails), with room kept for the request if it goes to the mature space; if a minor
     * one still leaves it no room, a full one.
     *
     * @throws org.reclaim.runtime.OutOfMemory when even a full collection leaves no room
     */
    @Override
    protected int allocateSlow(int words) {
        int pending = words > largeObjectWords ? words : 0;
        boolean minor = minorIsPossible();
        if (minor) minor(pending); else full(pending);
        int a = tryAllocate(words);
        if (a == Heap.NULL && minor) {
            full(pending);
            a = tryAllocate(words);
        }
        if (a == Heap.NULL) throw outOfMemory(words);
        return a;
    }

    /** Not known full, and the promotion guarantee: the reserve holds every word of the nursery. */
    private boolean minorIsPossible() {
        return !nextFull && nurseryStart - matureEnd >= nursery.usedWords();
    }

    /**
     * Appel's sizing, after a collection (the nursery is empty): half of the free words, less
     * {@code pendingMature} kept for a request bound for the mature space, within the bounds; when
     * that half is below the lower bound, the mature space is full: the next collection is full and
     * the nursery takes every free word.
     */
    private void resizeNursery(int pendingMature) {
        long free = Math.max(0, (long) heap.capacity() - matureEnd - pendingMature);
        long half = free / 2;
        nextFull = half < minNurseryWords;
        long words = nextFull ? free : Math.min(half, maxNurseryWords);
        nurseryStart = heap.capacity() - (int) words;
        nursery.reset(nurseryStart, heap.capacity());
    }

    // ---- the write barrier ----

    /**
     * {@code x.f = y}'s barrier (and grow's copy into a fresh object, which may be old: a large
     * object): remembers {@code x} if it is old, {@code y} is young, and {@code x} is not yet
     * remembered (its {@code LOGGED} bit).
     */
    @Override
    protected void slotStored(int object, int value) {
        if (barrier) writeBarrier(object, value);
    }

    private void writeBarrier(int src, int target) {
        counters.inc(barrierExecutions);
        if (src < nurseryStart && target >= nurseryStart && !ObjectLayout.has(w[src], ObjectLayout.LOGGED)) {
            w[src] = ObjectLayout.with(w[src], ObjectLayout.LOGGED);
            remembered.push(src);
            counters.inc(barrierHits);
        }
    }

    /** Empties the remembered set, clearing each object's logged bit: after a collection no old object refers into the nursery. */
    private void forgetRemembered() {
        for (int i = 0, n = remembered.size(); i < n; i++) {
            int o = remembered.get(i);
            w[o] = ObjectLayout.without(w[o], ObjectLayout.LOGGED);
        }
        remembered.truncate(0);
    }

    // ---- collection ----

    /** A full collection (what {@link #collectFull} does). */
    @Override public void collect() { collectFull(); }

    /** A minor collection, or a full one when a minor one is not possible (recorded as full). */
    public void collectMinor() {
        if (minorIsPossible()) minor(0); else full(0);
    }

    /** A full collection: both spaces marked and compacted together into the mature space. */
    public void collectFull() { full(0); }

    /**
     * The minor collection: {@code promote} what the roots and the remembered objects refer to in
     * the nursery, then Cheney's scan of the promoted objects; the unpromoted are counted freed,
     * the nursery sized again.
     */
    private void minor(int pendingMature) {
        beginPause(PauseKind.MINOR);
        long promoted = count(objectsPromoted), copied = count(bytesPromoted) / Long.BYTES, scanned = count(wordsScanned);
        int scan = matureEnd;
        scanRoots(forward);
        for (int i = 0, n = remembered.size(); i < n; i++) {
            counters.inc(rememberedScanned);
            scanSlots(remembered.get(i));
        }
        forgetRemembered();
        while (scan < matureEnd) {
            scanSlots(scan);
            scan += ObjectLayout.size(w[scan]);
        }
        promoted = count(objectsPromoted) - promoted;
        copied = count(bytesPromoted) / Long.BYTES - copied;
        if (needsEachFreedObject()) countDead(nurseryStart, nursery.cursor());
        else countFreedInBulk(nurseryObjects - promoted, nurseryObjectWords - copied);
        nurseryObjects = nurseryObjectWords = 0;
        resizeNursery(pendingMature);
        endPause(promoted, copied + count(wordsScanned) - scanned);
    }

    /**
     * The full collection: {@code markFromRoots} over both spaces, then LISP2's passes over the
     * mature space and the nursery together, sliding every survivor down from the heap's start.
     */
    private void full(int pendingMature) {
        beginPause(PauseKind.FULL);
        long marked = count(objectsMarked), scanned = count(wordsScanned), moved = compactor.wordsMoved();
        forgetRemembered();
        mark();
        matureEnd = compactor.compact(1, 1, matureEnd, nurseryStart, nursery.cursor());
        nurseryObjects = nurseryObjectWords = 0;
        resizeNursery(pendingMature);
        endPause(count(objectsMarked) - marked,
                count(wordsScanned) - scanned + compactor.wordsMoved() - moved);
    }

    /** Forwards every nursery slot of the object at {@code a}. */
    private void scanSlots(int a) {
        int n = slotsAt(a);
        counters.add(wordsScanned, n);
        for (int s = a + ObjectLayout.HEADER_WORDS, end = s + n; s < end; s++) {
            int child = (int) w[s];
            if (child >= nurseryStart) w[s] = forward(child);
        }
    }

    /** The mature address of the object at {@code a}: itself if mature, else its promoted copy. */
    private int forward(int a) {
        if (a < nurseryStart) return a;
        if (ObjectLayout.isForwarded(w, a)) return ObjectLayout.forwardingAddress(w, a);
        return promote(a);
    }

    /**
     * Copies the nursery object at {@code a} to the end of the mature space (the promotion
     * guarantee says it fits) and leaves its forwarding address behind.
     */
    private int promote(int a) {
        int size = ObjectLayout.size(w[a]);
        int to = matureEnd;
        matureEnd += size;
        System.arraycopy(w, a, w, to, size);
        ObjectLayout.forward(w, a, to);
        counters.inc(objectsPromoted);
        counters.add(bytesPromoted, (long) size * Long.BYTES);
        return to;
    }

    /** Counts every nursery object not forwarded as freed. */
    private void countDead(int start, int end) {
        for (int a = start; a < end; a += ObjectLayout.size(w[a])) {
            counters.inc(parsedForAccounting);
            if (!ObjectLayout.has(w[a], ObjectLayout.FORWARDED)) countFreed(a);
        }
    }

    // ---- accounting ----

    @Override public long inUseBytes() { return (matureEnd - 1 + nursery.usedWords()) * Long.BYTES; }

    /**
     * In use, and the copy reserve the next minor collection holds back: a word for every word in
     * the nursery (MMTk's collection reserve). When the next collection is full there is none: the
     * compaction needs no reserve, and the nursery has taken its words.
     */
    @Override
    public long footprintBytes() {
        return inUseBytes() + (minorIsPossible() ? nursery.usedWords() * Long.BYTES : 0);
    }

    @Override
    public void forEachObject(IntConsumer visitor) {
        parse(1, matureEnd, visitor);
        parse(nurseryStart, nursery.cursor(), visitor);
    }

    /** True if {@code addr} lies in the nursery. */
    public boolean inNursery(int addr) { return addr >= nurseryStart; }

    /** Words of the nursery now (it is sized again after every collection). */
    public int nurseryWords() { return heap.capacity() - nurseryStart; }

    /** Words of the mature space now. */
    public int matureWords() { return matureEnd - 1; }
}
