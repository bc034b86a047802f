package org.reclaim.runtime.probe;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The standard probe: pause durations into an HdrHistogram (nanoseconds, 3 significant digits)
 * and a compact timeline of every pause in primitive arrays, plus footprint samples. Nothing is
 * allocated per pause once the arrays have grown. Not thread-safe: one mutator thread.
 *
 * <p>With JFR on, each pause and footprint sample is also a {@link PauseEvent} or
 * {@link FootprintEvent} carrying the same figures, for a recording of the run.
 */
public final class PauseRecorder implements Probe {
    /** Longest pause the histogram holds: one hour. */
    public static final long HIGHEST_NANOS = 3_600_000_000_000L;

    private final Histogram histogram = new Histogram(1, HIGHEST_NANOS, 3);
    private final long sampleEvery;
    private final boolean jfr;
    private long runStart, runEnd;
    private long[] starts = new long[64];
    private long[] durations = new long[64];
    private byte[] kinds = new byte[64];
    private long[] objects = new long[64];
    private long[] words = new long[64];
    private long[] before = new long[64];
    private long[] after = new long[64];
    private int pauses;
    private long total;
    private long max;

    private long[] sampleClock = new long[64];
    private long[] sampleInUse = new long[64];
    private int samples;

    /** A recorder that samples footprint every {@code sampleEveryBytes} of allocation. */
    public PauseRecorder(long sampleEveryBytes) {
        this(sampleEveryBytes, false);
    }

    /**
     * A recorder that samples footprint every {@code sampleEveryBytes} of allocation and, if
     * {@code jfr}, emits a JFR event for each pause and sample (recorded when a recording with
     * them enabled is running).
     */
    public PauseRecorder(long sampleEveryBytes, boolean jfr) {
        this.sampleEvery = sampleEveryBytes <= 0 ? Long.MAX_VALUE : sampleEveryBytes;
        this.jfr = jfr;
    }

    @Override
    public void pause(PauseKind kind, long startNanos, long endNanos, long objectCount, long wordCount,
                      long inUseBefore, long inUseAfter) {
        long d = Math.max(1, endNanos - startNanos);
        if (pauses == starts.length) {
            int n = pauses * 2;
            starts = Arrays.copyOf(starts, n);
            durations = Arrays.copyOf(durations, n);
            kinds = Arrays.copyOf(kinds, n);
            objects = Arrays.copyOf(objects, n);
            words = Arrays.copyOf(words, n);
            before = Arrays.copyOf(before, n);
            after = Arrays.copyOf(after, n);
        }
        before[pauses] = inUseBefore;
        after[pauses] = inUseAfter;
        starts[pauses] = startNanos;
        durations[pauses] = d;
        kinds[pauses] = (byte) kind.ordinal();
        objects[pauses] = objectCount;
        words[pauses] = wordCount;
        pauses++;
        total += d;
        if (d > max) max = d;
        histogram.recordValue(Math.min(d, HIGHEST_NANOS));
        if (jfr) PauseEvent.emit(kind, d, objectCount, wordCount, inUseBefore, inUseAfter);
    }

    @Override
    public void footprint(long allocatedBytes, long inUseBytes) {
        if (samples == sampleClock.length) {
            sampleClock = Arrays.copyOf(sampleClock, samples * 2);
            sampleInUse = Arrays.copyOf(sampleInUse, samples * 2);
        }
        sampleClock[samples] = allocatedBytes;
        sampleInUse[samples] = inUseBytes;
        samples++;
        if (jfr) FootprintEvent.emit(allocatedBytes, inUseBytes);
    }

    @Override public long sampleEveryBytes() { return sampleEvery; }

    @Override
    public void runSpan(long startNanos, long endNanos) {
        this.runStart = startNanos;
        this.runEnd = endNanos;
    }

    // ---- reading ----

    /** The pause-duration histogram, in nanoseconds. */
    public Histogram histogram() { return histogram; }
    /** {@link System#nanoTime()} when the run started, once it has ended (else 0). */
    public long runStart() { return runStart; }
    /** {@link System#nanoTime()} when the run ended (else 0). */
    public long runEnd() { return runEnd; }
    public int pauseCount() { return pauses; }
    public long pauseTotalNanos() { return total; }
    public long pauseMaxNanos() { return max; }
    public long pauseStart(int i) { return starts[i]; }
    public long pauseDuration(int i) { return durations[i]; }
    public PauseKind pauseKind(int i) { return PauseKind.values()[kinds[i]]; }
    public long pauseObjects(int i) { return objects[i]; }
    public long pauseWords(int i) { return words[i]; }
    public long pauseInUseBefore(int i) { return before[i]; }
    public long pauseInUseAfter(int i) { return after[i]; }
    public int sampleCount() { return samples; }
    public long sampleClock(int i) { return sampleClock[i]; }
    public long sampleInUse(int i) { return sampleInUse[i]; }
}
