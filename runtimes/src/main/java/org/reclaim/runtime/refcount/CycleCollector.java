package org.reclaim.runtime.refcount;

import org.reclaim.runtime.heap.Counts;
import java.util.Arrays;
import org.reclaim.runtime.Counters;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.heap.Shape;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseKind;

/**
 * Synchronous cycle collection by trial deletion (Bacon &amp; Rajan, "Concurrent Cycle Collection in
 * Reference Counted Systems", ECOOP 2001, section 3). An object whose strong count is decremented
 * to a non-zero value is a <em>possible root</em> of a garbage cycle: it is coloured purple and
 * buffered ({@link ObjectLayout#BUFFERED}, colour bits in the header). When the buffer passes its
 * threshold (or an allocation fails, or the run ends) {@link #collect()} runs the three phases:
 * {@link #markCandidates} ({@code MarkRoots}: {@link #markGray} from each purple candidate,
 * subtracting the counts due to internal references), {@link #scan} (what still has a count, or a
 * handle under the deferred policy, is live: {@link #scanBlack} restores its counts; the rest is
 * white) and {@link #collectWhite} (white objects are garbage cycles and what only they reach).
 * Only strong slots are followed: weak references are not counted. Every phase walks an explicit
 * work list, never Java recursion. One run is one {@link PauseKind#CYCLE_COLLECTION} pause.
 *
 * <p>Counters: {@code cycle.candidates} (objects buffered), {@code cycle.traced} (objects visited
 * by markGray, scan, scanBlack and collectWhite), {@code cycle.count.changes} (trial decrements and
 * restoring increments), {@code cycle.freed}, {@code cycle.collections}.
 *
 * @see RefCounting
 */
final class CycleCollector {
    private final RefCounting m;
    private final long[] w;
    private final Counts counts;
    private final Counters counters;
    private final int threshold;

    private int[] roots = new int[256];
    private int rootCount;
    private int[] stack = new int[256];
    private int sp;
    private int[] blackStack = new int[256];
    private int bsp;

    private final int candidates, traced, countChanges, freed, collections;

    CycleCollector(RefCounting manager, int threshold) {
        this.m = manager;
        this.w = manager.heap().words;
        this.counts = manager.counts;
        this.counters = manager.counters();
        this.threshold = threshold;
        candidates = counters.define("cycle.candidates");
        traced = counters.define("cycle.traced");
        countChanges = counters.define("cycle.count.changes");
        freed = counters.define("cycle.freed");
        collections = counters.define("cycle.collections");
    }

    // ---- the mutator's side ----

    /** {@code PossibleRoot}: the strong count of live object {@code s} was decremented to non-zero. */
    void possibleRoot(int s) {
        long h = w[s];
        if (ObjectLayout.colour(h) == ObjectLayout.PURPLE) return;
        h = ObjectLayout.withColour(h, ObjectLayout.PURPLE);
        if (!ObjectLayout.has(h, ObjectLayout.BUFFERED)) {
            h = ObjectLayout.with(h, ObjectLayout.BUFFERED);
            if (rootCount == roots.length) roots = Arrays.copyOf(roots, rootCount * 2);
            roots[rootCount++] = s;
            counters.inc(candidates);
        }
        w[s] = h;
    }

    /** {@code Increment}'s colouring: an incremented object is black (in use), no longer a candidate. */
    void incremented(int s) {
        if (ObjectLayout.colour(w[s]) == ObjectLayout.PURPLE) w[s] = ObjectLayout.withColour(w[s], ObjectLayout.BLACK);
    }

    /** True once the candidate buffer has passed its threshold. */
    boolean due() { return rootCount >= threshold; }

    // ---- collection ----

    /** {@code CollectCycles}: markCandidates, scan, collectWhite (the manager times it as one pause). */
    void collect() {
        long freed0 = m.objectsFreed();
        counters.inc(collections);
        markCandidates();
        for (int i = 0; i < rootCount; i++) scan(roots[i]);
        for (int i = 0; i < rootCount; i++) {
            int s = roots[i];
            w[s] = ObjectLayout.without(w[s], ObjectLayout.BUFFERED);
            collectWhite(s);
        }
        rootCount = 0;
        counters.add(freed, m.objectsFreed() - freed0);
    }

    /**
     * {@code MarkRoots}: each candidate still purple and counted is marked gray; the others leave
     * the buffer keeping their colour (gray if an earlier candidate's markGray reached them), and a
     * candidate whose value was dropped meanwhile has its block released now.
     */
    private void markCandidates() {
        int kept = 0;
        for (int i = 0; i < rootCount; i++) {
            int s = roots[i];
            long h = w[s];
            if (ObjectLayout.colour(h) == ObjectLayout.PURPLE && !ObjectLayout.has(h, ObjectLayout.DROPPED)
                    && Counts.strong(w, s) > 0) {
                markGray(s);
                roots[kept++] = s;
            } else {
                h = ObjectLayout.without(h, ObjectLayout.BUFFERED);
                w[s] = ObjectLayout.colour(h) == ObjectLayout.PURPLE ? ObjectLayout.withColour(h, ObjectLayout.BLACK) : h;
                if (ObjectLayout.has(h, ObjectLayout.DROPPED)) m.releaseBlock(s);
            }
        }
        rootCount = kept;
    }

