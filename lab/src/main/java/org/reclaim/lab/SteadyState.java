package org.reclaim.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * When a cell's warm-up ends (DaCapo's convergence rule, as its harness applies it with
 * {@code -converge}): after at least the campaign's {@code warmup} iterations, once the last
 * {@value #WINDOW} iteration times have a coefficient of variation (standard deviation over mean)
 * of at most {@value #MAX_VARIATION}, or after {@value #EXTRA} iterations more than the minimum,
 * whichever comes first. The measured iteration follows in the same JVM, so it runs on code the JIT
 * has compiled and a heap the host's collector has settled. {@code lab run --warmup} applies it:
 * in the lab's JVM for a simulated manager, in the forked JVM under test for a {@code jvm:*} one
 * ({@link JvmCell}).
 */
final class SteadyState {
    private SteadyState() {}

    /** Iterations whose times must agree. */
    static final int WINDOW = 3;
    /** Their largest coefficient of variation. */
    static final double MAX_VARIATION = 0.05;
    /** Iterations allowed beyond the minimum before the warm-up gives up waiting. */
    static final int EXTRA = 3;

    /**
     * Runs warm-up iterations until the rule holds.
     *
     * @param minimum   the campaign's {@code warmup}: iterations always run (0 runs none)
     * @param iteration runs one iteration and returns its time in nanoseconds, or a negative
     *                  number when it failed (out of memory): that ends the warm-up, since every
     *                  further iteration would fail the same way
     * @return every warm-up iteration's time, in order (a failed one last)
     */
    static List<Long> warmUp(int minimum, LongSupplier iteration) {
        List<Long> times = new ArrayList<>();
        if (minimum <= 0) return times;
        while (times.size() < minimum + EXTRA) {
            long t = iteration.getAsLong();
            times.add(t);
            if (t < 0) break;
            if (times.size() >= minimum && settled(times)) break;
        }
        return times;
    }

    /** Whether the last {@link #WINDOW} times vary by at most {@link #MAX_VARIATION}. */
    static boolean settled(List<Long> times) {
        if (times.size() < WINDOW) return false;
        List<Long> last = times.subList(times.size() - WINDOW, times.size());
        double mean = last.stream().mapToLong(Long::longValue).average().orElse(0);
        if (mean <= 0) return true;
        double ss = last.stream().mapToDouble(t -> (t - mean) * (t - mean)).sum();
        return Math.sqrt(ss / (WINDOW - 1)) / mean <= MAX_VARIATION;
    }
}
