package org.reclaim.runtime;

import java.util.List;
import java.util.Map;

/**
 * The record of one run of one workload under one manager: what {@code lab run --json} prints and
 * what a campaign's {@code results.csv} holds a row of. Every manager fills the same fields.
 *
 * @param workload         workload or scenario name
 * @param size             size name ({@code tiny}, {@code small}, ...)
 * @param manager          manager name, variant included
 * @param heapBytes        simulated heap capacity (for {@code jvm:*}, {@code -Xmx})
 * @param seed             the workload's seed
 * @param status           {@code ok}, {@code oom} or {@code error}
 * @param message          why the run did not end ok, else empty
 * @param checksum         the workload's result (0 when it did not finish)
 * @param wallNanos        wall time of the workload, memory management included
 * @param pauseCount       pauses recorded
 * @param pauseTotalNanos  their total
 * @param pauseMaxNanos    the longest
 * @param objectsAllocated objects allocated
 * @param bytesAllocated   bytes allocated
 * @param objectsFreed     objects freed (by the program or the manager)
 * @param bytesFreed       bytes freed
 * @param leakedObjects    objects still allocated at exit with nothing to free them
 * @param leakedBytes      their bytes
 * @param leaks            the first leaks, with their allocation sites
 * @param errors           memory errors caught
 * @param counters         the manager's work counters
 * @param metrics          figures computed from the recording ({@link #METRICS} names them); absent when not computed
 */
public record RunRecord(
        String workload, String size, String manager, long heapBytes, long seed,
        String status, String message, long checksum, long wallNanos,
        long pauseCount, long pauseTotalNanos, long pauseMaxNanos,
        long objectsAllocated, long bytesAllocated, long objectsFreed, long bytesFreed,
        long leakedObjects, long leakedBytes, List<Leak> leaks,
        List<CaughtError> errors, Map<String, Long> counters, Map<String, Double> metrics) {

    /**
     * The metrics a run record may carry, in the order a campaign's CSV lists them: pause
     * percentiles (ns), MMU at three windows (0..1), footprint peak and time-weighted mean (bytes
     * in use on the allocation clock), request latencies of request-serving workloads (ns,
     * corrected for coordinated omission, and the uncorrected p99 beside them), when the lifetime oracle ran, the time-weighted mean
     * bytes of each part of the split on the allocation clock, the count of void objects and the
     * oracle's walk granularity, and for a manager that keeps reference counts the count operations
     * (increments and decrements) per object allocated.
     */
    public static final java.util.List<String> METRICS = java.util.List.of(
            "pause.p50.ns", "pause.p90.ns", "pause.p99.ns", "pause.p999.ns",
            "mmu.1ms", "mmu.10ms", "mmu.100ms",
            "footprint.peak.bytes", "footprint.mean.bytes",
            "latency.p50.ns", "latency.p99.ns", "latency.p999.ns", "latency.max.ns", "latency.uncorrected.p99.ns",
            "oracle.live.mean.bytes", "oracle.drag.mean.bytes", "oracle.garbage-held.mean.bytes",
            "oracle.leaked.mean.bytes", "oracle.void.objects", "oracle.granularity.bytes",
            "rc.ops.per.object");

    /** Statuses a run can end with. */
    public static final String OK = "ok", OOM = "oom", ERROR = "error";

    /**
     * A memory error a manager caught.
     *
     * @param kind    {@link MemoryFault.Kind} name, lower case
     * @param code    Rust's code where there is one, else empty
     * @param message the report, in the words of the tool that makes it
     */
    public record CaughtError(String kind, String code, String message) {}
}
