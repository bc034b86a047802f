package org.reclaim.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.Reachability;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.heap.SlotKind;

class MarkCompactTest {
    private final CheckingProbe probe = new CheckingProbe();

    @Test
    void liveObjectsEndContiguousFromTheHeapStartInTheirOriginalOrder() {
        MarkCompact m = (MarkCompact) probe.create("mark-compact", 64 * 1024);
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        int bytes = m.shapes().defineDataArray("Vec<i64>", 0);
        try (Scope s = m.scope()) {
            int vec = m.shapes().defineSlotArray("Vec<Box<Node>>", SlotKind.OWNED, 0);
            int keep = m.alloc(vec, 100);
            for (int i = 0; i < 300; i++) {
                int x = i % 4 == 0 ? m.alloc(bytes, i % 7) : m.alloc(node, 0);
                if (i % 3 == 0) m.put(keep, i / 3, x);
                else m.drop(x);
            }
            List<Integer> idsInAddressOrder = new ArrayList<>();
            new Reachability(m).reachable(true).stream().forEach(a -> idsInAddressOrder.add(m.idAt(a)));
            long liveWords = new Reachability(m).reachable(true).stream().mapToLong(a -> m.heap().sizeOf(a)).sum();
            long liveSlots = new Reachability(m).reachable(true).stream().mapToLong(m::slotsAt).sum();
            int blocks = 0;
            for (int b = 1; b < m.cursor(); b += m.heap().sizeOf(b)) blocks++;

            m.collect();

            List<Integer> after = new ArrayList<>();
            int a = 1;
            while (a < m.cursor()) {
                after.add(m.idAt(a));
                assertThat(ObjectLayout.has(m.heap().header(a), ObjectLayout.FREE)).isFalse();
                a += m.heap().sizeOf(a);
            }
            assertThat(after).isEqualTo(idsInAddressOrder);
            assertThat(m.cursor()).isEqualTo(1 + (int) liveWords);
            assertThat(probe.objects.getLast()).as("objects marked").isEqualTo(idsInAddressOrder.size());
            for (String pass : List.of("compact.forwarding.blocks", "compact.update.blocks", "compact.relocate.blocks"))
                assertThat(m.counters().get(pass)).as(pass).isEqualTo(blocks);
            assertThat(m.counters().get("compact.forwarding.addresses")).isEqualTo(idsInAddressOrder.size());
            assertThat(m.counters().get("compact.update.slots")).isEqualTo(liveSlots);
        }
    }
}
