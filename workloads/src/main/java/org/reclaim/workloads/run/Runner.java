package org.reclaim.workloads.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.RunRecord;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.oracle.LifetimeOracle;
import org.reclaim.runtime.probe.LatencyRecorder;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.LatencyRecording;
import org.reclaim.workloads.Parameters;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.scenarios.Scenario;

/**
 * Runs one workload once under one simulated manager and makes its {@link RunRecord}. Out of
 * memory and caught memory errors are results (status {@code oom}, {@code error}), never crashes.
 * Only the simulated heap's own checks raise memory errors ({@link MemoryFault}); any other
 * exception is a bug of the lab and propagates with its stack trace, never a result row.
 */
public final class Runner {
    /** Leaks listed in a record at most (the counts cover all of them). */
    public static final int LEAKS_LISTED = 20;

    /**
     * An explicit pause (a manual free, a drop-glue run, a decrement cascade) is timed from its
     * {@value}th freed object on: shorter ones cost less than the two clock readings that would
     * time them, and are counted instead ({@code pauses.untimed}); see docs/measurement.md.
     */
    public static final int EXPLICIT_PAUSES_TIMED_FROM = 64;

    /** What one run asks for. */
    public record Request(String workload, String size, String manager, long heapBytes, long seed,
                          Map<String, String> params, long sampleEveryBytes, long oracleEveryBytes) {
        public Request {
            params = Map.copyOf(params);
        }

        /** A request without the lifetime oracle. */
        public Request(String workload, String size, String manager, long heapBytes, long seed,
                       Map<String, String> params, long sampleEveryBytes) {
            this(workload, size, manager, heapBytes, seed, params, sampleEveryBytes, 0);
        }

        /** The same request with the lifetime oracle walking every {@code everyBytes} (0 = off). */
        public Request withOracle(long everyBytes) {
            return new Request(workload, size, manager, heapBytes, seed, params, sampleEveryBytes, everyBytes);
        }

        /** A request with default parameters, footprint sampled every heap/64 bytes of allocation (at least 4 KiB). */
        public Request(String workload, String size, String manager, long heapBytes, long seed) {
            this(workload, size, manager, heapBytes, seed, Map.of(), Math.max(4096, heapBytes / 64));
        }
    }

    /** A finished run: its record, the manager and probe it ran with, and every leak, for further reading. */
    public record Result(RunRecord record, MemoryManager manager, PauseRecorder recorder, List<Leak> allLeaks) {}

    private Runner() {}

    /**
     * Runs {@code r}.
     *
     * @throws IllegalArgumentException for an unknown workload, size, manager or parameter, or a
     *         heap too small to hold one object (before anything runs)
     */
    public static Result run(Request r) {
        return run(r, new PauseRecorder(r.sampleEveryBytes()));
    }

    /**
     * Runs {@code r}, recording through {@code probe}: a {@link PauseRecorder} (with or without
     * JFR events), or {@link Probe#OFF} to measure the probe's own cost.
     *
     * @throws IllegalArgumentException as {@link #run(Request)}
     */
    public static Result run(Request r, Probe probe) {
        Workload workload = Workloads.find(r.workload());
        int size = Workloads.size(workload, r.size());
        Map<String, String> params = Parameters.resolve(workload, r.params());
        Managers.Info info = Managers.find(r.manager());
        MemoryManager m = info.factory().create(r.heapBytes(), probe);
        m.timeExplicitPausesFrom(EXPLICIT_PAUSES_TIMED_FROM);
        if (r.oracleEveryBytes() > 0) m.recordLifetimes(new LifetimeOracle(r.oracleEveryBytes()));
        return run(workload, size, params, m, probe, r);
    }

