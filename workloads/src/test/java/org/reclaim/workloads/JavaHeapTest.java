package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.jvm.JavaHeap;
import org.reclaim.workloads.run.Runner;

/** The same workload code runs on plain Java objects, to the same result. */
class JavaHeapTest {
    @Test
    void binaryTreesOnJavaObjectsGivesTheSimulatedChecksumAndAllocationCount() {
        BinaryTrees w = new BinaryTrees();
        var simulated = Runner.run(new Runner.Request(w.name(), "tiny", "manual", 8L << 20, 1)).record();
        JavaHeap heap = new JavaHeap();
        long checksum = w.run(heap, w.sizes().get("tiny"), 1, Map.of());
        assertThat(checksum).isEqualTo(simulated.checksum());
        assertThat(heap.objectsAllocated()).isEqualTo(simulated.objectsAllocated());
        assertThat(heap.bytesAllocated()).isEqualTo(simulated.bytesAllocated());
    }

    @Test
    void putMovesTheValueAndDropClearsTheRoot() {
        JavaHeap m = new JavaHeap();
        int node = m.shapes().define("Node", 1, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int a = m.alloc(node, 0);
            int b = m.alloc(node, 0);
            m.write(b, 0, 42);
            m.put(a, 0, b);
            assertThat(m.isNull(b)).isTrue();
            int c = m.borrow(a, 0);
            assertThat(m.read(c, 0)).isEqualTo(42);
            int copy = m.cloneDeep(a);
            assertThat(m.read(m.borrow(copy, 0), 0)).isEqualTo(42);
            assertThat(m.id(m.borrow(copy, 0))).isNotEqualTo(m.id(c));
            m.name(a, "a");
            m.drop(a);
            assertThatThrownBy(() -> m.read(a, 0)).isInstanceOf(MemoryFault.class).hasMessageContaining("`a`");
        }
    }

    @Test
    void aHandleKeptAfterItsScopeIsRefusedEvenWhenItsEntryHasBeenReused() {
        JavaHeap m = new JavaHeap();
        int node = m.shapes().define("Node", 1);
        try (Scope outer = m.scope()) {
            int stale;
            try (Scope inner = m.scope()) {
                stale = m.alloc(node, 0);
                m.write(stale, 0, 1);
            }
            int fresh = m.alloc(node, 0);                       // the same entry, a new generation
            m.write(fresh, 0, 2);
            assertThatThrownBy(() -> m.read(stale, 0)).isInstanceOf(MemoryFault.class).hasMessageContaining("is not live");
            assertThat(m.read(fresh, 0)).isEqualTo(2);
        }
    }
}
