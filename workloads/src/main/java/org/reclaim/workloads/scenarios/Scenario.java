package org.reclaim.workloads.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reclaim.runtime.Mutator;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.rust.Steps;

/**
 * A seed scenario: a few lines of Rust (from the seed texts, corrected to valid Rust) with the C
 * programmer's explicit frees beside them, made runnable against the mutator contract. Each step
 * is marked with its source line ({@link Steps#at}), so {@code lab explain} prints where every
 * object is allocated and freed and where each manager reports an error.
 *
 * <p>A scenario is also a workload: it has one program, so every size name ({@code tiny},
 * {@code small}, {@code default}, {@code large}) runs the same one, and it ignores the seed.
 */
public abstract class Scenario implements Workload {
    private static final Map<String, Integer> SIZES = sizes("tiny", "small", "default", "large");

    private static Map<String, Integer> sizes(String... names) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String n : names) m.put(n, 1);
        return m;
    }

    /** The source lines, in order. */
    public abstract List<Listing.Line> lines();

    /**
     * Runs the program, calling {@code steps.at(line)} before each line's operations; returns the
     * value the program computes (what it prints).
     */
    public abstract long play(Mutator m, Steps steps);

    /**
     * Runs the program under a manager of {@code family} ({@code ownership}, {@code manual}, ...):
     * a scenario whose meaning depends on the family (Rust's drop order) overrides this.
     */
    public long play(Mutator m, Steps steps, String family) { return play(m, steps); }

    /** The errors rustc reports for the program, found statically; empty if it compiles (or is not checked). */
    public List<org.reclaim.workloads.rust.Diagnostic> compileErrors() { return List.of(); }

    /** True if the program is valid Rust, so every manager must run it to the same result. */
    public boolean validRust() { return true; }

    @Override public final Map<String, Integer> sizes() { return SIZES; }

    @Override
    public final long run(Mutator m, int size, long seed, Map<String, String> params) {
        return play(m, Steps.NONE);
    }
}