    /**
     * The request latencies of a request-serving workload ({@link LatencyRecording}) as metrics:
     * service time of each request, corrected for coordinated omission against the intended
     * arrival interval (HdrHistogram's {@code recordValueWithExpectedInterval}, through
     * {@link LatencyRecorder}); empty for other workloads and unfinished runs.
     */
    static Map<String, Double> latencyMetrics(Workload workload, String status) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (!(workload instanceof LatencyRecording lr) || lr.latencies() == null || !status.equals(RunRecord.OK)) return metrics;
        LatencyRecording.Latencies l = lr.latencies();
        if (l.count() == 0) return metrics;
        LatencyRecorder rec = new LatencyRecorder(Math.max(1, l.intervalNanos()));
        for (int i = 0; i < l.count(); i++) rec.record(l.endNanos()[i] - l.startNanos()[i]);
        var h = l.intervalNanos() > 0 ? rec.histogram() : rec.uncorrected();
        metrics.put("latency.p50.ns", (double) h.getValueAtPercentile(50));
        metrics.put("latency.p99.ns", (double) h.getValueAtPercentile(99));
        metrics.put("latency.p999.ns", (double) h.getValueAtPercentile(99.9));
        metrics.put("latency.max.ns", (double) h.getMaxValue());
        metrics.put("latency.uncorrected.p99.ns", (double) rec.uncorrected().getValueAtPercentile(99));
        return metrics;
    }

    /**
     * The counters that count the reference-count operations a manager makes: {@code refcount}'s
     * increments and decrements, and those of {@code Rc} under {@code ownership} (where a move
     * costs none).
     */
    static final List<String> COUNT_OPERATIONS = List.of("counts.increments", "counts.decrements",
            "rc.strong.increments", "rc.weak.increments", "rc.strong.decrements", "rc.weak.decrements");

    /**
     * {@code rc.ops.per.object}: the reference-count operations of the run (the
     * {@link #COUNT_OPERATIONS} counters) per object allocated, for a manager that counts them;
     * absent for the others and for a run that allocated nothing.
     */
    static Map<String, Double> countMetrics(Map<String, Long> counters, long objectsAllocated) {
        if (objectsAllocated == 0 || COUNT_OPERATIONS.stream().noneMatch(counters::containsKey)) return Map.of();
        long ops = 0;
        for (String c : COUNT_OPERATIONS) ops += counters.getOrDefault(c, 0L);
        return Map.of("rc.ops.per.object", ops / (double) objectsAllocated);
    }

    /** Runs {@code workload} on an already made manager (tests use this to inspect the manager afterwards). */
    public static Result run(Workload workload, int size, Map<String, String> params, MemoryManager m,
                             Probe probe, Request r) {
        String status = RunRecord.OK, message = "";
        long checksum = 0;
        List<RunRecord.CaughtError> errors = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            // A scenario's source lines are steps of the oracle's operation clock: its drag shows even where nothing is allocated.
            checksum = workload instanceof Scenario scenario && m.oracle() != null
                    ? scenario.play(m, line -> m.step()) : workload.run(m, size, r.seed(), params);
            if (m.oracle() != null) m.oracle().walk(m, m.bytesAllocated());   // the end: all is unreachable
            m.finish();
        } catch (OutOfMemory e) {
            status = RunRecord.OOM;
            message = e.getMessage();
        } catch (MemoryFault e) {
            status = RunRecord.ERROR;
            message = e.getMessage();
            errors.add(new RunRecord.CaughtError(e.kind().name().toLowerCase(java.util.Locale.ROOT),
                    e.code() == null ? "" : e.code(), e.getMessage()));
        }
        long t1 = System.nanoTime();
        long wall = t1 - t0;
        probe.runSpan(t0, t1);
        List<Leak> leaks = status.equals(RunRecord.OK) ? m.leaks() : List.of();
        long leakedBytes = leaks.stream().mapToLong(Leak::bytes).sum();
        PauseRecorder rec = probe instanceof PauseRecorder p ? p : null;
        Map<String, Long> counters = new LinkedHashMap<>(m.counters().snapshot());
        Map<String, Double> metrics = latencyMetrics(workload, status);
        metrics.putAll(countMetrics(counters, m.objectsAllocated()));
        RunRecord record = new RunRecord(r.workload(), r.size(), m.name(), m.heap().bytes(), r.seed(),
                status, message, checksum, wall,
                rec == null ? 0 : rec.pauseCount(), rec == null ? 0 : rec.pauseTotalNanos(), rec == null ? 0 : rec.pauseMaxNanos(),
                m.objectsAllocated(), m.bytesAllocated(), m.objectsFreed(), m.bytesFreed(),
                leaks.size(), leakedBytes, leaks.subList(0, Math.min(LEAKS_LISTED, leaks.size())),
                errors, counters, metrics);
        return new Result(record, m, rec, leaks);
    }
}
