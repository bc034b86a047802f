package org.reclaim.runtime.probe;

/**
 * The one interface every memory manager records through. A manager reads the clock around each
 * pause and reports it with its work; it samples footprint on the allocation clock.
 * Implementations must not allocate per call on their steady-state path.
 *
 * @see PauseRecorder
 */
public interface Probe {
    /**
     * One pause.
     *
     * @param kind        what the pause was
     * @param startNanos  {@link System#nanoTime()} at its start
     * @param endNanos    {@link System#nanoTime()} at its end
     * @param objects     objects the pause processed (marked, copied, freed: the kind's main work)
     * @param words       words the pause processed (scanned, copied or freed)
     * @param inUseBefore heap bytes in use when the pause began
     * @param inUseAfter  heap bytes in use when it ended
     */
    void pause(PauseKind kind, long startNanos, long endNanos, long objects, long words, long inUseBefore, long inUseAfter);

    /**
     * One footprint sample, taken every {@code sampleEveryBytes} of allocation.
     *
     * @param allocatedBytes bytes allocated so far (the allocation clock)
     * @param inUseBytes     bytes of the heap in use now
     */
    void footprint(long allocatedBytes, long inUseBytes);

    /** Bytes of allocation between footprint samples; {@code Long.MAX_VALUE} for none. */
    long sampleEveryBytes();

    /**
     * The run's own span, reported once when it ends: the frame MMU windows slide in.
     *
     * @param startNanos {@link System#nanoTime()} when the workload started
     * @param endNanos   {@link System#nanoTime()} when it ended
     */
    default void runSpan(long startNanos, long endNanos) {}

    /** A probe that records nothing (for measuring the probe's own cost). */
    Probe OFF = new Probe() {
        @Override public void pause(PauseKind kind, long s, long e, long o, long w, long b, long a) {}
        @Override public void footprint(long a, long u) {}
        @Override public long sampleEveryBytes() { return Long.MAX_VALUE; }
    };
}
