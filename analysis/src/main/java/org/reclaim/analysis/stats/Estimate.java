package org.reclaim.analysis.stats;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * What a few repetitions of one measurement say: their median, and a 95% confidence interval of
 * their mean by Student's t ({@code mean ± t(0.975, n-1) · s / √n}, the interval Georges, Buytaert
 * and Eeckhout recommend for repeated Java timings, "Statistically rigorous Java performance
 * evaluation", OOPSLA 2007). The median is the figure a table or a line shows; the interval is what
 * a comparison goes by. One repetition has no interval; repetitions that all agree (a deterministic
 * cost) have an interval of zero width.
 *
 * @param count  how many values
 * @param median the middle value (the mean of the two middle ones for an even count)
 * @param mean   their mean
 * @param low    the interval's lower end, NaN for a single value
 * @param high   the interval's upper end, NaN for a single value
 * @param min    the smallest value
 * @param max    the largest value
 */
public record Estimate(int count, double median, double mean, double low, double high, double min, double max) {

    /** The confidence of every interval. */
    public static final double CONFIDENCE = 0.95;
    /** How the interval is computed, in words for a report. */
    public static final String METHOD = "95% confidence interval of the mean by Student's t";

    /**
     * The estimate of {@code values}.
     *
     * @throws IllegalArgumentException if there are none, or one is not a finite number
     */
    public static Estimate of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** As {@link #of(Collection)}. */
    public static Estimate of(double... values) {
        if (values.length == 0) throw new IllegalArgumentException("an estimate needs at least one value");
        double[] v = values.clone();
        for (double d : v) if (!Double.isFinite(d)) throw new IllegalArgumentException("not a finite value: " + d);
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        double mean = Arrays.stream(v).sum() / n;
        if (n == 1) return new Estimate(1, median, mean, Double.NaN, Double.NaN, v[0], v[0]);
        double ss = 0;
        for (double d : v) ss += (d - mean) * (d - mean);
        double sd = v[0] == v[n - 1] ? 0 : Math.sqrt(ss / (n - 1));
        double half = sd == 0 ? 0 : tQuantile(n - 1) * sd / Math.sqrt(n);
        return new Estimate(n, median, mean, mean - half, mean + half, v[0], v[n - 1]);
    }

    /** Student's t quantile at (1 + {@link #CONFIDENCE}) / 2 with {@code df} degrees of freedom. */
    static double tQuantile(int df) {
        return new TDistribution(null, df).inverseCumulativeProbability((1 + CONFIDENCE) / 2);
    }

    /** Whether there is an interval (two or more values). */
    public boolean hasInterval() { return count > 1; }

    /**
     * How this compares with {@code other}: {@link Order#LOWER} or {@link Order#HIGHER} only when
     * both have an interval and the intervals do not overlap; otherwise
     * {@link Order#NOT_DISTINGUISHABLE}.
     */
    public Order compareTo(Estimate other) {
        if (!hasInterval() || !other.hasInterval()) return Order.NOT_DISTINGUISHABLE;
        if (high < other.low) return Order.LOWER;
        if (low > other.high) return Order.HIGHER;
        return Order.NOT_DISTINGUISHABLE;
    }

    /** The outcome of a comparison of two estimates. */
    public enum Order { LOWER, HIGHER, NOT_DISTINGUISHABLE }

    /**
     * The interval of the ratio {@code this / reference} of two means, by the delta method on the
     * log scale (so that it stays positive and is symmetric in the ratio's logarithm): the ratio of
     * the means times {@code exp(± t · √((s₁/m₁)²/n₁ + (s₂/m₂)²/n₂))}, with the smaller count's
     * degrees of freedom (conservative). Both must have an interval and positive means; otherwise
     * the ratio of the medians with no interval.
     */
    public Estimate ratioTo(Estimate reference) {
        double r = median / reference.median;
        if (!hasInterval() || !reference.hasInterval() || mean <= 0 || reference.mean <= 0)
            return new Estimate(1, r, r, Double.NaN, Double.NaN, r, r);
        double rel1 = relativeError(), rel2 = reference.relativeError();
        double ratio = mean / reference.mean;
        double half = tQuantile(Math.min(count, reference.count) - 1) * Math.sqrt(rel1 * rel1 + rel2 * rel2);
        return new Estimate(Math.min(count, reference.count), r, ratio, ratio * Math.exp(-half), ratio * Math.exp(half),
                min / reference.max, max / reference.min);
    }

    /** The standard error of the mean over the mean. */
    private double relativeError() {
        double tn = tQuantile(count - 1);
        return (high - mean) / tn / mean;
    }

    /** {@code median [low, high]} with {@code digits} significant digits, or the median alone without an interval. */
    public String text(java.util.function.DoubleFunction<String> format) {
        return hasInterval() ? format.apply(median) + " [" + format.apply(low) + ", " + format.apply(high) + "]"
                : format.apply(median);
    }

    @Override
    public String toString() {
        return text(d -> String.format(Locale.ROOT, "%.4g", d));
    }
}
