package org.reclaim.workloads.scenarios.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.Managers;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.MemoryManager;
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
                BitSet freed = new BitSet();
                m.onFree(freed::set);
                try {
                    sc.play(m, line -> {}, info.family());
                    m.finish();
                } catch (MemoryFault e) {
                    // the run stops where the error is, as the diagrams' last step does
                }
                assertThat(g.steps().getLast().objects(PointerGraphs.State.FREED)).as(sc.name() + " under " + info.name()).isEqualTo(freed);
            }
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
