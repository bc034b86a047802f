package org.reclaim.benchmarks;

import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.run.Runner;

/** The probes a benchmark's {@code probe} parameter names (the lab's recorder, or none), and the fresh manager each measured run gets. */
final class BenchmarkProbes {
    private BenchmarkProbes() {}

    /**
     * {@code recorder} (the lab's {@link PauseRecorder}, sampling footprint every
     * {@code sampleEveryBytes} of allocation) or {@code off} ({@link Probe#OFF}).
     */
    static Probe create(String name, long sampleEveryBytes) {
        return switch (name) {
            case "recorder" -> new PauseRecorder(sampleEveryBytes);
            case "off" -> Probe.OFF;
            default -> throw new IllegalArgumentException("probe must be recorder or off, not " + name);
        };
    }

    /** A fresh manager over {@code heapBytes} with the probe {@code probe}, timing explicit pauses as {@code lab run} does. */
    static MemoryManager freshManager(Managers.Info info, long heapBytes, String probe, long sampleEveryBytes) {
        MemoryManager m = info.factory().create(heapBytes, create(probe, sampleEveryBytes));
        m.timeExplicitPausesFrom(Runner.EXPLICIT_PAUSES_TIMED_FROM);
        return m;
    }
}
