package org.reclaim.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.jvm.JavaHeap;
import org.reclaim.runtime.probe.Probe;

/** The cheap forms of the contract: scope marks and {@code child}, under every manager and the real JVM's heap. */
class ScopeMarksTest {

    static List<String> managers() { return Managers.names(); }

    /** A list built and returned through marks, then walked with child: the same as with Scope objects. */
    static long buildAndWalk(Mutator m) {
        int node = m.shapes().define("Node", 1, SlotKind.OWNED);
        long sum = 0;
        try (Scope outer = m.scope()) {
            int head = build(m, node, 20);
            int walk = m.enter();                                // the borrows end before head is dropped
            for (int cur = m.borrow(head), next; cur != Handles.NONE; cur = next) {
                sum += m.read(cur, 0);
                next = m.child(cur, 0);
            }
            m.exit(walk);
            m.drop(head);
        }
        return sum;
    }

    private static int build(Mutator m, int node, int n) {
        int body = m.enter();
        int x = m.alloc(node, 0);
        m.write(x, 0, n);
        if (n > 1) m.put(x, 0, build(m, node, n - 1));
        return m.ret(body, x);
    }

    @ParameterizedTest
    @MethodSource("managers")
    void marksAndChildMeanWhatScopesAndBorrowsMean(String manager) {
        MemoryManager m = Managers.find(manager).factory().create(1 << 20, Probe.OFF);
        assertThat(buildAndWalk(m)).isEqualTo(20 * 21 / 2);
        m.finish();
        assertThat(m.handles().depth()).isZero();
        assertThat(m.counters().get("mutator.scope.ends")).isEqualTo(22);
        String family = Managers.find(manager).family();
        if (!family.equals("epsilon") && !family.equals("tracing"))
            assertThat(m.objectsFreed()).isEqualTo(20);
    }

    @ParameterizedTest
    @MethodSource("managers")
    void aMarkThatIsNotTheInnermostScopeIsRefused(String manager) {
        MemoryManager m = Managers.find(manager).factory().create(1 << 20, Probe.OFF);
        int node = m.shapes().define("Node", 0);
        int outer = m.enter();
        int inner = m.enter();
        int x = m.alloc(node, 0);
        assertThatThrownBy(() -> m.ret(outer, x)).isInstanceOfSatisfying(MemoryFault.class,
                f -> assertThat(f.kind()).isEqualTo(MemoryFault.Kind.BAD_INPUT));
        int r = m.ret(inner, x);
        m.exit(inner);                                   // already ended by ret: nothing happens
        assertThat(m.handles().depth()).isEqualTo(outer);
        m.drop(r);
        m.exit(outer);
        assertThat(m.handles().depth()).isZero();
    }

    @org.junit.jupiter.api.Test
    void theRealJvmsHeapHasTheSameMarks() {
        assertThat(buildAndWalk(new JavaHeap())).isEqualTo(20 * 21 / 2);
    }
}
