package org.reclaim.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reclaim.runtime.Reachability;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseKind;

class GenerationalTest {
    static final long HEAP = 64 * 1024, NURSERY = 16 * 1024;
    private final CheckingProbe probe = new CheckingProbe();

    private Generational create(boolean barrier) {
        Generational m = new Generational(HEAP, probe, NURSERY, NURSERY, barrier);
        probe.attach(m);
        return m;
    }

    /**
     * {@code old.next = Some(Box::new(young))}: the only reference to the young object is in an old
     * one; the barrier must remember the old object, or a minor collection frees the young one.
     * Returns whether the young object survived.
     */
    private boolean oldToYoungPointerSurvivesMinor(Generational m) {
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int old = m.alloc(node, 0);
            m.collectMinor();
            assertThat(m.inNursery(m.handles().addr[m.handles().index(old)])).isFalse();
            int young = m.alloc(node, 0);
            m.write(young, 0, 99);
            int youngId = m.id(young);
            m.put(old, 0, young);
            m.collectMinor();
            if (probe.freed.get(youngId)) return false;
            assertThat(m.read(m.borrow(old, 0), 0)).isEqualTo(99);
            return true;
        }
    }

    @Test
    void anOldToYoungPointerMadeByPutKeepsTheYoungObjectThroughAMinorCollection() {
        Generational m = create(true);
        assertThat(oldToYoungPointerSurvivesMinor(m)).isTrue();
        assertThat(m.counters().get("barrier.hits")).isEqualTo(1);
        assertThat(m.counters().get("remembered.objects.scanned")).isEqualTo(1);
        assertThat(probe.kinds).containsExactly(PauseKind.MINOR, PauseKind.MINOR);
    }

    @Test
    void withoutTheBarrierTheYoungObjectIsWronglyFreed() {
        probe.checking = false;
        assertThat(oldToYoungPointerSurvivesMinor(create(false))).isFalse();
    }

    @Test
    void theInvariantCheckCatchesAMissingBarrier() {
        assertThatThrownBy(() -> oldToYoungPointerSurvivesMinor(create(false)))
                .hasMessageContaining("reachable objects lost by a minor collection");
    }

    @Test
    void minorCollectionsCopyOnlyTheNurserySurvivors() {
        Generational m = create(true);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int oldList = m.alloc(node, 0);
            for (int i = 0; i < 30; i++) {
                int x = m.alloc(node, 0);
                m.put(x, 0, m.take(oldList, 0));
                m.put(oldList, 0, x);
            }
            m.collectMinor();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 60; i++) {
                    int x = m.alloc(node, 0);
                    if (i % 4 == 0) {
                        m.put(x, 0, m.take(oldList, 0));
                        m.put(oldList, 0, x);
                    } else {
                        m.drop(x);
                    }
                }
                long youngLive = new Reachability(m).reachable(true).stream()
                        .filter(m::inNursery).mapToLong(a -> m.heap().sizeOf(a) * 8L).sum();
                long oldInUse = m.inUseBytes() - youngLive;
                long promoted = m.counters().get("bytes.promoted");
                m.collectMinor();
                assertThat(m.counters().get("bytes.promoted") - promoted).isEqualTo(youngLive);
                assertThat(probe.kinds.getLast()).isEqualTo(PauseKind.MINOR);
                assertThat(m.inUseBytes()).isGreaterThanOrEqualTo(youngLive);
                assertThat(oldInUse).isPositive();
            }
        }
    }

    @Test
    void fullCollectionsFreeDeadOldObjectsAndAreRecordedAsFull() {
        Generational m = create(true);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        int deadId;
        try (Scope s = m.scope()) {
            try (Scope inner = m.scope()) {
                int x = m.alloc(node, 0);
                deadId = m.id(x);
                m.collectMinor();
            }
            m.collectMinor();
            assertThat(probe.freed.get(deadId)).as("a minor collection leaves old garbage").isFalse();
            m.collectFull();
            assertThat(probe.freed.get(deadId)).isTrue();
        }
        assertThat(probe.kinds).containsExactly(PauseKind.MINOR, PauseKind.MINOR, PauseKind.FULL);
    }

    @Test
    void allocationFailuresRunMinorCollectionsAndFullOnesWhenTheOldSpaceFills() {
        Generational m = create(true);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int kept = m.alloc(node, 0);
            for (int i = 1; i <= 20_000; i++) {
                int x = m.alloc(node, 0);
                if (i % 10 == 0) {
                    m.put(x, 0, m.take(kept, 0));
                    m.put(kept, 0, x);
                } else {
                    m.drop(x);
                }
                if (i % 5_000 == 0) m.drop(m.take(kept, 0));
            }
        }
        assertThat(probe.kinds).contains(PauseKind.MINOR, PauseKind.FULL);
    }

    @Test
    void largeObjectsAreAllocatedInTheOldSpace() {
        Generational m = create(true);
        int bytes = m.shapes().defineDataArray("Vec<i64>", 0);
        try (Scope s = m.scope()) {
            int big = m.alloc(bytes, (int) (NURSERY / 8 / 4) + 1);
            assertThat(m.inNursery(m.handles().addr[m.handles().index(big)])).isFalse();
            int small = m.alloc(bytes, 1);
            assertThat(m.inNursery(m.handles().addr[m.handles().index(small)])).isTrue();
        }
    }
}
