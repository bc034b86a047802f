package org.reclaim.reports;

import java.util.Arrays;
import java.util.Collection;

/**
 * The median and range of a few repetitions of one figure: what a chart plots as a line (the
 * median) with the single runs around it.
 *
 * @param median the middle value (the mean of the two middle values when the count is even)
 * @param min    the smallest value
 * @param max    the largest value
 * @param count  how many values
 */
public record Spread(double median, double min, double max, int count) {

    /**
     * The spread of {@code values}.
     *
     * @throws IllegalArgumentException if there are none
     */
    public static Spread of(Collection<Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("a spread needs at least one value");
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(median, v[0], v[n - 1], n);
    }
}
