package org.reclaim.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.Reachability;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.Probe;
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
            assertThat(m.inNursery(m.handles().addr(m.handles().index(old)))).isFalse();
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
    void allocationFailuresRunMinorCollectionsAndFullOnesWhenTheMatureSpaceFills() {
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
    void largeObjectsAreAllocatedInTheMatureSpace() {
        Generational m = create(true);
        int bytes = m.shapes().defineDataArray("Vec<i64>", 0);
        try (Scope s = m.scope()) {
            int big = m.alloc(bytes, (int) (NURSERY / 8 / 4) + 1);
            assertThat(m.inNursery(m.handles().addr(m.handles().index(big)))).isFalse();
            int small = m.alloc(bytes, 1);
            assertThat(m.inNursery(m.handles().addr(m.handles().index(small)))).isTrue();
        }
    }

    // ---- the barrier: every reference store runs it, each old object is remembered once ----

    /**
     * {@code old[i].next = young} and its kin, six stores into old objects: the barrier runs on
     * each of them (null and old values included) and remembers the two old objects that first
     * receive a young referent; a store into a young object runs it too; {@code take} (a known
     * null) and data writes run none. After a minor collection, which empties the remembered set,
     * an old object is remembered again.
     */
    @Test
    void theBarrierRunsOnEveryReferenceStoreAndRemembersEachOldObjectOnceUntilTheNextCollection() {
        Generational m = create(true);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int[] old = new int[5];
            for (int i = 0; i < old.length; i++) old[i] = m.alloc(node, 0);
            m.collectMinor();
            for (int o : old) assertThat(m.inNursery(m.handles().addr(m.handles().index(o)))).isFalse();
            int young1 = m.alloc(node, 0), young2 = m.alloc(node, 0);
            long executions = m.counters().get("barrier.executions"), hits = m.counters().get("barrier.hits");

            m.put(old[0], 0, m.borrow(young1));      // old -> young: remembered
            m.put(old[0], 1, m.borrow(young2));      // already remembered
            m.put(old[1], 0, m.borrow(young1));      // old -> young: remembered
            m.put(old[2], 0, Handles.NONE);          // null
            m.put(old[3], 0, m.borrow(old[4]));      // old -> old
            m.put(old[1], 1, m.borrow(young2));      // already remembered
            assertThat(m.counters().get("barrier.executions") - executions).isEqualTo(6);
            assertThat(m.counters().get("barrier.hits") - hits).isEqualTo(2);

            m.put(young1, 0, m.borrow(young2));      // young -> young: the barrier runs, remembers nothing
            m.drop(m.take(old[3], 0));               // take: no barrier
            m.write(old[0], 0, 7);                   // a data word: no barrier
            assertThat(m.counters().get("barrier.executions") - executions).isEqualTo(7);
            assertThat(m.counters().get("barrier.hits") - hits).isEqualTo(2);

            m.collectMinor();
            assertThat(m.counters().get("remembered.objects.scanned")).isEqualTo(2);
            m.put(old[0], 1, m.alloc(node, 0));
            assertThat(m.counters().get("barrier.executions") - executions).isEqualTo(8);
            assertThat(m.counters().get("barrier.hits") - hits).isEqualTo(3);
        }
    }

    /**
     * Random stores into old objects, each of a young object, an old one or null: the barrier runs
     * exactly once per store, and remembers exactly the old objects whose first young referent
     * each store is (a model of the logged bits says which).
     */
    @Property(tries = 50)
    void barrierExecutionsAreTheStoresAndHitsTheObjectsFirstRemembered(
            @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 1 << 16) Integer> stores) {
        Generational m = new Generational(HEAP, Probe.OFF, NURSERY, NURSERY);
        int node = m.shapes().define("Node", 0, SlotKind.OWNED, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int[] old = new int[8];
            for (int i = 0; i < old.length; i++) old[i] = m.alloc(node, 0);
            m.collectMinor();
            int[] young = new int[8];
            for (int i = 0; i < young.length; i++) young[i] = m.alloc(node, 0);
            long executions = m.counters().get("barrier.executions"), hits = m.counters().get("barrier.hits");
            Set<Integer> logged = new HashSet<>();
            int expectedHits = 0;
            for (int op : stores) {
                int src = op % old.length, slot = (op >> 3) & 1, kind = (op >> 4) % 3, pick = (op >> 6) % 8;
                int value = switch (kind) {
                    case 0 -> m.borrow(young[pick]);
                    case 1 -> m.borrow(old[pick]);
                    default -> Handles.NONE;
                };
                if (kind == 0 && logged.add(src)) expectedHits++;
                m.put(old[src], slot, value);
            }
            assertThat(m.counters().get("barrier.executions") - executions).isEqualTo(stores.size());
            assertThat(m.counters().get("barrier.hits") - hits).isEqualTo(expectedHits);
        }
    }

    // ---- Appel's nursery and the compacting full collection ----

    /**
     * Appel's sizing after each collection: half the free words while that half is at least the
     * lower bound (a quarter of the heap); below it the mature space is full, the nursery takes
     * every free word and the next collection is full.
     */
    @Test
    void theNurseryIsHalfTheFreeWordsUntilTheMatureSpaceFillsThenAllOfThem() {
        long heap = 64 * 1024;
        Generational m = new Generational(heap, probe);
        probe.attach(m);
        int capacity = (int) (heap / 8), min = capacity / 4;
        assertThat(m.nurseryWords()).isEqualTo((capacity - 1) / 2);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED);    // 4 words
        try (Scope s = m.scope()) {
            int list = m.alloc(node, 0);
            for (int live = 1; live < 1101; live++) {
                int x = m.alloc(node, 0);
                m.put(x, 0, m.take(list, 0));
                m.put(list, 0, x);
                for (int j = 0; j < 3; j++) m.drop(m.alloc(node, 0));
                if (live == 700) {
                    m.collectMinor();
                    int free = capacity - 1 - m.matureWords();
                    assertThat(m.matureWords()).isEqualTo(701 * 4);
                    assertThat(free / 2).isGreaterThanOrEqualTo(min);
                    assertThat(m.nurseryWords()).isEqualTo(free / 2);
                }
            }
            m.collectFull();
            int free = capacity - 1 - m.matureWords();
            assertThat(m.matureWords()).isEqualTo(1101 * 4);
            assertThat(free / 2).isLessThan(min);
            assertThat(m.nurseryWords()).isEqualTo(free);
            m.alloc(node, 0);
            assertThat(m.footprintBytes()).as("no copy reserve when the next collection compacts").isEqualTo(m.inUseBytes());
            int kinds = probe.kinds.size();
            m.collectMinor();
            assertThat(probe.kinds.subList(kinds, probe.kinds.size())).containsExactly(PauseKind.FULL);
        }
        assertThat(probe.kinds).contains(PauseKind.MINOR, PauseKind.FULL);
    }

    /**
     * A heap three quarters full of live objects, the rest garbage churned through the nursery:
     * with a copy reserve the collector could not run; compacting full collections let it complete
     * where mark-compact does, its nursery taking every free word.
     */
    @Test
    void fullCollectionsCompactSoTheCollectorCompletesWhereMarkCompactDoes() {
        long heap = 32 * 1024;
        for (TracingCollector m : List.of(new Generational(heap, Probe.OFF), new MarkCompact(heap, Probe.OFF))) {
            int node = m.shapes().define("Node", 1, SlotKind.OWNED);    // 4 words
            try (Scope s = m.scope()) {
                int list = m.alloc(node, 0);
                for (int i = 0; i < 750; i++) {                      // 3004 live words of 4095
                    int x = m.alloc(node, 0);
                    m.put(x, 0, m.take(list, 0));
                    m.put(list, 0, x);
                }
                for (int i = 0; i < 20_000; i++) m.drop(m.alloc(node, 0));
                m.collect();
                assertThat(m.inUseBytes()).as(m.name()).isEqualTo(751 * 4 * 8);
            }
        }
    }

    @Test
    void theFootprintCountsTheNurserysCopyReserve() {
        Generational m = create(true);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            m.alloc(node, 0);
            m.collectMinor();
            m.alloc(node, 0);
            m.alloc(node, 0);
            assertThat(m.inUseBytes()).isEqualTo(3 * 4 * 8);
            assertThat(m.footprintBytes()).isEqualTo((3 + 2) * 4 * 8);
        }
    }
}
