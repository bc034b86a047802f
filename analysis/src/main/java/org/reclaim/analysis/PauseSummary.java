package org.reclaim.analysis;

import java.util.Arrays;
import java.util.Collection;

/**
 * The pause summary {@code lab jfr} prints per collector: count, total, min, median, p90, p99,
 * p99.9 and max, in nanoseconds. Percentiles are exact, by nearest rank over the sorted pauses.
 *
 * @param collector the collector's name, or {@link #ALL}
 */
public record PauseSummary(String collector, long count, long totalNanos, long minNanos, long medianNanos,
                           long p90Nanos, long p99Nanos, long p999Nanos, long maxNanos) {

    /** The collector name of the summary over every pause. */
    public static final String ALL = "all";

    /** The summary of {@code durations} (nanoseconds). */
    public static PauseSummary of(String collector, Collection<Long> durations) {
        long[] d = durations.stream().mapToLong(Long::longValue).sorted().toArray();
        if (d.length == 0) return new PauseSummary(collector, 0, 0, 0, 0, 0, 0, 0, 0);
        return new PauseSummary(collector, d.length, Arrays.stream(d).sum(), d[0], rank(d, 0.5), rank(d, 0.9),
                rank(d, 0.99), rank(d, 0.999), d[d.length - 1]);
    }

    /** The nearest-rank percentile {@code p} (0..1) of sorted {@code d}. */
    static long rank(long[] d, double p) {
        int i = (int) Math.ceil(p * d.length) - 1;
        return d[Math.max(0, Math.min(d.length - 1, i))];
    }
}
