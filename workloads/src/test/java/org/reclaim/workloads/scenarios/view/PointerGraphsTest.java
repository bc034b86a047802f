package org.reclaim.workloads.scenarios.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.scenarios.Explainer;
import org.reclaim.workloads.scenarios.Scenario;
import org.reclaim.workloads.scenarios.Scenarios;

class PointerGraphsTest {

    /** Each step as its row, then its nodes' and edges' descriptions. */
    private static List<String> steps(String scenario, String manager) {
        return PointerGraphs.of(Scenarios.find(scenario), Managers.find(manager)).steps().stream()
                .map(s -> "row " + s.row() + ": " + String.join("; ", s.nodes().stream().map(PointerGraphs.Node::describe).toList())
                        + " / " + String.join("; ", s.edges().stream().map(PointerGraphs.Edge::describe).toList())
                        + (s.note().isEmpty() ? "" : " / " + s.note()))
                .toList();
    }

    @Test
    void rcCycleUnderOwnershipLeavesTwoNodesHoldingEachOtherAtCountOne() {
        // let a = Rc::new(..); let b = Rc::new(.. Some(Rc::clone(&a)) ..); *a.next.borrow_mut() = Some(Rc::clone(&b));
        assertThat(steps("rc-cycle", "ownership")).containsExactly(
                "row 4: a; #1 Node | 1 | strong 1, weak 0 / a -[Rc, strong 1]-> #1",
                "row 5: a; b; #1 Node | 1 | strong 2, weak 0; #2 Node | 2 | strong 1, weak 0"
                        + " / a -[Rc, strong 2]-> #1; b -[Rc, strong 1]-> #2; #2 -[Rc, strong 2]-> #1",
                "row 6: a; b; #1 Node | 1 | strong 2, weak 0; #2 Node | 2 | strong 2, weak 0"
                        + " / a -[Rc, strong 2]-> #1; b -[Rc, strong 2]-> #2; #1 -[Rc, strong 2]-> #2; #2 -[Rc, strong 2]-> #1",
                "row 10: #1 Node | 1 | strong 1, weak 0 (unreachable); #2 Node | 2 | strong 1, weak 0 (unreachable)"
                        + " / #1 -[Rc, strong 1]-> #2; #2 -[Rc, strong 1]-> #1",
                "row 11: #1 Node | 1 | strong 1, weak 0 (leaked); #2 Node | 2 | strong 1, weak 0 (leaked)"
                        + " / #1 -[Rc, strong 1]-> #2; #2 -[Rc, strong 1]-> #1 / leaked at exit: #1 #2");
    }

    @Test
    void rcCycleUnderATracingCollectorHasNoCountsAndNothingLeaked() {
        List<String> s = steps("rc-cycle", "mark-sweep");
        assertThat(s.get(2)).isEqualTo("row 6: a; b; #1 Node | 1; #2 Node | 2"
                + " / a -[Rc]-> #1; b -[Rc]-> #2; #1 -[Rc]-> #2; #2 -[Rc]-> #1");
        assertThat(s.getLast()).doesNotContain("leaked");
    }

