package org.reclaim.analysis;

/**
 * Footprint of a run from its samples of bytes in use: the peak, and the time-weighted mean on the
 * samples' own clock (the allocation clock for simulated runs, wall time for the JVM's heap
 * summaries). Each sample holds until the next one; the last holds until {@code end}.
 *
 * @param peakBytes the largest sample
 * @param meanBytes the time-weighted mean
 */
public record Footprint(long peakBytes, double meanBytes) {

    /**
     * The footprint of {@code count} samples, sample {@code i} taken at {@code clock[i]} (non
     * decreasing) with {@code inUse[i]} bytes in use, the run ending at {@code end}. No samples
     * give zeros; samples that span no time give their plain mean.
     */
    public static Footprint of(long[] clock, long[] inUse, int count, long end) {
        if (count == 0) return new Footprint(0, 0);
        long peak = 0;
        double weighted = 0, plain = 0;
        for (int i = 0; i < count; i++) {
            peak = Math.max(peak, inUse[i]);
            long until = i + 1 < count ? clock[i + 1] : Math.max(end, clock[i]);
            weighted += (double) inUse[i] * (until - clock[i]);
            plain += inUse[i];
        }
        long spanned = Math.max(end, clock[count - 1]) - clock[0];
        return new Footprint(peak, spanned > 0 ? weighted / spanned : plain / count);
    }
}
