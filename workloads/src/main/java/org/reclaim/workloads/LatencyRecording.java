package org.reclaim.workloads;

/**
 * A workload that serves requests and records when each one started and ended, so that latency
 * (with coordinated-omission correction against the intended arrival times) can be computed after
 * the run. The arrays are filled during the run with nothing allocated per request. Not thread-safe:
 * it describes the last run of the workload on this thread's lab.
 */
public interface LatencyRecording {

    /**
     * The requests of one run.
     *
     * @param firstIntendedNanos {@link System#nanoTime()} at which request 0 was meant to arrive
     * @param intervalNanos      the intended time between arrivals (0: requests were sent back to back)
     * @param startNanos         when each request started being served ({@code count} entries)
     * @param endNanos           when each request was done
     * @param count              how many requests were served (fewer than the arrays' length if the run failed)
     */
    record Latencies(long firstIntendedNanos, long intervalNanos, long[] startNanos, long[] endNanos, int count) {
        /** When request {@code i} was meant to arrive. */
        public long intendedNanos(int i) { return firstIntendedNanos + i * intervalNanos; }
    }

    /** The requests of the last run, or null before the first run. */
    Latencies latencies();
}
