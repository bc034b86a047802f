package org.reclaim.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.manual.Manual;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.runtime.probe.Probe;

/**
 * The work counters (issue 20: every unit of work counted, each name documented) and the pause
 * clock's rule for explicit pauses.
 */
class WorkCountersTest {

    /** Builds and drops {@code lists} lists of {@code length} boxed nodes with a data word each; returns the sum read back. */
    static long lists(MemoryManager m, int lists, int length) {
        int node = m.shapes().idOf("Node");
        if (node < 0) node = m.shapes().define("Node", 1, SlotKind.OWNED);
        long sum = 0;
        try (Scope outer = m.scope()) {
            for (int l = 0; l < lists; l++) {
                try (Scope s = m.scope()) {
                    int head = m.alloc(node, 0);
                    for (int i = 1; i < length; i++) {
                        int n = m.alloc(node, 0);
                        m.write(n, 0, i);
                        m.put(n, 0, head);
                        head = n;
                    }
                    int cur = m.borrow(head);
                    do sum += m.read(cur, 0); while (m.advance(cur, 0));
                    m.drop(cur);
                    m.drop(head);
                }
            }
        }
        m.finish();
        return sum;
    }

    static List<String> managers() { return Managers.names(); }

    @ParameterizedTest
    @MethodSource("managers")
    void theContractsOwnOperationsAreCountedAlike(String manager) {
        MemoryManager m = Managers.find(manager).factory().create(1 << 20, Probe.OFF);
        lists(m, 3, 10);
        Counters c = m.counters();
        assertThat(c.get("mutator.writes")).isEqualTo(3 * 9);
        assertThat(c.get("mutator.reads")).isEqualTo(3 * 10);
        assertThat(c.get("mutator.scope.ends")).isEqualTo(4);
        assertThat(c.get("alloc.objects")).isEqualTo(30);
        assertThat(c.get("alloc.words")).isEqualTo(30 * 4);
        // 9 puts and 10 advances per list
        assertThat(c.get("mutator.slot.accesses")).isEqualTo(3 * (9 + 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"semispace", "generational"})
    void copyingCollectorsCountTheDeadByArithmeticExactlyAsAParseWould(String manager) {
        MemoryManager counted = Managers.find(manager).factory().create(64 << 10, Probe.OFF);
        MemoryManager parsed = Managers.find(manager).factory().create(64 << 10, Probe.OFF);
        List<Integer> freed = new ArrayList<>();
        parsed.onFree(freed::add);              // a listener makes the collector parse for each identity
        assertThat(lists(counted, 200, 50)).isEqualTo(lists(parsed, 200, 50));
        assertThat(parsed.counters().get("words.parsed.for-accounting")).isPositive();
        assertThat(counted.counters().get("words.parsed.for-accounting")).isZero();
        assertThat(counted.objectsFreed()).isEqualTo(parsed.objectsFreed()).isEqualTo(freed.size()).isPositive();
        assertThat(counted.bytesFreed()).isEqualTo(parsed.bytesFreed());
    }

    @Test
    void anExplicitPauseShorterThanItsClockIsCountedNotTimed() {
        PauseRecorder rec = new PauseRecorder(0);
        MemoryManager m = new Manual(1 << 20, rec, false);
        m.timeExplicitPausesFrom(64);
        lists(m, 2, 63);           // two frees of 63 objects: never timed
        lists(m, 1, 64);           // one of 64: timed from its 64th object
        assertThat(m.counters().get("pauses.untimed")).isEqualTo(2);
        assertThat(m.counters().get("pauses.untimed.objects")).isEqualTo(2 * 63);
        assertThat(rec.pauseCount()).isEqualTo(1);
        assertThat(rec.pauseKind(0)).isEqualTo(PauseKind.FREE);
        assertThat(rec.pauseObjects(0)).isEqualTo(64);
    }

    @Test
    void aDanglingPointerThatLeavesTheHeapIsTheHeapsOwnSegmentationFault() {
        Manual m = new Manual(1 << 16, Probe.OFF, false);
        int node = m.shapes().define("Node", 0, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int freed = m.alloc(node, 0);
            int a = m.handles().addr(m.handles().index(freed));
            m.free(freed);
            m.heap().words[a + 2] = Integer.MAX_VALUE - 1;             // whatever lives there now, where the slot was
            int wild = m.borrow(freed, 0);                              // reads the "pointer"
            assertThatThrownBy(() -> m.read(wild, 0)).isInstanceOfSatisfying(MemoryFault.class, f -> {
                assertThat(f.kind()).isEqualTo(MemoryFault.Kind.USE_AFTER_FREE);
                assertThat(f.code()).isEqualTo("segfault");
            });
        }
    }

    /** Every counter any manager reports is in docs/measurement.md's table, with its side and unit. */
    @Test
    void everyCounterNameIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "measurement.md"));
        TreeSet<String> missing = new TreeSet<>();
        for (String manager : Managers.names()) {
            MemoryManager m = Managers.find(manager).factory().create(1 << 20, Probe.OFF);
            lists(m, 1, 5);
            for (Map.Entry<String, Long> e : m.counters().snapshot().entrySet())
                if (!doc.contains("| `" + e.getKey() + "` |")) missing.add(e.getKey() + " (" + manager + ")");
        }
        assertThat(missing).isEmpty();
    }
}
