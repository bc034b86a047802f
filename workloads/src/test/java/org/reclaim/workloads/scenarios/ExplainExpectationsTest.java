package org.reclaim.workloads.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reclaim.runtime.ForcedCollection;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.scenarios.ShippedLines.*;

/**
 * Every scenario's explain table, cell by cell, against what Rust, C and each collector give
 * (the contract table of docs/architecture.md). Expectations are written per family ({@code epsilon}, {@code manual},
 * {@code tracing}, {@code refcount}, {@code ownership}) with per-manager overrides, for every
 * manager the design names; they are asserted for the managers that exist, so the test grows
 * stronger as managers land. A cell not mentioned must be empty. Tables are made with
 * {@code --collect-every-line}, so tracing collectors free at the earliest line they can.
 */
class ExplainExpectationsTest {
    private static final int EXIT = -1;
    private static final String ALL = "*";
    /** Managers whose cells for a scenario are not asserted: their behaviour there is theirs to pin down. */
    private static final String UNCHECKED = "(unchecked)";

    /** What one scenario's table must say. */
    private static final class Expected {
        final Scenario scenario;
        final Map<Integer, Map<String, String>> cells = new HashMap<>();
        final List<String> unchecked = new ArrayList<>();

        Expected(Scenario scenario) { this.scenario = scenario; }

        /** On {@code line} (or {@link #EXIT}), the managers of each {@code key} (family, name or {@link #ALL}) show {@code cell}. */
        Expected at(int line, String cell, String... keys) {
            for (String k : keys) cells.computeIfAbsent(line, l -> new HashMap<>()).put(k, cell);
            return this;
        }

        Expected unchecked(String... managers) {
            unchecked.addAll(List.of(managers));
            return this;
        }

        String cell(int row, Managers.Info manager) {
            if (manager.family().equals("ownership") && !scenario.compileErrors().isEmpty()) return rejected(row, manager);
            Map<String, String> byKey = cells.getOrDefault(row == scenario.lines().size() ? EXIT : row, Map.of());
            if (byKey.containsKey(manager.name())) return byKey.get(manager.name());
            if (byKey.containsKey(manager.family())) return byKey.get(manager.family());
            return byKey.getOrDefault(ALL, "");
        }

        /**
         * A program rustc rejects never runs under Rust: checked ownership shows rustc's errors on
         * their lines, trusted ownership says it was not compiled, on the first error's line.
         */
        private String rejected(int row, Managers.Info manager) {
            List<org.reclaim.workloads.rust.Diagnostic> errors = scenario.compileErrors();
            if (manager.name().equals("ownership-trusted"))
                return errors.get(0).line() - 1 == row ? "not compiled (" + errors.get(0).code() + ")" : "";
            return String.join("; ", errors.stream().filter(d -> d.line() - 1 == row).map(d -> "error " + d.code()).toList());
        }

        @Override public String toString() { return scenario.name(); }
    }