    /** {@code MarkGray}: colours gray everything reachable from {@code s}, removing internal references' counts. */
    private void markGray(int s) {
        if (colour(s) == ObjectLayout.GRAY) return;
        setColour(s, ObjectLayout.GRAY);
        push(s);
        while (sp > 0) {
            int o = stack[--sp];
            counters.inc(traced);
            Shape shape = m.shapes().get(ObjectLayout.shape(w[o]));
            int first = o + ObjectLayout.HEADER_WORDS, n = m.slotsAt(o);
            for (int k = 0; k < n; k++) {
                int t = strongChild(shape, first, k);
                if (t == Heap.NULL) continue;
                counts.addStrong(t, -1);
                counters.inc(countChanges);
                if (colour(t) != ObjectLayout.GRAY) {
                    setColour(t, ObjectLayout.GRAY);
                    push(t);
                }
            }
        }
    }

    /**
     * {@code Scan}: a gray object still counted (or, under deferred counting, referred to by a
     * handle: marked) is live, and {@link #scanBlack} restores what it reaches; otherwise it is
     * white and its children are scanned. A marked object left at zero (every referrer but the
     * handles is white) has reached zero for good: the policy's {@code zero} takes it (into the
     * zero-count table).
     */
    private void scan(int s) {
        push(s);
        while (sp > 0) {
            int o = stack[--sp];
            if (colour(o) != ObjectLayout.GRAY) continue;
            counters.inc(traced);
            int rc = Counts.strong(w, o);
            if (rc > 0 || ObjectLayout.has(w[o], ObjectLayout.MARK)) {
                scanBlack(o);
                // only a handle refers to it now (its other referrers are white): the deferred policy's zero
                if (rc == 0) m.zero(o);
                continue;
            }
            setColour(o, ObjectLayout.WHITE);
            Shape shape = m.shapes().get(ObjectLayout.shape(w[o]));
            int first = o + ObjectLayout.HEADER_WORDS, n = m.slotsAt(o);
            for (int k = 0; k < n; k++) {
                int t = strongChild(shape, first, k);
                if (t != Heap.NULL) push(t);
            }
        }
    }

    /** {@code ScanBlack}: colours black everything reachable from {@code s}, restoring the counts markGray removed. */
    private void scanBlack(int s) {
        setColour(s, ObjectLayout.BLACK);
        if (bsp == blackStack.length) blackStack = Arrays.copyOf(blackStack, bsp * 2);
        blackStack[bsp++] = s;
        while (bsp > 0) {
            int o = blackStack[--bsp];
            counters.inc(traced);
            Shape shape = m.shapes().get(ObjectLayout.shape(w[o]));
            int first = o + ObjectLayout.HEADER_WORDS, n = m.slotsAt(o);
            for (int k = 0; k < n; k++) {
                int t = strongChild(shape, first, k);
                if (t == Heap.NULL) continue;
                counts.addStrong(t, 1);
                counters.inc(countChanges);
                if (colour(t) != ObjectLayout.BLACK) {
                    setColour(t, ObjectLayout.BLACK);
                    if (bsp == blackStack.length) blackStack = Arrays.copyOf(blackStack, bsp * 2);
                    blackStack[bsp++] = t;
                }
            }
        }
    }

    /** {@code CollectWhite}: drops every white, unbuffered object reachable from {@code s}. */
    private void collectWhite(int s) {
        if (!collectable(s)) return;
        setColour(s, ObjectLayout.BLACK);
        push(s);
        while (sp > 0) {
            int o = stack[--sp];
            counters.inc(traced);
            Shape shape = m.shapes().get(ObjectLayout.shape(w[o]));
            int first = o + ObjectLayout.HEADER_WORDS, n = m.slotsAt(o);
            for (int k = 0; k < n; k++) {
                int t = strongChild(shape, first, k);
                if (t != Heap.NULL && collectable(t)) {
                    setColour(t, ObjectLayout.BLACK);
                    push(t);
                }
            }
            m.dropValue(o, false);
        }
    }

    private boolean collectable(int o) {
        return colour(o) == ObjectLayout.WHITE && !ObjectLayout.has(w[o], ObjectLayout.BUFFERED);
    }

    /** The referent of strong slot {@code k}, or null for an empty, weak or dropped one (not part of trial deletion). */
    private int strongChild(Shape shape, int first, int k) {
        int t = (int) w[first + k];
        if (t == Heap.NULL || shape.slotKind(k) == SlotKind.WEAK || ObjectLayout.has(w[t], ObjectLayout.DROPPED))
            return Heap.NULL;
        return t;
    }

    private int colour(int o) { return ObjectLayout.colour(w[o]); }

    private void setColour(int o, int colour) { w[o] = ObjectLayout.withColour(w[o], colour); }

    private void push(int o) {
        if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
        stack[sp++] = o;
    }
}
