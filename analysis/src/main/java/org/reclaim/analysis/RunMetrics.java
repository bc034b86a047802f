package org.reclaim.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.reclaim.runtime.RunRecord;
import org.reclaim.runtime.probe.PauseRecorder;

/**
 * The figures of {@link RunRecord#METRICS} a run's recording gives: pause percentiles from the
 * HdrHistogram, MMU at 1, 10 and 100 ms from the pause timeline, footprint peak and time-weighted
 * mean. The same keys for a simulated run (from its {@link PauseRecorder}) and a {@code jvm:*} run
 * (from its JFR recording). The oracle's keys are not computed here. A run with no footprint
 * sample (it allocated less than one sampling interval, or its JVM never collected) has no
 * footprint figures rather than a peak of 0.
 */
public final class RunMetrics {
    private RunMetrics() {}

    /** MMU windows reported in the record, in nanoseconds, with their keys. */
    private static final long[] MMU_WINDOWS = {1_000_000L, 10_000_000L, 100_000_000L};
    private static final String[] MMU_KEYS = {"mmu.1ms", "mmu.10ms", "mmu.100ms"};

    /**
     * The metrics of a simulated run recorded by {@code rec}, whose run has ended; the footprint's
     * clock ends at {@code bytesAllocated}.
     */
    public static Map<String, Double> of(PauseRecorder rec, long bytesAllocated) {
        int n = rec.pauseCount();
        long[] starts = new long[n], durations = new long[n];
        for (int i = 0; i < n; i++) {
            starts[i] = rec.pauseStart(i);
            durations[i] = rec.pauseDuration(i);
        }
        int s = rec.sampleCount();
        long[] clock = new long[s], inUse = new long[s];
        for (int i = 0; i < s; i++) {
            clock[i] = rec.sampleClock(i);
            inUse[i] = rec.sampleInUse(i);
        }
        Mmu mmu = rec.runEnd() > rec.runStart() ? Mmu.of(rec.runStart(), rec.runEnd(), starts, durations, n) : null;
        return metrics(rec.histogram(), mmu, s == 0 ? null : Footprint.of(clock, inUse, s, bytesAllocated));
    }

    /** The metrics of a recording read by {@link JfrPauses}: pauses, and the heap in use after each collection. */
    public static Map<String, Double> of(JfrPauses.Recording r) {
        Histogram h = new Histogram(1, PauseRecorder.HIGHEST_NANOS, 3);
        int n = r.pauses().size();
        long[] starts = new long[n], durations = new long[n];
        Instant origin = r.start();
        for (int i = 0; i < n; i++) {
            JfrPauses.Pause p = r.pauses().get(i);
            h.recordValue(Math.max(1, Math.min(p.nanos(), PauseRecorder.HIGHEST_NANOS)));
            starts[i] = nanos(origin, p.start());
            durations[i] = p.nanos();
        }
        long span = origin == null ? 0 : nanos(origin, r.end());
        Mmu mmu = span > 0 ? Mmu.of(0, span, starts, durations, n) : null;
        List<JfrPauses.HeapSample> samples = r.afterGc();
        long[] clock = new long[samples.size()], inUse = new long[samples.size()];
        for (int i = 0; i < clock.length; i++) {
            clock[i] = nanos(origin, samples.get(i).time());
            inUse[i] = samples.get(i).inUse();
        }
        return metrics(h, mmu, clock.length == 0 ? null : Footprint.of(clock, inUse, clock.length, span));
    }

    private static long nanos(Instant origin, Instant t) { return Duration.between(origin, t).toNanos(); }

    private static Map<String, Double> metrics(Histogram h, Mmu mmu, Footprint footprint) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("pause.p50.ns", (double) h.getValueAtPercentile(50));
        m.put("pause.p90.ns", (double) h.getValueAtPercentile(90));
        m.put("pause.p99.ns", (double) h.getValueAtPercentile(99));
        m.put("pause.p999.ns", (double) h.getValueAtPercentile(99.9));
        if (mmu != null)
            for (int i = 0; i < MMU_WINDOWS.length; i++) m.put(MMU_KEYS[i], mmu.at(MMU_WINDOWS[i]));
        if (footprint != null) {
            m.put("footprint.peak.bytes", (double) footprint.peakBytes());
            m.put("footprint.mean.bytes", footprint.meanBytes());
        }
        return m;
    }
}
