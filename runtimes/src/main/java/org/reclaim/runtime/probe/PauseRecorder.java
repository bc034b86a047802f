package org.reclaim.runtime.probe;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The standard probe: pause durations into an HdrHistogram (nanoseconds, 3 significant digits)
 * and a compact timeline of every pause in primitive arrays, plus footprint samples. Nothing is
 * allocated per pause once the arrays have grown. Not thread-safe: one mutator thread.
 */
public final class PauseRecorder implements Probe {
    /** Longest pause the histogram holds: one hour. */
    public static final long HIGHEST_NANOS = 3_600_000_000_000L;

    private final Histogram histogram = new Histogram(1, HIGHEST_NANOS, 3);
    private final long sampleEvery;
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
        this.sampleEvery = sampleEveryBytes <= 0 ? Long.MAX_VALUE : sampleEveryBytes;
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
    }

    @Override public long sampleEveryBytes() { return sampleEvery; }

    // ---- reading ----

    /** The pause-duration histogram, in nanoseconds. */
    public Histogram histogram() { return histogram; }
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
