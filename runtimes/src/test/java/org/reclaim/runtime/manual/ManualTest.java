package org.reclaim.runtime.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.HeapInvariants;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.runtime.probe.Probe;

class ManualTest {
    private final PauseRecorder probe = new PauseRecorder(0);
    private final Manual m = new Manual(1 << 16, probe, false);
    private final Manual sanitized = new Manual(1 << 16, Probe.OFF, true);

    private static int vec(Manual m) { return m.shapes().defineDataArray("Vec<i64>", 0); }

    @Test
    void freeingAListFreesWhatItOwnsInOnePause() {
        int node = m.shapes().define("Node", 1, SlotKind.OWNED);
        List<Integer> freed = new ArrayList<>();
        m.onFree(freed::add);
        try (Scope s = m.scope()) {
            int head = m.alloc(node, 0);                     // let head = Box::new(Node { next: None, .. })
            for (int i = 0; i < 9; i++) {                     // head = Box::new(Node { next: Some(head), .. })
                int n = m.alloc(node, 0);
                m.put(n, 0, head);
                head = n;
            }
            m.drop(head);                                     // drop(head)
        }
        assertThat(freed).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(probe.pauseCount()).isEqualTo(1);
        assertThat(probe.pauseKind(0)).isEqualTo(PauseKind.FREE);
        assertThat(probe.pauseObjects(0)).isEqualTo(10);
        assertThat(m.leaks()).isEmpty();
        assertThat(m.inUseBytes()).isZero();
    }

    @Test
    void aSecondFreeIsReportedAsADoubleFreeNamingTheAllocationSite() {
        int v = vec(m);
        try (Scope s = m.scope()) {
            m.site(m.defineSite("get_final_orders: let orders = vec![1, 2, 3, 4];"));
            int orders = m.alloc(v, 4);
            m.name(orders, "orders");
            m.free(orders);                                   // dealloc(orders);
            assertThatThrownBy(() -> m.free(orders))          // dealloc(orders); again
                    .isInstanceOfSatisfying(MemoryFault.class, f -> {
                        assertThat(f.kind()).isEqualTo(MemoryFault.Kind.DOUBLE_FREE);
                        assertThat(f.getMessage()).contains("double free detected", "`orders`", "Vec<i64>",
                                "allocated at get_final_orders: let orders = vec![1, 2, 3, 4];");
                    });
        }
        HeapInvariants.check(m, i -> false);
        FreeListInvariants.check(m.heap(), m.allocator());
    }

    @Test
    void aReadAfterFreeSeesTheNewOccupantsData() {
        int v = vec(m);
        try (Scope s = m.scope()) {
            int orders = m.alloc(v, 4);                       // let orders = vec![1, 2, 3, 4];
            for (int i = 0; i < 4; i++) m.write(orders, i, i + 1);
            m.free(orders);                                   // dealloc(orders);
            int other = m.alloc(v, 4);                        // another allocation of the same size reuses the block
            for (int i = 0; i < 4; i++) m.write(other, i, 1000 + i);
            long sum = 0;
            for (int i = 0; i < 4; i++) sum += m.read(orders, i);   // for order in orders.iter() { total += order }
            assertThat(sum).isEqualTo(1000 + 1001 + 1002 + 1003);
        }
    }

    @Test
    void sanitizeReportsAUseAfterFreeBeforeTouchingData() {
        int v = vec(sanitized);
        try (Scope s = sanitized.scope()) {
            int orders = sanitized.alloc(v, 4);
            sanitized.name(orders, "orders");
            sanitized.write(orders, 0, 42);
            sanitized.free(orders);
            int other = sanitized.alloc(v, 4);                // quarantine: this does not reuse the block
            sanitized.write(other, 0, 7);
            assertThatThrownBy(() -> sanitized.read(orders, 0))
                    .isInstanceOfSatisfying(MemoryFault.class, f -> {
                        assertThat(f.kind()).isEqualTo(MemoryFault.Kind.USE_AFTER_FREE);
                        assertThat(f.getMessage()).contains("heap-use-after-free", "`orders`", "object #1");
                    });
            assertThat(sanitized.read(other, 0)).isEqualTo(7);
        }
    }

    @Test
    void anObjectNeverFreedIsALeakWithItsSite() {
        int v = vec(m);
        try (Scope s = m.scope()) {
            m.site(m.defineSite("main: let years = vec![2001, 2002];"));
            m.alloc(v, 2);
        }
        assertThat(m.leaks()).containsExactly(new Leak(1, "Vec<i64>", 4 * 8, "main: let years = vec![2001, 2002];"));
    }

    @Test
    void sharedObjectsAreFreedWhenTheHandCountFallsToZero() {
        int n = m.shapes().define("Shared", 1);
        List<Integer> freed = new ArrayList<>();
        m.onFree(freed::add);
        try (Scope s = m.scope()) {
            int a = m.allocShared(n, 0);
            int b = m.share(a);
            m.drop(a);
            assertThat(freed).isEmpty();
            m.drop(b);
            assertThat(freed).containsExactly(1);
        }
    }

    @Test
    void reallocMovesTheContentsAndFreesTheOldBlock() {
        int v = vec(m);
        try (Scope s = m.scope()) {
            int xs = m.alloc(v, 2);
            m.write(xs, 0, 5);
            m.write(xs, 1, 6);
            m.grow(xs, 4);
            assertThat(m.length(xs)).isEqualTo(4);
            assertThat(m.read(xs, 0) + m.read(xs, 1)).isEqualTo(11);
            assertThat(m.objectsFreed()).isEqualTo(1);
            m.drop(xs);
        }
        assertThat(m.leaks()).isEmpty();
        FreeListInvariants.check(m.heap(), m.allocator());
    }
}
