package org.reclaim.workloads.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.workloads.Workload;

/**
 * A seed scenario: a few lines of Rust (from {@code ../shared/seeds/}, corrected to valid Rust)
 * with the C programmer's explicit frees beside them, made runnable against the mutator contract.
 * Each step is marked with its source line ({@link Steps#at}), so {@code lab explain} prints where
 * every object is allocated and freed and where each manager reports an error.
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

    /** True if the program is valid Rust, so every manager must run it to the same result. */
    public boolean validRust() { return true; }

    @Override public final Map<String, Integer> sizes() { return SIZES; }

    // ---- the few Rust idioms the scenarios share ----

    /** {@code let name = vec![values...];}: a new {@code type} holding {@code values}, named for errors and tables. */
    protected static int vec(Mutator m, String type, String name, long... values) {
        int shape = m.shapes().idOf(type);
        if (shape < 0) shape = m.shapes().defineDataArray(type, 0);
        int v = m.alloc(shape, values.length);
        for (int i = 0; i < values.length; i++) m.write(v, i, values[i]);
        m.name(v, name);
        return v;
    }

    /**
     * {@code for x in v.iter() { total += x; }}: each element is read on the {@code for} line and
     * added on the body line; returns the total. The iterator's borrow is named after the Vec
     * ({@code name}), so an error on it names the variable.
     */
    protected static long sum(Mutator m, Steps s, int forLine, int bodyLine, int vec, String name) {
        try (Scope loop = m.scope()) {
            s.at(forLine);
            int it = m.borrow(vec);
            m.name(it, name);
            int n = m.length(it);
            long total = 0;
            for (int i = 0; i < n; i++) {
                s.at(forLine);
                long x = m.read(it, i);
                s.at(bodyLine);
                total += x;
            }
            s.at(forLine);
            return total;
        }
    }

    @Override
    public final long run(Mutator m, int size, long seed, Map<String, String> params) {
        return play(m, Steps.NONE);
    }
}
