package org.reclaim.runtime.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.PauseRecorder;

class DeferredRefCountingTest {

    /** A list walked many times with a fresh borrow per node: many local handles. */
    static long walks(MemoryManager m) {
        int node = m.shapes().define("Node", 1, SlotKind.OWNED);
        long sum = 0;
        try (Scope s = m.scope()) {
            int head = m.alloc(node, 0);
            for (int i = 1; i < 100; i++) {
                int x = m.alloc(node, 0);
                m.write(x, 0, i);
                m.put(x, 0, head);
                head = x;
            }
            for (int k = 0; k < 20; k++) {
                try (Scope walk = m.scope()) {
                    int cur = m.borrow(head);
                    while (true) {
                        sum += m.read(cur, 0);
                        if (m.isNull(cur, 0)) break;
                        cur = m.borrow(cur, 0);
                    }
                }
            }
            m.drop(head);
        }
        m.finish();
        return sum;
    }

    @Test
    void deferredCountingMakesFewerCountOperationsThanNaiveOnManyLocalHandles() {
        NaiveRefCounting naive = new NaiveRefCounting(1 << 20, new PauseRecorder(0), false, 0);
        DeferredRefCounting deferred = new DeferredRefCounting(1 << 20, new PauseRecorder(0), 1000, 0);
        assertThat(walks(deferred)).isEqualTo(walks(naive));
        long n = ops(naive), d = ops(deferred);
        // naive: 100 allocations (+1 each), 99 puts (+1 the store, -1 the local it consumes),
        // 2000 borrows (+1 each, -1 at the walk's end), 100 decrements when dropped
        assertThat(n).isEqualTo(100 + 2 * 99 + 2 * 2000 + 100);
        // deferred: 99 slot increments when the list is built, 99 decrements when it is freed
        assertThat(d).isEqualTo(99 + 99);
        assertThat(naive.objectsFreed()).isEqualTo(deferred.objectsFreed()).isEqualTo(100);
    }

    static long ops(MemoryManager m) {
        return m.counters().get("counts.increments") + m.counters().get("counts.decrements");
    }

    @Test
    void reconciliationRunsEveryNAllocationsAndIsAPause() {
        PauseRecorder rec = new PauseRecorder(0);
        DeferredRefCounting m = new DeferredRefCounting(1 << 20, rec, 10, 0);
        int node = m.shapes().define("Node", 0);
        try (Scope s = m.scope()) {
            for (int i = 0; i < 35; i++) m.drop(m.alloc(node, 0));
            // reconciled before the 10th, 20th and 30th allocations: 9 + 10 + 10 dropped objects
            assertThat(m.objectsFreed()).isEqualTo(29);
            assertThat(rec.pauseCount()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(rec.pauseKind(i)).isEqualTo(PauseKind.RECONCILE);
                assertThat(rec.pauseObjects(i)).isEqualTo(i == 0 ? 9 : 10);
            }
        }
        m.finish();
        assertThat(m.objectsFreed()).isEqualTo(35);
        assertThat(m.counters().get("reconciliations")).isEqualTo(4);
    }

    @Test
    void anObjectAHandleStillRefersToSurvivesReconciliation() {
        DeferredRefCounting m = new DeferredRefCounting(1 << 20, new PauseRecorder(0), 1_000, 0);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int kept = m.alloc(node, 0);
            m.write(kept, 0, 42);
            m.put(kept, 0, m.alloc(node, 0));
            int child = m.take(kept, 0); // the count moved to a handle: zero, but referenced
            m.reconcile();
            assertThat(m.objectsFreed()).isZero();
            assertThat(m.read(kept, 0)).isEqualTo(42);
            m.drop(child);
            m.reconcile();
            assertThat(m.objectsFreed()).isEqualTo(1);
        }
        m.finish();
        assertThat(m.objectsFreed()).isEqualTo(2);
        assertThat(m.inUseBytes()).isZero();
    }

    @Test
    void aWeakHandleKeepsTheBlockButNotTheValue() {
        DeferredRefCounting m = new DeferredRefCounting(1 << 20, new PauseRecorder(0), 1_000, 0);
        int node = m.shapes().define("Node", 1);
        try (Scope s = m.scope()) {
            int rc = m.allocShared(node, 0);
            int weak = m.downgrade(rc);
            m.drop(rc);
            m.reconcile();
            assertThat(m.objectsFreed()).isEqualTo(1);
            assertThat(m.isNull(m.upgrade(weak))).isTrue();
            assertThat(m.inUseBytes()).isEqualTo(3 * Long.BYTES);
        }
        m.finish();
        assertThat(m.inUseBytes()).isZero();
        assertThat(m.objectsFreed()).isEqualTo(1);
    }
}
