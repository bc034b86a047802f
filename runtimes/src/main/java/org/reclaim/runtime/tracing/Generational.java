package org.reclaim.runtime.tracing;

import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import org.reclaim.runtime.alloc.BumpAllocator;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * A two-generation collector (Jones, Hosking &amp; Moss chapter 9; MMTk's {@code GenMS}): a
 * bump-allocated copying nursery at the top of the heap, promoting every survivor en masse into a
 * mark-sweep old space below it (the free-list allocator), and an object-remembering write
 * barrier: a {@code put} (or grow's copy) that stores a nursery address into an old object
 * remembers that object once (its {@code LOGGED} bit, an entry in the remembered set). Objects
 * larger than a quarter of the nursery are allocated in the old space directly.
 *
 * <ul>
 *   <li>A <b>minor</b> collection {@code forward}s the nursery objects referenced from the roots and
 *       from the remembered objects' slots, {@code promote}s each into the old space, and scans the
 *       promoted objects (the work list) until none is gray: only nursery survivors are copied.
 *       It runs only when the old space's free words cover the whole nursery (the promotion
 *       guarantee); otherwise the collection is a full one.</li>
 *   <li>A <b>full</b> collection marks both spaces from the roots, drops dead objects from the
 *       remembered set, sweeps the old space eagerly, then evacuates the nursery as a minor
 *       collection does.</li>
 * </ul>
 * Every pause is recorded as {@link PauseKind#MINOR} or {@link PauseKind#FULL}. A promotion that
 * finds no block during a minor collection (the old space too fragmented despite the guarantee) is
 * HotSpot's <em>promotion failure</em>: the object stays where it is, forwarded to itself, and a
 * full collection follows at once. A promotion that finds no block during a full collection ends
 * the run with out of memory: the nursery is a fixed part of the heap, so this collector needs a
 * larger heap than mark-sweep.
 * Nursery objects that are not promoted are counted as freed by arithmetic (objects and words
 * allocated in the nursery less those promoted); only when someone needs each freed object's
 * identity (the lifetime oracle, {@code lab explain}'s free listener) is the nursery parsed for
 * them, inside the pause ({@code words.parsed.for-accounting}); a run that measures pauses has
 * neither. Every {@code put} runs the barrier
 * ({@code barrier.executions}); those that remember an object are {@code barrier.hits}.
 *
 * @see SemiSpace
 * @see MarkSweep
 */
public final class Generational extends TracingCollector {
    /** The default nursery: this fraction of the heap (1/{@value}). */
    public static final int DEFAULT_NURSERY_DIVISOR = 4;

    private final MarkSweepSpace old;
    private final BumpAllocator nursery;
    private final int nurseryStart;
    private final int largeObjectWords;
    private final boolean barrier;
    private final WorkList remembered = new WorkList();

    private final int objectsPromoted = counters.define("objects.promoted");
    private final int bytesPromoted = counters.define("bytes.promoted");
    private final int rememberedScanned = counters.define("remembered.objects.scanned");
    private final int barrierHits = counters.define("barrier.hits");
    private final int barrierExecutions = counters.define("barrier.executions");
    private final int parsedForAccounting = counters.define("words.parsed.for-accounting");
    private final IntUnaryOperator forward = this::forward;
    private boolean full;
    private boolean promotionFailed;
    /** Objects and words of objects in the nursery (promoted copies left behind excluded). */
    private long nurseryObjects, nurseryObjectWords;


    /** A generational collector whose nursery is 1/{@value #DEFAULT_NURSERY_DIVISOR} of the heap. */
    public Generational(long heapBytes, Probe probe) {
        this(heapBytes, probe, heapBytes / DEFAULT_NURSERY_DIVISOR);
    }

    /**
     * A generational collector with a nursery of {@code nurseryBytes} (rounded down to words).
     *
     * @throws IllegalArgumentException if the nursery or the old space could not hold one smallest object
     */
    public Generational(long heapBytes, Probe probe, long nurseryBytes) { this(heapBytes, probe, nurseryBytes, true); }

    /** As above; {@code barrier == false} removes the write barrier (only to prove, in a test, that it is needed). */
    Generational(long heapBytes, Probe probe, long nurseryBytes, boolean barrier) {
        super(heapBytes, probe);
        long nurseryWords = nurseryBytes / Long.BYTES;
        if (nurseryWords < ObjectLayout.MIN_WORDS || heap.capacity() - 1 - nurseryWords < ObjectLayout.MIN_WORDS)
            throw new IllegalArgumentException("a nursery of " + nurseryBytes + " bytes leaves no room for a nursery or an old space in a heap of "
                    + heap.bytes() + " bytes");
        nurseryStart = heap.capacity() - (int) nurseryWords;
        old = new MarkSweepSpace(heap, 1, nurseryStart, counters, this::countFreed);
        nursery = new BumpAllocator(nurseryStart, heap.capacity());
        countWork(nursery);
        countWork(old.allocator());
        largeObjectWords = (int) nurseryWords / 4;
        this.barrier = barrier;
    }

    @Override public String name() { return "generational"; }

    // ---- allocation ----

    @Override
    protected int tryAllocate(int words) {
        if (words > largeObjectWords) return old.alloc(words);
        int a = nursery.alloc(words);
        if (a != Heap.NULL) {
            nurseryObjects++;
            nurseryObjectWords += words;
        }
        return a;
    }

    /**
     * A full nursery gets a minor collection (a full one without the promotion guarantee), after
     * which the nursery is empty and the object fits; a full old space gets a full collection.
     *
     * @throws org.reclaim.runtime.OutOfMemory when a large object finds no block after a full collection
     */
    @Override
    protected int allocateSlow(int words) {
        if (words <= largeObjectWords && promotionIsSafe()) collectMinor();
        else collectFull();
        int a = tryAllocate(words);
        if (a == Heap.NULL) throw outOfMemory(words);
        return a;
    }

    /** The promotion guarantee: the old space has free words for every word of the nursery. */
    private boolean promotionIsSafe() {
        return (nurseryStart - old.start()) - old.usedWords() >= nursery.usedWords();
    }

    // ---- the write barrier ----

    /**
     * {@code x.f = y}'s barrier (and grow's copy into a fresh object, which may be old: a large
     * object): remembers {@code x} if it is old and {@code y} is young.
     */
    @Override
    protected void slotStored(int object, int value) {
        if (barrier) writeBarrier(object, value);
    }

    private void writeBarrier(int src, int target) {
        counters.inc(barrierExecutions);
        if (src < nurseryStart && target >= nurseryStart && !ObjectLayout.has(w[src], ObjectLayout.LOGGED)) {
            remember(src);
            counters.inc(barrierHits);
        }
    }

    /** Adds the old object at {@code src} to the remembered set (once: its logged bit says so). */
    private void remember(int src) {
        w[src] = ObjectLayout.with(w[src], ObjectLayout.LOGGED);
        remembered.push(src);
    }

    // ---- collection ----

    /** A full collection (what {@link #collectFull} does). */
    @Override public void collect() { collectFull(); }

    /**
     * A minor collection: the nursery's survivors promoted, the nursery emptied. When the old space
     * cannot guarantee room for every nursery word, a full collection runs instead (and is recorded
     * as one).
     */
    public void collectMinor() {
        if (!promotionIsSafe()) {
            collectFull();
            return;
        }
        beginPause(PauseKind.MINOR);
        long promoted = count(objectsPromoted), copied = count(bytesPromoted) / Long.BYTES, scanned = count(wordsScanned);
        full = false;
        promotionFailed = false;
        evacuateNursery();
        endPause(count(objectsPromoted) - promoted,
                count(bytesPromoted) / Long.BYTES - copied + count(wordsScanned) - scanned);
        if (promotionFailed) collectFull();
    }

    /** A full collection: mark both spaces, forget dead remembered objects, sweep the old space, evacuate the nursery. */
    public void collectFull() {
        beginPause(PauseKind.FULL);
        long marked = count(objectsMarked), scanned = count(wordsScanned), swept = old.blocksSwept();
        full = true;
        mark();
        forgetDeadRemembered();
        old.sweep();
        evacuateNursery();
        endPause(count(objectsMarked) - marked,
                count(wordsScanned) - scanned + old.blocksSwept() - swept);
    }

    /**
     * The nursery's evacuation: {@code forward} the roots and the remembered objects' slots, then
     * scan promoted objects until none is left gray; count the unpromoted as freed; reset the
     * nursery. After a promotion failure the nursery is kept instead, its survivors in place and
     * the old objects that refer to them remembered again, for the full collection that follows.
     */
    private void evacuateNursery() {
        long promoted = count(objectsPromoted), promotedWords = count(bytesPromoted) / Long.BYTES;
        scanRoots(forward);
        int n = remembered.size();
        for (int i = 0; i < n; i++) {
            int o = remembered.get(i);
            w[o] = ObjectLayout.without(w[o], ObjectLayout.LOGGED);
            counters.inc(rememberedScanned);
            scanSlots(o);
        }
        while (!work.isEmpty()) scanSlots(work.pop());
        int again = remembered.size() - n;
        for (int i = 0; i < again; i++) remembered.set(i, remembered.get(n + i));
        remembered.truncate(again);
        promoted = count(objectsPromoted) - promoted;
        promotedWords = count(bytesPromoted) / Long.BYTES - promotedWords;
        if (promotionFailed) {
            keepFailedNursery();
            nurseryObjects -= promoted;
            nurseryObjectWords -= promotedWords;
            return;
        }
        if (needsEachFreedObject()) countDead(nurseryStart, nursery.cursor());
        else countFreedInBulk(nurseryObjects - promoted, nurseryObjectWords - promotedWords);
        nurseryObjects = nurseryObjectWords = 0;
        nursery.reset(nurseryStart, heap.capacity());
    }

    /** Forwards every nursery slot of the object at {@code a}; an old object left pointing into the nursery is remembered again. */
    private void scanSlots(int a) {
        int n = slotsAt(a);
        counters.add(wordsScanned, n);
        boolean young = false;
        for (int s = a + ObjectLayout.HEADER_WORDS, end = s + n; s < end; s++) {
            int child = (int) w[s];
            if (child < nurseryStart) continue;
            int to = forward(child);
            w[s] = to;
            young |= to >= nurseryStart;
        }
        if (young && a < nurseryStart && !ObjectLayout.has(w[a], ObjectLayout.LOGGED)) remember(a);
    }

    /**
     * After a promotion failure: the survivors left in place lose their self-forwarding, and the
     * nursery copies of promoted objects become free filler blocks, so that the nursery parses
     * as its remaining objects (live or dead) until the full collection evacuates it.
     */
    private void keepFailedNursery() {
        for (int a = nurseryStart, end = nursery.cursor(); a < end; a += ObjectLayout.size(w[a])) {
            long h = w[a];
            if (!ObjectLayout.has(h, ObjectLayout.FORWARDED)) continue;
            if (ObjectLayout.forwardingAddress(w, a) == a) {
                w[a] = ObjectLayout.without(h, ObjectLayout.FORWARDED);
                ObjectLayout.clearForwardingAddress(w, a);
            } else {
                w[a] = ObjectLayout.freeHeader(ObjectLayout.size(h));
            }
        }
    }

    /** The old-space address of the object at {@code a}: itself if old, else its promoted copy. */
    private int forward(int a) {
        if (a < nurseryStart) return a;
        if (ObjectLayout.isForwarded(w, a)) return ObjectLayout.forwardingAddress(w, a);
        return promote(a);
    }

    /**
     * Copies the nursery object at {@code a} into the old space, leaves its forwarding address, and
     * makes the copy gray. With no block for it: out of memory in a full collection; in a minor
     * one, a promotion failure (the object is forwarded to itself and scanned where it is).
     */
    private int promote(int a) {
        long h = w[a];
        int size = ObjectLayout.size(h);
        int to = old.alloc(size);
        if (to == Heap.NULL) {
            if (full) throw outOfMemory(size);
            promotionFailed = true;
            ObjectLayout.forward(w, a, a);
            work.push(a);
            return a;
        }
        System.arraycopy(w, a, w, to, size);
        w[to] = ObjectLayout.without(h, ObjectLayout.MARK);
        ObjectLayout.forward(w, a, to);
        counters.inc(objectsPromoted);
        counters.add(bytesPromoted, (long) size * Long.BYTES);
        work.push(to);
        return to;
    }

    /** After marking: keeps only the remembered objects that survive, before the sweep frees the rest. */
    private void forgetDeadRemembered() {
        int kept = 0;
        for (int i = 0, n = remembered.size(); i < n; i++) {
            int o = remembered.get(i);
            if (isMarked(o)) remembered.set(kept++, o);
        }
        remembered.truncate(kept);
    }

    /** Counts every nursery object neither forwarded nor a filler as freed. */
    private void countDead(int start, int end) {
        for (int a = start; a < end; a += ObjectLayout.size(w[a])) {
            counters.inc(parsedForAccounting);
            if (!ObjectLayout.has(w[a], ObjectLayout.FORWARDED | ObjectLayout.FREE)) countFreed(a);
        }
    }

    // ---- accounting ----

    @Override public long inUseBytes() { return (old.usedWords() + nursery.usedWords()) * Long.BYTES; }

    @Override
    public void forEachObject(IntConsumer visitor) {
        parse(old.start(), old.limit(), visitor);
        parse(nurseryStart, nursery.cursor(), visitor);
    }

    /** True if {@code addr} lies in the nursery. */
    public boolean inNursery(int addr) { return addr >= nurseryStart; }

    /** Words of the nursery. */
    public int nurseryWords() { return heap.capacity() - nurseryStart; }
}
