package org.reclaim.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.reclaim.runtime.Reachability;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * A probe that checks a tracing collector's invariants at the end of every collection (the probe
 * hears of each pause when the collection is complete): the surviving objects are exactly the
 * reachable ones (after a minor collection: at least the reachable ones); no object is freed twice or freed while still in the heap; no header keeps a mark,
 * forwarding or logged bit, and no forwarding address is left in a count field.
 */
final class CheckingProbe implements Probe {
    final List<PauseKind> kinds = new ArrayList<>();
    final List<Long> objects = new ArrayList<>();
    final BitSet freed = new BitSet();
    /** False to record pauses without checking (to watch a broken collector go wrong). */
    boolean checking = true;
    /** A further check run after each collection's own. */
    Runnable alsoCheck = () -> {};
    private TracingCollector m;
    private int freedTwice;

    /** Creates {@code name} with this probe and starts listening to what it frees. */
    TracingCollector create(String name, long heapBytes) {
        m = Collectors.create(name, heapBytes, this);
        attach(m);
        return m;
    }

    /** Listens to {@code collector}, made with this probe. */
    void attach(TracingCollector collector) {
        m = collector;
        m.onFree(id -> {
            if (freed.get(id)) freedTwice++;
            freed.set(id);
        });
    }

    @Override
    public void pause(PauseKind kind, long start, long end, long objectCount, long words, long before, long after) {
        kinds.add(kind);
        objects.add(objectCount);
        assertThat(after).as("in use after a collection").isLessThanOrEqualTo(m.heap().bytes());
        assertThat(m.footprintBytes()).as("footprint, copy reserve included, after a collection").isLessThanOrEqualTo(m.heap().bytes());
        if (!checking) return;
        check(kind);
        alsoCheck.run();
    }

    private void check(PauseKind kind) {
        BitSet surviving = Reachability.allocatedIds(m);
        BitSet reachable = new Reachability(m).reachableIds(true);
        if (kind == PauseKind.MINOR) {
            BitSet lost = (BitSet) reachable.clone();
            lost.andNot(surviving);
            assertThat(lost.toString()).as("reachable objects lost by a minor collection").isEqualTo("{}");
        } else {
            assertThat(surviving).as("surviving set after a " + kind + " collection").isEqualTo(reachable);
        }
        assertThat(freedTwice).as("objects freed twice").isZero();
        BitSet freedButHeld = (BitSet) freed.clone();
        freedButHeld.and(surviving);
        assertThat(freedButHeld.toString()).as("objects freed yet still in the heap").isEqualTo("{}");
        long[] w = m.heap().words;
        m.forEachObject(a -> {
            assertThat(ObjectLayout.flags(w[a]) & (ObjectLayout.MARK | ObjectLayout.FORWARDED | ObjectLayout.LOGGED))
                    .as("collector bits left in the header of #%d", m.idAt(a)).isZero();
            assertThat(w[a + 1] >>> 32).as("forwarding address left in #%d", m.idAt(a)).isZero();
        });
    }

    int collections() { return kinds.size(); }

    @Override public void footprint(long allocatedBytes, long inUseBytes) {}

    @Override public long sampleEveryBytes() { return Long.MAX_VALUE; }
}
