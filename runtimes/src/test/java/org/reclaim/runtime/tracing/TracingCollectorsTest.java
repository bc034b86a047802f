package org.reclaim.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

/** What every tracing collector must do, run under each of the four. */
class TracingCollectorsTest {
    static final java.util.List<String> names = Collectors.NAMES;
    static final int NEXT = 0, OTHER = 1;

    private final CheckingProbe probe = new CheckingProbe();

    /** A list of {@code n} nodes whose data word is its position; returns the head's handle. */
    private static int list(TracingCollector m, int node, int n) {
        int head = m.alloc(node, 0);
        m.write(head, 0, 0);
        for (int i = 1; i < n; i++) {
            int x = m.alloc(node, 0);
            m.write(x, 0, i);
            m.put(x, NEXT, head);
            head = x;
        }
        return head;
    }

    private static long sum(TracingCollector m, int head) {
        try (Scope s = m.scope()) {
            long total = 0;
            int cur = m.borrow(head);
            do total += m.read(cur, 0); while (m.advance(cur, NEXT));
            return total;
        }
    }

    @ParameterizedTest @FieldSource("names")
    void survivorsAreExactlyTheReachableObjectsAndKeepTheirData(String name) {
        TracingCollector m = probe.create(name, 64 * 1024);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int kept = list(m, node, 200);
            for (int round = 0; round < 30; round++) {
                try (Scope inner = m.scope()) {
                    list(m, node, 100);
                }
            }
            m.collect();
            assertThat(sum(m, kept)).isEqualTo(199L * 200 / 2);
            assertThat(m.objectsFreed()).isEqualTo(m.objectsAllocated() - 200);
        }
        assertThat(probe.collections()).isGreaterThan(1);
    }

    @ParameterizedTest @FieldSource("names")
    void unreachableCyclesAreCollected(String name) {
        TracingCollector m = probe.create(name, 16 * 1024);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.SHARED);
        int a, b;
        try (Scope s = m.scope()) {
            int x = m.allocShared(node, 0);
            int y = m.allocShared(node, 0);
            a = m.id(x);
            b = m.id(y);
            m.put(x, OTHER, m.share(y));
            m.put(y, OTHER, m.share(x));
            m.collect();
            assertThat(probe.freed.get(a) || probe.freed.get(b)).isFalse();
        }
        m.collect();
        assertThat(probe.freed.get(a) && probe.freed.get(b)).isTrue();
    }

    @ParameterizedTest @FieldSource("names")
    void weakSlotsAndWeakHandlesAreTracedAsStrong(String name) {
        TracingCollector m = probe.create(name, 16 * 1024);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.WEAK);
        try (Scope s = m.scope()) {
            int parent = m.alloc(node, 0);
            int child = m.allocShared(node, 0);
            m.write(child, 0, 42);
            int onlyWeak = m.allocShared(node, 0);
            m.write(onlyWeak, 0, 7);
            int weak = m.downgrade(onlyWeak);
            m.drop(onlyWeak);
            m.put(parent, OTHER, m.downgrade(child));
            m.drop(child);
            m.collect();
            assertThat(m.read(m.borrow(parent, OTHER), 0)).isEqualTo(42);
            assertThat(m.read(m.upgrade(weak), 0)).isEqualTo(7);
            assertThat(m.objectsFreed()).isZero();
        }
    }

    @ParameterizedTest @FieldSource("names")
    void grownVectorKeepsItsElementsAndTheOldBlockIsGarbage(String name) {
        TracingCollector m = probe.create(name, 32 * 1024);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        int vec = m.shapes().defineSlotArray("Vec<Box<Node>>", SlotKind.OWNED, 1);
        try (Scope s = m.scope()) {
            int v = m.alloc(vec, 2);
            int first = m.id(v);
            for (int i = 0; i < 40; i++) {
                if (i == m.length(v)) m.grow(v, m.length(v) * 2);
                int x = m.alloc(node, 0);
                m.write(x, 0, i);
                m.put(v, i, x);
            }
            m.collect();
            assertThat(probe.freed.get(first)).isTrue();
            long total = 0;
            for (int i = 0; i < 40; i++) total += m.read(m.borrow(v, i), 0);
            assertThat(total).isEqualTo(39L * 40 / 2);
        }
    }

    @ParameterizedTest @FieldSource("names")
    void allocationFailureCollectsAndEndsInOutOfMemoryWhenAllIsLive(String name) {
        TracingCollector m = probe.create(name, 16 * 1024);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            assertThatThrownBy(() -> list(m, node, 100_000)).isInstanceOf(OutOfMemory.class);
        }
        assertThat(probe.kinds).as("collections before giving up").isNotEmpty();
        assertThat(m.objectsFreed()).as("nothing was garbage").isZero();
    }

    @ParameterizedTest @FieldSource("names")
    void anObjectLargerThanTheHeapIsOutOfMemory(String name) {
        TracingCollector m = probe.create(name, 4 * 1024);
        int bytes = m.shapes().defineDataArray("Vec<i64>", 0);
        try (Scope s = m.scope()) {
            assertThatThrownBy(() -> m.alloc(bytes, 1000)).isInstanceOf(OutOfMemory.class);
        }
    }

    @ParameterizedTest @FieldSource("names")
    void identitiesSurviveEveryCollection(String name) {
        TracingCollector m = probe.create(name, 8 * 1024);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int head = list(m, node, 10);
            BitSet before = new org.reclaim.runtime.Reachability(m).reachableIds(true);
            for (int i = 0; i < 50; i++) {
                try (Scope inner = m.scope()) {
                    list(m, node, 10);
                }
            }
            m.collect();
            assertThat(new org.reclaim.runtime.Reachability(m).reachableIds(true)).isEqualTo(before);
            assertThat(sum(m, head)).isEqualTo(45);
        }
    }
}