    static Stream<Expected> scenarios() {
        return Stream.of(
                // fn get_final_orders: orders freed at the closing brace (Rust) or at dealloc (C)
                new Expected(Scenarios.find(Orders.NAME))
                        .at(Orders.LET_ORDERS, "alloc #1", ALL)
                        .at(Orders.DEALLOC, "free #1", "manual")
                        .at(Orders.END_FN, "free #1", "refcount", "ownership")
                        .at(Orders.END_FN, "gc frees #1", "tracing"),
                new Expected(Scenarios.find(OrdersEarlyScope.NAME))
                        .at(OrdersEarlyScope.LET_ORDERS, "alloc #1", ALL)
                        .at(OrdersEarlyScope.DEALLOC, "free #1", "manual")
                        .at(OrdersEarlyScope.CLOSE, "free #1", "refcount", "ownership")
                        .at(OrdersEarlyScope.CLOSE, "gc frees #1", "tracing"),
                // return years; moves it to main, whose brace frees it
                new Expected(Scenarios.find(YearsReturned.NAME))
                        .at(YearsReturned.LET_YEARS, "alloc #1", ALL)
                        .at(YearsReturned.DEALLOC, "free #1", "manual")
                        .at(YearsReturned.END_MAIN, "free #1", "refcount", "ownership")
                        .at(YearsReturned.END_MAIN, "gc frees #1", "tracing"),
                // print_years(years); print_years(years); -> E0382 use of moved value in Rust; a managed
                // language passes a copy of the reference, so both calls print and main's brace frees it
                new Expected(Scenarios.find(PrintYearsTwice.NAME))
                        .at(PrintYearsTwice.LET_YEARS, "alloc #1", ALL)
                        .at(PrintYearsTwice.FOR, "read freed #1: 2001 2002 2003 2004", "manual")
                        .at(PrintYearsTwice.FOR, "error use after free", "manual+sanitize")
                        .at(PrintYearsTwice.DEALLOC, "free #1; error double free", "manual")
                        .at(PrintYearsTwice.DEALLOC, "free #1", "manual+sanitize")
                        .at(PrintYearsTwice.END_FN, "free #1", "ownership")
                        .at(PrintYearsTwice.END_MAIN, "free #1", "refcount")
                        .at(PrintYearsTwice.END_MAIN, "gc frees #1", "tracing")
                        .at(PrintYearsTwice.CALL_2, "error E0382", "ownership"),
                new Expected(Scenarios.find(PrintYearsClone.NAME))
                        .at(PrintYearsClone.LET_YEARS, "alloc #1", ALL)
                        .at(PrintYearsClone.CALL_CLONE, "alloc #2", ALL)
                        // two calls free on these lines: two events, in the order the calls ran
                        .at(PrintYearsClone.DEALLOC, "free #2; free #1", "manual")
                        .at(PrintYearsClone.END_FN, "free #2; free #1", "ownership")
                        .at(PrintYearsClone.END_FN, "free #2", "refcount")
                        .at(PrintYearsClone.END_FN, "gc frees #2", "tracing")
                        .at(PrintYearsClone.END_MAIN, "free #1", "refcount")
                        .at(PrintYearsClone.END_MAIN, "gc frees #1", "tracing"),
                // drop(orders); ... drop(orders);
                new Expected(Scenarios.find(DoubleFree.NAME))
                        .at(DoubleFree.LET_ORDERS, "alloc #1", ALL)
                        .at(DoubleFree.DROP_1, "free #1", "manual", "refcount", "ownership")
                        .at(DoubleFree.DROP_1, "gc frees #1", "tracing")
                        .at(DoubleFree.DROP_2, "error double free", "manual")
                        .at(DoubleFree.DROP_2, "error E0382", "ownership"),
                // drop(orders); let prices = vec![..]; for order in orders.iter()
                new Expected(Scenarios.find(UseAfterFree.NAME))
                        .at(UseAfterFree.LET_ORDERS, "alloc #1", ALL)
                        .at(UseAfterFree.DROP, "free #1", "manual", "refcount", "ownership")
                        .at(UseAfterFree.DROP, "gc frees #1", "tracing")
                        .at(UseAfterFree.LET_PRICES, "alloc #2", ALL)
                        .at(UseAfterFree.FOR, "read freed #1: 7 8 9 10", "manual")
                        .at(UseAfterFree.FOR, "error use after free", "manual+sanitize")
                        .at(UseAfterFree.FOR, "error null reference", "epsilon", "tracing", "refcount")
                        .at(UseAfterFree.FOR, "error E0382", "ownership")
                        .at(UseAfterFree.DEALLOC, "free #2", "manual")
                        .at(UseAfterFree.DEALLOC, "", "manual+sanitize"),
                // { let context2 = context; } use_context(&context); -> E0382 in Rust; in a managed
                // language context2 is a second reference, and the context lives until main's brace
                new Expected(Scenarios.find(ContextMoved.NAME))
                        .at(ContextMoved.LET_CONTEXT, "alloc #1", ALL)
                        .at(ContextMoved.DESTROY, "free #1", "manual")
                        .at(ContextMoved.CLOSE, "free #1", "ownership")
                        .at(ContextMoved.USE, "read freed #1: 1", "manual")
                        .at(ContextMoved.USE, "error use after free", "manual+sanitize")
                        .at(ContextMoved.USE, "error E0382", "ownership")
                        .at(ContextMoved.END_MAIN, "free #1", "refcount")
                        .at(ContextMoved.END_MAIN, "gc frees #1", "tracing"),
                // length(&datum) borrows: nothing freed when it returns
                new Expected(Scenarios.find(BorrowedLength.NAME))
                        .at(BorrowedLength.LET_DATUM, "alloc #1", ALL)
                        .at(BorrowedLength.DEALLOC, "free #1", "manual")
                        .at(BorrowedLength.END_MAIN, "free #1", "refcount", "ownership")
                        .at(BorrowedLength.END_MAIN, "gc frees #1", "tracing"),
                // a <-> b: counting leaks both, tracing and cycle collection free them
                new Expected(Scenarios.find(RcCycle.NAME))
                        .at(RcCycle.LET_A, "alloc #1", ALL)
                        .at(RcCycle.LET_B, "alloc #2", ALL)
                        .at(RcCycle.END_MAIN, "gc frees #1 #2", "tracing")
                        .at(EXIT, "leak #1 #2", "manual", "refcount", "ownership")
                        .at(RcCycle.END_MAIN, "cycle collection frees #2 #1", "refcount+cycles", "refcount-deferred+cycles")
                        .at(EXIT, "", "refcount+cycles", "refcount-deferred+cycles"),
                // leaf.parent is Weak: no count cycle, both freed at main's brace
                new Expected(Scenarios.find(WeakBackPointer.NAME))
                        .at(WeakBackPointer.LET_LEAF, "alloc #1", ALL)
                        .at(WeakBackPointer.LET_BRANCH, "alloc #2", ALL)
                        .at(WeakBackPointer.RELEASE_BRANCH, "free #2", "manual")
                        .at(WeakBackPointer.RELEASE_LEAF, "free #1", "manual")
                        // dropping branch (declared last) releases leaf's count; leaf's drop then frees branch's block first
                        .at(WeakBackPointer.END_MAIN, "free #2 #1", "refcount", "ownership")
                        .at(WeakBackPointer.END_MAIN, "gc frees #1 #2", "tracing"));
    }

