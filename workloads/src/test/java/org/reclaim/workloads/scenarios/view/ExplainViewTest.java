package org.reclaim.workloads.scenarios.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.workloads.scenarios.Event;
import org.reclaim.workloads.scenarios.Explanation;
import org.reclaim.workloads.scenarios.Scenarios;
import org.junit.jupiter.api.Test;

/** The columns a lecturer chooses, last uses and drag on the page, and cells in each language's words. */
class ExplainViewTest {
    private static ExplainView.View view(String scenario, String managers, boolean families) {
        return ExplainView.explain(Scenarios.find(scenario), false, ExplainView.managers(managers, families), families);
    }

    /** The rows (1-based, as the table numbers them) where {@code manager}'s cells hold an event of {@code type}. */
    private static List<Integer> rowsWith(Explanation e, String manager, Event.Type type) {
        return java.util.stream.IntStream.rangeClosed(0, e.exitRow())
                .filter(r -> e.events(r, manager).stream().anyMatch(ev -> ev.type() == type)).map(r -> r + 1).boxed().toList();
    }

    @Test
    void managersGivesExactlyThoseColumnsInThatOrder() {
        Explanation e = view("orders", "manual,mark-sweep,ownership", false).explanation();
        assertThat(e.managers()).containsExactly("manual", "mark-sweep", "ownership");
    }

    @Test
    void anUnknownManagerIsNamedWithTheNearestValidOnes() {
        assertThatThrownBy(() -> ExplainView.managers("manual,mark-swep", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mark-swep").hasMessageContaining("mark-sweep");
        assertThatThrownBy(() -> ExplainView.managers("manual", true)).hasMessageContaining("not both");
    }

    @Test
    void ordersIsDraggedUnderOwnershipFromTheLoopToTheFunctionsEnd() {
        // let final_orders = finish(total_orders);  return final_orders;  — orders held, never used again
        Explanation e = view("orders", "manual,mark-sweep,ownership", false).explanation();
        assertThat(rowsWith(e, "ownership", Event.Type.LAST_USE)).containsExactly(5);
        assertThat(rowsWith(e, "ownership", Event.Type.DRAG)).containsExactly(8, 10);
        assertThat(rowsWith(e, "ownership", Event.Type.FREE)).containsExactly(11);
        // C frees it on its dealloc line, after finish: one line of drag
        assertThat(rowsWith(e, "manual", Event.Type.DRAG)).containsExactly(8);
        assertThat(e.events(7, "ownership")).contains(new Event(Event.Type.DRAG, List.of(1), List.of(), null, null));
    }

    @Test
    void ordersEarlyScopeHasNoDragUnderAnyManager() {
        Explanation e = view("orders-early-scope", null, false).explanation();
        for (String m : e.managers()) assertThat(rowsWith(e, m, Event.Type.DRAG)).as(m).isEmpty();
    }

    @Test
    void familiesMergeIdenticalColumnsAndSayWhichWereMerged() {
        ExplainView.View v = view("orders-early-scope", null, true);
        assertThat(v.explanation().managers()).contains("C", "C+sanitizer", "tracing GC", "Rust").doesNotContain("epsilon");
        assertThat(v.columnsNote()).contains("tracing GC = mark-sweep, mark-compact, semispace, generational (identical in every row)")
                .contains("Rust = ownership, ownership-trusted (identical in every row)");
    }

    @Test
    void aNullReferenceUnderACollectorIsJavasNullPointerExceptionNotACrashOfTheCollector() {
        Explanation e = view("use-after-free", "manual,mark-sweep,refcount", false).explanation();
        Event error = e.events(6, "mark-sweep").stream().filter(ev -> ev.type() == Event.Type.ERROR).findFirst().orElseThrow();
        assertThat(error.code()).isEqualTo("NullPointerException");
        assertThat(error.detail()).contains("cannot free").contains("set the reference to null");
        assertThat(e.events(6, "manual")).noneMatch(ev -> ev.type() == Event.Type.ERROR);
    }

    @Test
    void lifetimesOfOrdersUnderATracingCollectorEndWhenItsFunctionReturns() {
        Lifetimes l = Lifetimes.of(Scenarios.find("orders"), Managers.find("mark-sweep"));
        Lifetimes.Life orders = l.object(1);
        assertThat(orders.allocated()).isEqualTo(2);
        assertThat(orders.lastUse()).isEqualTo(4);
        assertThat(orders.unreachable()).isEqualTo(10);
        assertThat(orders.freed()).isEqualTo(-1);
        assertThat(orders.drag()).containsExactly(7, 9);
    }
}
