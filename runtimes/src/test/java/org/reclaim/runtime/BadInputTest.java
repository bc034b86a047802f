package org.reclaim.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.epsilon.Epsilon;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.manual.Manual;
import org.reclaim.runtime.probe.Probe;

/** Misuse of the contract: one clear error each, and the heap stays consistent. */
class BadInputTest {
    private final Manual m = new Manual(1 << 16, Probe.OFF, false);
    private final int node = m.shapes().define("Node", 1, SlotKind.OWNED);
    private final int vec = m.shapes().defineDataArray("Vec<i64>", 0);

    @Test
    void aHeapSmallerThanOneObjectIsRefused() {
        assertThatThrownBy(() -> new Heap(16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot hold one object");
    }

    @Test
    void anObjectLargerThanTheHeapIsOutOfMemory() {
        try (Scope s = m.scope()) {
            assertThatThrownBy(() -> m.alloc(vec, 1 << 20)).isInstanceOf(OutOfMemory.class)
                    .hasMessageContaining("in a heap of 65536 bytes");
        }
        HeapInvariants.check(m);
    }

    @Test
    void aNegativeSizeIsRefused() {
        try (Scope s = m.scope()) {
            assertThatThrownBy(() -> m.alloc(vec, -1)).isInstanceOfSatisfying(MemoryFault.class,
                    f -> assertThat(f.getMessage()).isEqualTo("negative length -1 for a Vec<i64>"));
        }
        HeapInvariants.check(m);
        assertThat(m.inUseBytes()).isZero();
    }

    @Test
    void aSlotIndexOutOfRangeIsRefused() {
        try (Scope s = m.scope()) {
            int x = m.alloc(node, 0);
            int y = m.alloc(node, 0);
            assertThatThrownBy(() -> m.put(x, 1, y)).isInstanceOfSatisfying(MemoryFault.class,
                    f -> assertThat(f.getMessage()).isEqualTo("slot 1 is out of range for a Node with 1 slots"));
            assertThatThrownBy(() -> m.read(x, 3)).hasMessage("data word 3 is out of range for a Node with 1 data words");
            m.put(x, 0, y);
            m.drop(x);
        }
        HeapInvariants.check(m);
        assertThat(m.leaks()).isEmpty();
    }

    @Test
    void aWriteThroughAHandleWhoseScopeEndedIsRefused() {
        int[] kept = new int[1];
        try (Scope outer = m.scope()) {
            try (Scope inner = m.scope()) {
                kept[0] = m.alloc(node, 0);
                m.drop(kept[0]);
            }
            m.alloc(node, 0);                                  // reuses the entry the stale handle named
            assertThatThrownBy(() -> m.write(kept[0], 0, 1)).isInstanceOfSatisfying(MemoryFault.class, f -> {
                assertThat(f.kind()).isEqualTo(MemoryFault.Kind.BAD_INPUT);
                assertThat(f.getMessage()).contains("is not live: its scope has ended");
            });
        }
        HeapInvariants.check(m);
    }

    @Test
    void aWriteThroughADroppedHandleIsANullReferenceInAManagedLanguage() {
        Epsilon e = new Epsilon(1 << 16, Probe.OFF);
        int n = e.shapes().define("Node", 1);
        try (Scope s = e.scope()) {
            int x = e.alloc(n, 0);
            e.name(x, "x");
            e.drop(x);
            assertThatThrownBy(() -> e.write(x, 0, 1)).isInstanceOfSatisfying(MemoryFault.class, f -> {
                assertThat(f.kind()).isEqualTo(MemoryFault.Kind.NULL_DEREFERENCE);
                assertThat(f.getMessage()).contains("`x` was dropped");
            });
        }
        HeapInvariants.check(e);
    }

    @Test
    void anUnknownShapeIsRefused() {
        try (Scope s = m.scope()) {
            assertThatThrownBy(() -> m.alloc(99, 0)).hasMessage("no shape 99 (2 are defined)");
        }
    }

    @Test
    void anUnknownManagerNamesTheNearest() {
        assertThatThrownBy(() -> Managers.find("manul")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown manager 'manul'; did you mean manual");
    }
}
