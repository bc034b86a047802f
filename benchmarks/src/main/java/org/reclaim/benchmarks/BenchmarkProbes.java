package org.reclaim.benchmarks;

import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.runtime.probe.Probe;

/** The probes a benchmark's {@code probe} parameter names: the lab's recorder, or none. */
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
}
