package org.reclaim.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Minimum mutator utilisation (Cheng &amp; Blelloch 2001) of one run, from its pause timeline:
 * for a window size {@code w}, the smallest fraction of any window of {@code w} inside the run
 * that the mutator had, the pauses taken out. Bounded mutator utilisation (BMU, Sengupta et al.)
 * beside it: the smallest MMU of any window at least as large, so a BMU curve never falls as the
 * window grows.
 *
 * <p>A window's pause time is piecewise linear in where the window starts, so its largest value is
 * found with the window starting or ending at a pause's start or end: the candidates, swept in
 * order with two cursors over the cumulative pause time, cost O(n log n) per window size.
 */
public final class Mmu {
    /** The smallest window a curve starts at: 10 µs. */
    public static final long SMALLEST_WINDOW_NANOS = 10_000;

    private final long span;
    private final long[] starts;
    private final long[] ends;
    private final long[] before;   // pause time before pause i starts
    private final long totalPause;

    /** One point of a curve: a window size with the MMU and BMU there (0..1). */
    public record Point(long windowNanos, double mmu, double bmu) {}

    private Mmu(long span, long[] starts, long[] ends) {
        this.span = span;
        this.starts = starts;
        this.ends = ends;
        this.before = new long[starts.length + 1];
        for (int i = 0; i < starts.length; i++) before[i + 1] = before[i] + (ends[i] - starts[i]);
        this.totalPause = before[starts.length];
    }

    /**
     * The MMU of a run that lasted {@code [runStart, runEnd]} and paused {@code count} times, pause
     * {@code i} beginning at {@code starts[i]} and lasting {@code durations[i]} (nanoseconds, on the
     * same clock as the run's span). Pauses may come in any order; overlapping ones are merged and
     * any part outside the run is cut off.
     *
     * @throws IllegalArgumentException if the run does not last a positive time
     */
    public static Mmu of(long runStart, long runEnd, long[] starts, long[] durations, int count) {
        if (runEnd <= runStart) throw new IllegalArgumentException("a run must last a positive time, not " + (runEnd - runStart) + " ns");
        long span = runEnd - runStart;
        long[][] iv = new long[count][];
        for (int i = 0; i < count; i++) {
            long s = Math.max(0, starts[i] - runStart), e = Math.min(span, starts[i] - runStart + durations[i]);
            iv[i] = new long[] {s, Math.max(s, e)};
        }
        Arrays.sort(iv, (a, b) -> Long.compare(a[0], b[0]));
        long[] s = new long[count], e = new long[count];
        int n = 0;
        for (long[] p : iv) {
            if (p[1] <= p[0]) continue;
            if (n > 0 && p[0] <= e[n - 1]) e[n - 1] = Math.max(e[n - 1], p[1]);
            else { s[n] = p[0]; e[n] = p[1]; n++; }
        }
        return new Mmu(span, Arrays.copyOf(s, n), Arrays.copyOf(e, n));
    }

    /** The run's length in nanoseconds. */
    public long spanNanos() { return span; }

    /** Total pause time inside the run, in nanoseconds. */
    public long totalPauseNanos() { return totalPause; }

    /**
     * The MMU for windows of {@code windowNanos}: 0 when some window is all pause, 1 when no
     * window holds any. A window as long as the run or longer is the run itself.
     */
    public double at(long windowNanos) {
        if (windowNanos <= 0) throw new IllegalArgumentException("a window must be positive, not " + windowNanos + " ns");
        if (windowNanos >= span) return (double) (span - totalPause) / span;
        return (double) (windowNanos - worstPause(windowNanos)) / windowNanos;
    }

    /** The most pause time any window of {@code w} inside the run holds. */
    private long worstPause(long w) {
        int n = starts.length;
        long[] c = new long[4 * n + 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            c[k++] = clamp(starts[i], w);
            c[k++] = clamp(ends[i], w);
            c[k++] = clamp(starts[i] - w, w);
            c[k++] = clamp(ends[i] - w, w);
        }
        c[k++] = 0;
        c[k++] = span - w;
        Arrays.sort(c, 0, k);
        Cursor from = new Cursor(), to = new Cursor();
        long worst = 0;
        for (int j = 0; j < k; j++) {
            long t = c[j];
            worst = Math.max(worst, to.pauseBefore(t + w) - from.pauseBefore(t));
        }
        return worst;
    }

    private long clamp(long t, long w) { return Math.max(0, Math.min(span - w, t)); }

    /** Cumulative pause time up to a point that only moves forward. */
    private final class Cursor {
        private int i;

        long pauseBefore(long x) {
            while (i < starts.length && ends[i] <= x) i++;
            long p = before[i];
            if (i < starts.length && starts[i] < x) p += x - starts[i];
            return p;
        }
    }

    /**
     * The MMU and BMU curve: windows of 10 µs, 20 µs, 50 µs, 100 µs ... (1-2-5 steps) below the
     * run's length, and the run's length itself.
     */
    public List<Point> curve() {
        List<Long> windows = new ArrayList<>();
        for (long decade = SMALLEST_WINDOW_NANOS; decade < span && decade > 0; decade *= 10)
            for (long m : new long[] {1, 2, 5})
                if (decade * m < span) windows.add(decade * m);
        windows.add(span);
        double[] mmu = new double[windows.size()];
        for (int i = 0; i < mmu.length; i++) mmu[i] = at(windows.get(i));
        double bmu = 1;
        Point[] out = new Point[mmu.length];
        for (int i = mmu.length - 1; i >= 0; i--) {
            bmu = Math.min(bmu, mmu[i]);
            out[i] = new Point(windows.get(i), mmu[i], bmu);
        }
        return List.of(out);
    }
}
