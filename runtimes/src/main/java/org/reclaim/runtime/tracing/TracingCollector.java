package org.reclaim.runtime.tracing;

import java.util.function.IntUnaryOperator;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.ManagedReferences;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * What the tracing collectors share (Jones, Hosking &amp; Moss, chapters 2–4 and 9): the
 * allocation slow path (allocation failure triggers a collection; still no room afterwards is
 * {@link OutOfMemory}), the one root scan over the handles, the marking tracer over an explicit
 * {@link WorkList}, and the pause record. Spaces and allocators are composed by each collector
 * ({@link MarkSweepSpace}, {@code alloc.BumpAllocator}).
 *
 * <p>Tracing follows every reference: {@code WEAK} slots and weak handles are traced as strong
 * ones, the way a Java program holds a plain back pointer. The reference-counting flags
 * ({@code RC}, {@code DROPPED}) and counts are not used; during a collection an object's
 * forwarding address overlays them ({@link ObjectLayout#forward}), and is cleared again
 * afterwards. The object's identity survives every move.
 *
 * @see MarkSweep
 * @see MarkCompact
 * @see SemiSpace
 * @see Generational
 */
public abstract class TracingCollector extends ManagedReferences implements org.reclaim.runtime.ForcedCollection {

    // ---- instance fields ----

    /** The gray objects of the current trace. */
    final WorkList work = new WorkList();

    /** Objects the marking tracer marked. */
    final int objectsMarked = counters.define("objects.marked");
    /** Reference slots read by a trace (marking or copying). */
    final int wordsScanned = counters.define("words.scanned");

    private final IntUnaryOperator markRoot = this::markRoot;

    protected TracingCollector(long heapBytes, Probe probe) { super(heapBytes, probe); }

    // ---- collection ----

    /**
     * Collects the whole heap now: what an allocation failure does, public so that tests and
     * {@code lab explain --collect-every-line} can collect at a chosen point. Records one pause.
     */
    public abstract void collect();

    // ---- allocation ----

    @Override
    protected final int allocate(int words) {
        int a = tryAllocate(words);
        return a != Heap.NULL ? a : allocateSlow(words);
    }

    /** The fast path: {@code words} from this collector's allocator, or {@link Heap#NULL} when it has no room. */
    protected abstract int tryAllocate(int words);

    /**
     * The slow path: collect, then try again.
     *
     * @throws OutOfMemory when there is still no room after a whole-heap collection
     */
    protected int allocateSlow(int words) {
        collect();
        int a = tryAllocate(words);
        if (a == Heap.NULL) throw outOfMemory(words);
        return a;
    }

    /** The result of a request for {@code words} that no collection could satisfy. */
    protected final OutOfMemory outOfMemory(int words) {
        return new OutOfMemory((long) words * Long.BYTES, heap.bytes());
    }

    // ---- the root scan ----

    /**
     * The one root scan: calls {@code trace} with the address of every non-null handle and stores
     * back what it returns (a copying collector returns the new address; marking returns the same).
     * Weak handles are roots too.
     */
    protected final void scanRoots(IntUnaryOperator trace) {
        Handles roots = handles();
        for (int i = 1, top = roots.top(); i < top; i++) {
            int a = roots.addr(i);
            if (a != Heap.NULL) roots.setAddr(i, trace.applyAsInt(a));
        }
    }

    // ---- marking ----

    /**
     * {@code markFromRoots}: sets the mark bit of every object reachable from the roots, gray
     * objects held on the explicit work list (an object is marked when pushed, so it is pushed
     * once). Counts objects marked and slots scanned.
     */
    protected final void mark() {
        scanRoots(markRoot);
        while (!work.isEmpty()) {
            int a = work.pop();
            int n = slotsAt(a);
            counters.add(wordsScanned, n);
            for (int s = a + ObjectLayout.HEADER_WORDS, end = s + n; s < end; s++) {
                int child = (int) w[s];
                if (child != Heap.NULL) markObject(child);
            }
        }
    }

    private int markRoot(int a) {
        markObject(a);
        return a;
    }

    private void markObject(int a) {
        long h = w[a];
        if (ObjectLayout.has(h, ObjectLayout.MARK)) return;
        w[a] = ObjectLayout.with(h, ObjectLayout.MARK);
        counters.inc(objectsMarked);
        work.push(a);
    }

    /** True if the object at {@code addr} is marked. */
    protected final boolean isMarked(int addr) { return ObjectLayout.has(w[addr], ObjectLayout.MARK); }

    // ---- the pause record ----

    /** Starts timing a collection of {@code kind} (the core's one pause clock). */
    protected final void beginPause(PauseKind kind) { beginCollectionPause(kind); }

    /** Records the collection begun by {@link #beginPause} with its work. */
    protected final void endPause(long objects, long words) { endCollectionPause(objects, words); }

    /** The current value of counter {@code i}, to take a pause's share of it. */
    protected final long count(int i) { return counters.value(i); }
}
