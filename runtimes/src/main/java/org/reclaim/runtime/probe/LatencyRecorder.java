package org.reclaim.runtime.probe;

import org.HdrHistogram.Histogram;

/**
 * Request latencies of a request workload, in nanoseconds (3 significant digits), corrected for
 * coordinated omission: requests are meant to arrive every {@code intervalNanos}, so a latency
 * longer than that also stands for the requests that would have been issued, and waited, while it
 * ran (HdrHistogram's {@link Histogram#recordValueWithExpectedInterval}). The uncorrected
 * histogram is kept beside it, to show what the correction adds. Lives beside the probe so a
 * workload can record into it. Not thread-safe.
 */
public final class LatencyRecorder {
    private final long intervalNanos;
    private final Histogram corrected = new Histogram(1, PauseRecorder.HIGHEST_NANOS, 3);
    private final Histogram uncorrected = new Histogram(1, PauseRecorder.HIGHEST_NANOS, 3);

    /**
     * @param intervalNanos the intended time between request arrivals, in nanoseconds (> 0)
     * @throws IllegalArgumentException for an interval that is not positive
     */
    public LatencyRecorder(long intervalNanos) {
        if (intervalNanos <= 0) throw new IllegalArgumentException("the intended request interval must be positive, not " + intervalNanos + " ns");
        this.intervalNanos = intervalNanos;
    }

    /** Records one request's latency, in nanoseconds (at least 1, at most one hour: clamped). */
    public void record(long latencyNanos) {
        long v = Math.max(1, Math.min(latencyNanos, PauseRecorder.HIGHEST_NANOS));
        corrected.recordValueWithExpectedInterval(v, intervalNanos);
        uncorrected.recordValue(v);
    }

    /** The intended interval between requests, in nanoseconds. */
    public long intervalNanos() { return intervalNanos; }

    /** Latencies corrected for coordinated omission: the histogram to report. */
    public Histogram histogram() { return corrected; }

    /** Latencies as measured, one value per request served. */
    public Histogram uncorrected() { return uncorrected; }
}
