package org.reclaim.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reclaim.runtime.Reachability;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

class SemiSpaceTest {
    private final CheckingProbe probe = new CheckingProbe();

    private static long reachableBytes(TracingCollector m) {
        return new Reachability(m).reachable(true).stream().mapToLong(a -> m.heap().sizeOf(a) * 8L).sum();
    }

    @Test
    void semispaceCopiesExactlyTheLiveBytes() {
        SemiSpace m = (SemiSpace) probe.create("semispace", 64 * 1024);
        int node = m.shapes().define("Node", 2, SlotKind.OWNED, SlotKind.WEAK);
        int bytes = m.shapes().defineDataArray("Vec<i64>", 0);
        try (Scope s = m.scope()) {
            int keep = m.alloc(node, 0);
            for (int round = 0; round < 8; round++) {
                try (Scope inner = m.scope()) {
                    for (int i = 0; i < 50; i++) {
                        int x = m.alloc(i % 3 == 0 ? bytes : node, i % 3 == 0 ? i : 0);
                        if (i % 5 == 1 && i % 3 != 0) {
                            m.put(x, 0, m.take(keep, 0));
                            m.put(keep, 0, x);
                        } else if (i % 7 == 0) {
                            m.drop(x);
                        }
                    }
                    long live = reachableBytes(m);
                    long copied = m.counters().get("words.copied");
                    m.collect();
                    assertThat((m.counters().get("words.copied") - copied) * 8).isEqualTo(live);
                    assertThat(m.inUseBytes()).isEqualTo(live);
                    assertThat(m.footprintBytes()).as("in use and the copy reserve").isEqualTo(2 * live);
                }
            }
        }
    }

    @Test
    void theHeapSizeIsBothHalves() {
        SemiSpace m = (SemiSpace) probe.create("semispace", 8 * 1024);
        assertThat(m.halfWords()).isEqualTo((1024 - 1) / 2);
        int bytes = m.shapes().defineDataArray("Vec<i64>", 0);
        try (Scope s = m.scope()) {
            m.alloc(bytes, 400);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.alloc(bytes, 200))
                    .isInstanceOf(org.reclaim.runtime.OutOfMemory.class);
        }
    }
}
