package org.reclaim.runtime.tracing;

import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import org.reclaim.runtime.alloc.BumpAllocator;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * Semispace copying with Cheney's breadth-first scan (Cheney 1970; Jones, Hosking &amp; Moss
 * §4.1): the heap is two halves, the heap size being the total of both; the mutator bump-allocates
 * in one. A collection {@code flip}s the halves, {@code forward}s each root (copying its object to
 * to-space on first sight and leaving a forwarding address behind), then {@code scan}s to-space
 * from its start to the free pointer, forwarding every slot: the copied objects themselves are the
 * work list. Bytes copied are exactly the live bytes.
 *
 * <p>Dead objects are the from-space objects left unforwarded. Cheney never visits them, so they
 * are counted as freed by arithmetic (objects and words in from-space less those copied); only
 * when someone needs each freed object's identity (the lifetime oracle, {@code lab explain}'s free
 * listener) is from-space parsed for them, inside the pause (explain places a free by whether a
 * collection was running) and counted apart ({@code words.parsed.for-accounting}). A run that
 * measures pauses has neither, so its pauses hold Cheney's work alone.
 *
 * @see MarkCompact
 * @see Generational
 */
public final class SemiSpace extends TracingCollector {
    private final int half;
    private final BumpAllocator space;
    private int free;
    private final int objectsCopied = counters.define("objects.copied");
    private final int wordsCopied = counters.define("words.copied");
    private final int parsedForAccounting = counters.define("words.parsed.for-accounting");
    private final IntUnaryOperator forward = this::forward;
    /** Objects in the space after the last collection, and objects allocated by then. */
    private long survivors, allocatedAtLastCollection;

    /** A semispace collector over a heap of {@code heapBytes}: each half holds half of it. */
    public SemiSpace(long heapBytes, Probe probe) {
        super(heapBytes, probe);
        half = (heap.capacity() - 1) / 2;
        space = new BumpAllocator(1, 1 + half);
        countWork(space);
    }

    @Override public String name() { return "semispace"; }

    // ---- allocation ----

    @Override protected int tryAllocate(int words) { return space.alloc(words); }

    // ---- collection ----

    /** {@code collect}: {@code flip}, {@code forward} the roots, {@code scan} to-space; then account for the dead. */
    @Override
    public void collect() {
        beginPause(PauseKind.COLLECTION);
        long copied = count(objectsCopied), words = count(wordsCopied), scanned = count(wordsScanned);
        int fromStart = space.start(), fromEnd = space.cursor();
        int toStart = fromStart == 1 ? 1 + half : 1;
        free = toStart;
        scanRoots(forward);
        scan(toStart);
        space.reset(toStart, toStart + half);
        space.setCursor(free);
        long copiedNow = count(objectsCopied) - copied, wordsNow = count(wordsCopied) - words;
        if (needsEachFreedObject()) countDead(fromStart, fromEnd);
        else countFreedInBulk(survivors + objectsAllocated - allocatedAtLastCollection - copiedNow,
                fromEnd - fromStart - wordsNow);
        survivors = copiedNow;
        allocatedAtLastCollection = objectsAllocated;
        endPause(copiedNow, wordsNow + count(wordsScanned) - scanned);
    }

    /** Cheney's scan: forwards every slot of every object between the scan and free pointers. */
    private void scan(int scan) {
        while (scan < free) {
            int n = slotsAt(scan);
            counters.add(wordsScanned, n);
            for (int s = scan + ObjectLayout.HEADER_WORDS, end = s + n; s < end; s++) {
                int child = (int) w[s];
                if (child != Heap.NULL) w[s] = forward(child);
            }
            scan += ObjectLayout.size(w[scan]);
        }
    }

    /** The to-space address of the from-space object at {@code a}, copying it on first sight. */
    private int forward(int a) {
        if (ObjectLayout.isForwarded(w, a)) return ObjectLayout.forwardingAddress(w, a);
        return copy(a);
    }

    /** Copies the object at {@code a} to the free pointer and leaves its forwarding address behind. */
    private int copy(int a) {
        long h = w[a];
        int size = ObjectLayout.size(h);
        int to = free;
        free += size;
        System.arraycopy(w, a, w, to, size);
        ObjectLayout.forward(w, a, to);
        counters.inc(objectsCopied);
        counters.add(wordsCopied, size);
        return to;
    }

    /** Counts every unforwarded object of the old from-space as freed. */
    private void countDead(int start, int end) {
        for (int a = start; a < end; a += ObjectLayout.size(w[a])) {
            counters.inc(parsedForAccounting);
            if (!ObjectLayout.has(w[a], ObjectLayout.FORWARDED)) countFreed(a);
        }
    }

    // ---- accounting ----

    @Override public long inUseBytes() { return space.usedWords() * Long.BYTES; }

    /**
     * In use, and the copy reserve: as many words of the other half as this half holds, what the
     * next collection may copy: MMTk's accounting of a semispace (used pages plus the collection
     * reserve, its to-space's share), which Hertz &amp; Berger's footprints were measured with.
     */
    @Override public long footprintBytes() { return 2 * inUseBytes(); }

    @Override public void forEachObject(IntConsumer visitor) { parse(space.start(), space.cursor(), visitor); }

    /** Words in each half. */
    public int halfWords() { return half; }
}
