package org.reclaim.runtime.refcount;

import org.reclaim.runtime.heap.Counts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.PauseRecorder;

class NaiveRefCountingTest {

    @Test
    void droppingTheHeadOfAMillionNodeListFreesItAllInOneCascade() {
        int n = 1_000_000;
        PauseRecorder rec = new PauseRecorder(0);
        NaiveRefCounting m = new NaiveRefCounting(48L << 20, rec, false, 0);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int head = m.alloc(node, 0);
            for (int i = 1; i < n; i++) {
                try (Scope inner = m.scope()) {
                    int x = m.alloc(node, 0);
                    m.put(x, 0, head);
                    head = m.ret(x);
                }
            }
            int before = rec.pauseCount();
            m.drop(head);
            assertThat(rec.pauseCount()).isEqualTo(before + 1);
            assertThat(rec.pauseKind(before)).isEqualTo(PauseKind.CASCADE);
            assertThat(rec.pauseObjects(before)).isEqualTo(n);
            assertThat(m.objectsFreed()).isEqualTo(n);
            assertThat(m.inUseBytes()).isZero();
        }
        assertThat(rec.pauseCount()).isEqualTo(1);
    }

    @Test
    void borrowsCountAndScopeEndDecrementsEveryLiveHandle() {
        NaiveRefCounting m = new NaiveRefCounting(1 << 16, new PauseRecorder(0), false, 0);
        int node = m.shapes().define("Node", 0, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int a = m.alloc(node, 0);
            try (Scope inner = m.scope()) {
                m.borrow(a);
                m.borrow(a);
                assertThat(m.counters().get("counts.increments")).isEqualTo(1 + 2);
            }
            assertThat(m.counters().get("counts.decrements")).isEqualTo(2);
            assertThat(m.objectsFreed()).isZero();
        }
        assertThat(m.objectsFreed()).isEqualTo(1);
        assertThat(m.counters().get("counts.decrements")).isEqualTo(3);
    }

    @Test
    void putCountsTheStoreAndTheLocalItConsumesAndDecrementsTheOldValue() {
        NaiveRefCounting m = new NaiveRefCounting(1 << 16, new PauseRecorder(0), false, 0);
        int node = m.shapes().define("Node", 0, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int a = m.alloc(node, 0);
            m.put(a, 0, m.alloc(node, 0));
            // two allocations, the store; the consumed local
            assertThat(counts(m)).containsExactly(3L, 1L);
            m.put(a, 0, m.alloc(node, 0));
            // the old child's decrement frees it
            assertThat(counts(m)).containsExactly(5L, 3L);
            assertThat(m.objectsFreed()).isEqualTo(1);
        }
        assertThat(m.objectsFreed()).isEqualTo(3);
        assertThat(counts(m)).containsExactly(5L, 5L);
    }

    /**
     * Java's reading of each contract operation, step by step: {@code n = list.head} (take),
     * {@code helper(n)} (move), {@code return n} (ret), {@code n = n.next} (advance), {@code a =
     * Arrays.copyOf(a, 4)} (grow); every one is counted, none is a free move.
     */
    @Test
    void everyCopyAndOverwriteOfAReferenceIsCounted() {
        NaiveRefCounting m = new NaiveRefCounting(1 << 16, new PauseRecorder(0), false, 0);
        int node = m.shapes().define("Node", 0, SlotKind.OWNED);
        int array = m.shapes().defineSlotArray("Node[]", SlotKind.OWNED, 0);
        try (Scope s = m.scope()) {
            int list = m.alloc(node, 0);
            m.put(list, 0, m.alloc(node, 0));
            long[] before = counts(m);
            int head = m.take(list, 0);
            assertThat(delta(m, before)).as("take: the local loaded, the slot cleared").containsExactly(1L, 1L);

            before = counts(m);
            int mark = m.enter();
            int returned = m.ret(mark, m.move(head));
            assertThat(delta(m, before)).as("move: the argument; ret: the caller's copy and the callee's local")
                    .containsExactly(2L, 1L);

            m.put(list, 0, returned);
            before = counts(m);
            int cursor = m.borrow(list);
            assertThat(m.advance(cursor, 0)).isTrue();
            assertThat(delta(m, before)).as("borrow; advance: the new referent in, the old out").containsExactly(2L, 1L);

            int a = m.alloc(array, 2);
            m.put(a, 0, m.take(list, 0));
            before = counts(m);
            m.grow(a, 4);
            // the new block for the local, the old block's count gone; the slot copied (+1) and cleared (-1)
            assertThat(delta(m, before)).as("grow").containsExactly(2L, 2L);
            assertThat(m.objectsFreed()).isEqualTo(1);
        }
        long[] end = counts(m);
        assertThat(end[0]).isEqualTo(end[1]);
        assertThat(m.objectsFreed()).isEqualTo(4);
    }

    /** {@code counts.increments} and {@code counts.decrements}. */
    static long[] counts(MemoryManager m) {
        return new long[] {m.counters().get("counts.increments"), m.counters().get("counts.decrements")};
    }

    static long[] delta(MemoryManager m, long[] before) {
        long[] now = counts(m);
        return new long[] {now[0] - before[0], now[1] - before[1]};
    }

    @Test
    void aWeakHandleSeesADroppedValueAsGoneAndKeepsOnlyItsBlock() {
        NaiveRefCounting m = new NaiveRefCounting(1 << 16, new PauseRecorder(0), false, 0);
        int node = m.shapes().define("Node", 2);
        try (Scope s = m.scope()) {
            int rc = m.allocShared(node, 0);
            int weak = m.downgrade(rc);
            assertThat(m.isNull(m.upgrade(weak))).isFalse();
            m.drop(rc);
            assertThat(m.objectsFreed()).isZero(); // the upgraded handle still holds it
        }
        NaiveRefCounting n = new NaiveRefCounting(1 << 16, new PauseRecorder(0), false, 0);
        int node2 = n.shapes().define("Node", 2);
        try (Scope s = n.scope()) {
            int rc = n.allocShared(node2, 0);
            int weak = n.downgrade(rc);
            n.drop(rc);
            assertThat(n.objectsFreed()).isEqualTo(1);
            assertThat(n.inUseBytes()).isEqualTo(4 * Long.BYTES);
            assertThat(n.isNull(weak)).isTrue();
            assertThat(n.isNull(n.upgrade(weak))).isTrue();
            assertThat(n.leaks()).isEmpty();
        }
        assertThat(n.inUseBytes()).isZero();
        assertThat(n.objectsFreed()).isEqualTo(1);
    }

    @Test
    void aStuckCountNeverFallsAndItsObjectIsNeverFreedByCounting() {
        NaiveRefCounting m = new NaiveRefCounting(1 << 16, new PauseRecorder(0), false, 0);
        int node = m.shapes().define("Node", 0);
        try (Scope s = m.scope()) {
            int rc = m.allocShared(node, 0);
            for (int i = 0; i < 300; i++) m.downgrade(rc);
            assertThat(m.counters().get("counts.stuck")).isEqualTo(1);
            m.drop(rc);
            assertThat(m.objectsFreed()).isEqualTo(1);
        }
        assertThat(m.inUseBytes()).isEqualTo(2 * Long.BYTES); // the block: its weak count is stuck
    }

    @Test
    void atomicCountsDoTheSameWorkAsPlainCounts() {
        var plain = Programs.run("refcount", 1 << 20, m -> Programs.trees(m));
        var atomic = Programs.run("refcount-atomic", 1 << 20, m -> Programs.trees(m));
        assertThat(atomic.manager().counters().snapshot()).isEqualTo(plain.manager().counters().snapshot());
        assertThat(atomic.freed()).isEqualTo(plain.freed());
        assertThat(((RefCounting) atomic.manager()).counts.atomic()).isTrue();
    }
}