    /** Managers whose every cell is asserted elsewhere or not at all (none now: deferred counting is forced to reconcile every line). */
    private static final Set<String> TIMING_OF_THEIR_OWN = Set.of();

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyCellSaysWhatTheManagerDidOnThatLine(Expected expected) {
        Explanation e = Explainer.explain(expected.scenario, true);
        List<String> mismatches = new ArrayList<>();
        for (Managers.Info manager : Managers.all()) {
            if (expected.unchecked.contains(manager.name()) || TIMING_OF_THEIR_OWN.contains(manager.name())) continue;
            for (int row = 0; row <= e.exitRow(); row++) {
                String want = expected.cell(row, manager), got = e.cell(row, manager.name());
                if (!want.equals(got))
                    mismatches.add(manager.name() + " at " + (row == e.exitRow() ? "(exit)" : "`" + e.lines().get(row).text().strip() + "`")
                            + ": expected [" + want + "] but was [" + got + "]");
            }
        }
        assertThat(mismatches).as(expected.scenario.name()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aForcedTracingCollectorFreesWhereTheTracingColumnSays(Expected expected) {
        Managers.Info toy = new Managers.Info("toy-mark-sweep", "tracing", "test stand-in", ToyMarkSweep::new);
        Explanation e = Explainer.explain(expected.scenario, true, List.of(toy));
        assertThat(e.forced()).containsExactly("toy-mark-sweep");
        for (int row = 0; row <= e.exitRow(); row++)
            assertThat(e.cell(row, toy.name())).as("row " + row).isEqualTo(expected.cell(row, toy));
    }

    @Test
    void withoutForcingATracingCollectorFreesOnlyAtItsExitCollection() {
        Managers.Info toy = new Managers.Info("toy-mark-sweep", "tracing", "test stand-in", ToyMarkSweep::new);
        Explanation e = Explainer.explain(Scenarios.find(Orders.NAME), false, List.of(toy));
        assertThat(e.cell(Orders.END_FN, toy.name())).isEmpty();
        assertThat(e.cell(e.exitRow(), toy.name())).isEqualTo("gc frees #1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void managersThatCannotBeForcedGiveTheSameTableWithoutCollectEveryLine(Expected expected) {
        Explanation forced = Explainer.explain(expected.scenario, true);
        Explanation plain = Explainer.explain(expected.scenario, false);
        for (Managers.Info manager : Managers.all()) {
            if (manager.factory().create(Explainer.HEAP_BYTES, Probe.OFF) instanceof ForcedCollection) continue;
            for (int row = 0; row <= forced.exitRow(); row++)
                assertThat(plain.cell(row, manager.name())).as(manager.name() + " row " + row)
                        .isEqualTo(forced.cell(row, manager.name()));
        }
    }

    @Test
    void errorsKeepTheirCodeAndTheToolsMessage() {
        Explanation e = Explainer.explain(Scenarios.find(PrintYearsTwice.NAME), false);
        Event doubleFree = e.events(PrintYearsTwice.DEALLOC, "manual").get(1);
        assertThat(doubleFree.type()).isEqualTo(Event.Type.ERROR);
        assertThat(doubleFree.detail()).isEqualTo("free(): double free detected: `years`, a Vec<i64> at word 1");
        assertThat(e.events(PrintYearsTwice.FOR, "manual+sanitize").get(0).detail())
                .startsWith("AddressSanitizer: heap-use-after-free");
    }

    @Test
    void theCaptionSaysWhetherCollectionsWereForced() {
        assertThat(Explainer.explain(Scenarios.find(Orders.NAME), true).caption()).contains("--collect-every-line");
        assertThat(Explainer.explain(Scenarios.find(Orders.NAME), false).caption()).contains("run with --collect-every-line");
    }

    @Test
    void everyScenarioHasExpectations() {
        assertThat(scenarios().map(x -> x.scenario.name())).containsExactlyInAnyOrderElementsOf(Scenarios.names());
    }
}