    @Test
    void weakBackPointerCountsOneWeakAndFreesBothAtTheScopeEnd() {
        assertThat(steps("weak-back-pointer", "ownership")).containsExactly(
                "row 4: leaf; #1 Node | 3 | strong 1, weak 0 / leaf -[Rc, strong 1]-> #1",
                "row 5: leaf; branch; #1 Node | 3 | strong 1, weak 0; #2 Node | 5 | strong 1, weak 0"
                        + " / leaf -[Rc, strong 1]-> #1; branch -[Rc, strong 1]-> #2",
                "row 6: leaf; branch; #1 Node | 3 | strong 2, weak 0; #2 Node | 5 | strong 1, weak 0"
                        + " / leaf -[Rc, strong 2]-> #1; branch -[Rc, strong 1]-> #2; #2 -[Rc, strong 2]-> #1",
                "row 7: leaf; branch; #1 Node | 3 | strong 2, weak 0; #2 Node | 5 | strong 1, weak 1"
                        + " / leaf -[Rc, strong 2]-> #1; branch -[Rc, strong 1]-> #2; #1 -[Weak, weak 1]-> #2; #2 -[Rc, strong 2]-> #1",
                "row 8: leaf; branch; parent; #1 Node | 3 | strong 2, weak 0; #2 Node | 5 | strong 2, weak 1"
                        + " / leaf -[Rc, strong 2]-> #1; branch -[Rc, strong 2]-> #2; parent -[Rc, strong 2]-> #2; #1 -[Weak, weak 1]-> #2; #2 -[Rc, strong 2]-> #1",
                "row 13: #1 Node | 3 (freed); #2 Node | 5 (freed) / ",
                "row 14: #1 Node | 3 (freed); #2 Node | 5 (freed) / ");
    }

    @Test
    void aDanglingPointerOfCIsAnEdgeToTheFreedObjectOrToTheObjectNowInItsBlock() {
        List<String> s = steps("use-after-free", "manual");
        assertThat(s).anyMatch(l -> l.contains("-[owns, dangling]-> #1") && l.contains("#1 Vec<i64>") && l.contains("(freed)"));
    }

    @Test
    void greyedObjectsAreExactlyWhatTheManagerFreed() {
        for (Scenario sc : Scenarios.all())
            for (Managers.Info info : Managers.all()) {
                PointerGraphs g = PointerGraphs.of(sc, info);
                if (g.steps().isEmpty()) continue;
                MemoryManager m = info.factory().create(Explainer.HEAP_BYTES, Probe.OFF);
                BitSet freed = new BitSet(), whenTheLineBegan = new BitSet();
                m.onFree(freed::set);
                BitSet expected;
                try {
                    sc.play(m, line -> {
                        whenTheLineBegan.clear();
                        whenTheLineBegan.or(freed);
                    }, info.family());
                    m.finish();
                    expected = freed;
                } catch (MemoryFault e) {
                    expected = whenTheLineBegan;      // an error's step is the heap as its line found it
                }
                assertThat(g.steps().getLast().objects(PointerGraphs.State.FREED)).as(sc.name() + " under " + info.name()).isEqualTo(expected);
            }
    }

    @Test
    void anErrorsStepIsTheHeapAsItsLineFoundIt() {
        // double-free.rs under manual: the second free of the same Vec is caught, as glibc catches it
        PointerGraphs g = PointerGraphs.of(Scenarios.find("double-free"), Managers.find("manual"));
        PointerGraphs.Step last = g.steps().getLast();
        assertThat(last.note()).contains("double free");
        assertThat(last.objects(PointerGraphs.State.FREED).cardinality()).isEqualTo(1);
        assertThat(last.edges()).anyMatch(e -> e.label().endsWith("dangling"));
    }

    @Test
    void aProgramRustcRejectsHasNoStepsUnderOwnershipAndManualIsItsDefault() {
        Scenario twice = Scenarios.find("print-years-twice");
        PointerGraphs g = PointerGraphs.of(twice, Managers.find("ownership"));
        assertThat(g.steps()).isEmpty();
        assertThat(g.note()).contains("rustc rejects print-years-twice", "E0382");
        assertThat(PointerGraphs.defaultManager(twice).name()).isEqualTo("manual");
        assertThat(PointerGraphs.defaultManager(Scenarios.find("rc-cycle")).name()).isEqualTo("ownership");
    }

    @Test
    void onlyScenariosWhoseObjectsPointToEachOtherShare() {
        assertThat(Scenarios.all().stream().filter(s -> PointerGraphs.of(s, PointerGraphs.defaultManager(s)).sharing()).map(Scenario::name))
                .containsExactly("rc-cycle", "weak-back-pointer");
    }
}
