package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.NearestNames;

/**
 * The seed scenarios, by name: Rust programs shipped as resources ({@code scenarios/NAME.rs}),
 * read by the lab's Rust front end.
 */
public final class Scenarios {
    private Scenarios() {}

    private static final List<Scenario> SHIPPED = List.of(
            RustScenario.resource("orders", "a Vec freed at its function's end (Rust) or by dealloc (C)"),
            RustScenario.resource("orders-early-scope", "the Vec in an anonymous scope: Rust frees it as early as C does"),
            RustScenario.resource("years-returned", "a Vec returned to the caller: ownership moves, the caller's scope frees it"),
            RustScenario.resource("print-years-twice", "a Vec moved into a function twice: E0382 in Rust, use after free and double free in C"),
            RustScenario.resource("print-years-clone", "the first call gets a clone: two allocations, each freed by the call that owns it"),
            RustScenario.resource("double-free", "a Vec released twice: caught by C's allocator and by Rust's compiler"),
            RustScenario.resource("use-after-free", "a Vec read after it was released: C reads another object's numbers"),
            RustScenario.resource("context-moved", "zeromq's context moved into an inner scope, then used: E0382 in Rust, use after free in C"),
            RustScenario.resource("borrowed-length", "a borrowed argument is not freed by the callee: the owner frees it later"),
            RustScenario.resource("rc-cycle", "two Rc nodes in a cycle: leaked by counting, freed by tracing"),
            RustScenario.resource("weak-back-pointer", "a child with a Weak back pointer to its parent: no cycle of counts, nothing leaks"));

    /** Every scenario, in the order {@code lab list} prints them. */
    public static List<Scenario> all() { return SHIPPED; }

    public static List<String> names() { return all().stream().map(Scenario::name).toList(); }

    /**
     * The scenario named {@code name}.
     *
     * @throws IllegalArgumentException naming the nearest scenarios if there is none (the lab's
     *         commands ask {@code catalog.Workloads.scenario}, which also says when the name is a
     *         benchmark workload's)
     */
    public static Scenario find(String name) {
        for (Scenario s : all()) if (s.name().equals(name)) return s;
        throw new IllegalArgumentException(NearestNames.unknown("scenario", name, names()));
    }
}
