package org.reclaim.runtime.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.reclaim.runtime.Reachability;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseRecorder;

/** Trial deletion never frees what the roots reach, and frees everything else by the end. */
class CycleCollectorPropertyTest {

    @Property(tries = 60)
    void nothingReachableIsEverFreedAndNothingLeaks(@ForAll long seed, @ForAll @IntRange(min = 2, max = 40) int n,
                                                    @ForAll boolean deferred) {
        java.util.Random r = new java.util.Random(seed);
        PauseRecorder rec = new PauseRecorder(0);
        RefCounting m = deferred ? new DeferredRefCounting(1 << 20, rec, 1 + r.nextInt(20), 1 + r.nextInt(5))
                                 : new NaiveRefCounting(1 << 20, rec, false, 1 + r.nextInt(5));
        BitSet freed = new BitSet();
        List<Integer> twice = new ArrayList<>();
        m.onFree(id -> {
            if (freed.get(id)) twice.add(id);
            freed.set(id);
        });
        int node = m.shapes().define("GNode", 0, SlotKind.SHARED, SlotKind.SHARED, SlotKind.WEAK);
        try (Scope s = m.scope()) {
            int[] h = new int[n];
            for (int i = 0; i < n; i++) h[i] = m.allocShared(node, 0);
            int edges = r.nextInt(3 * n);
            for (int e = 0; e < edges; e++) {
                int slot = r.nextInt(3);
                int target = h[r.nextInt(n)];
                m.put(h[r.nextInt(n)], slot, slot == 2 ? m.downgrade(target) : m.share(target));
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) order.add(i);
            java.util.Collections.shuffle(order, r);
            for (int i : order) {
                m.drop(h[i]);
                m.collectCycles();
                BitSet reachable = new Reachability(m).reachableIds(false);
                assertThat(reachable.intersects(freed)).as("a reachable object was freed").isFalse();
            }
        }
        m.finish();
        assertThat(twice).isEmpty();
        assertThat(m.leaks()).isEmpty();
        assertThat(freed.cardinality()).isEqualTo(n);
        assertThat(m.inUseBytes()).isZero();
    }
}
