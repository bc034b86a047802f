package org.reclaim.reports;

import java.util.Locale;
import org.reclaim.analysis.stats.Estimate;

/** How the report's sentences write figures: fixed locale, units a reader knows, three significant digits. */
final class Quantities {
    private Quantities() {}

    /** {@code 12.3 ms}, {@code 0.0451 ms} for a time in milliseconds. */
    static String ms(double ms) {
        return significant(ms) + " ms";
    }

    /** {@code 1.50 MiB}, {@code 12.0 KiB}, {@code 512 B}. */
    static String bytes(double bytes) {
        if (bytes >= 1 << 20) return significant(bytes / (1 << 20)) + " MiB";
        if (bytes >= 1 << 10) return significant(bytes / (1 << 10)) + " KiB";
        return String.format(Locale.ROOT, "%.0f B", bytes);
    }

    /** {@code 37%} for 0.37. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** {@code 2×} or {@code 2.5×} for a heap multiple, {@code 64 MiB} for an absolute heap. */
    static String heap(double x, boolean multiples) {
        return multiples ? new java.math.BigDecimal(significant(x)).stripTrailingZeros().toPlainString() + "×"
                : significant(x) + " MiB";
    }

    /** Three significant digits, without exponent: {@code 123}, {@code 12.3}, {@code 0.0123}. */
    static String significant(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) return String.format(Locale.ROOT, "%.0f", v);
        int digits = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(v))));
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /**
     * Empty when the 95% intervals of {@code a} and {@code b} separate (the difference a reading
     * states is real at this number of repetitions), else the words that take the difference back.
     */
    /**
     * The difference a reading states between {@code lower} and {@code higher} (the managers it
     * names as lowest and highest) unless {@link #unlessDistinguishable} takes it back: none when
     * they are the same manager or their intervals overlap.
     */
    static java.util.List<Difference> stated(String figure, String quantity, String lower, String higher,
                                             java.util.Map<String, Estimate> estimates) {
        if (lower == null || higher == null || lower.equals(higher)
                || !unlessDistinguishable(estimates.get(lower), estimates.get(higher)).isEmpty()) return java.util.List.of();
        return java.util.List.of(new Difference(figure, quantity, lower, higher));
    }

    static String unlessDistinguishable(Estimate a, Estimate b) {
        if (a == null || b == null || a.compareTo(b) != Estimate.Order.NOT_DISTINGUISHABLE) return "";
        int n = Math.min(a.count(), b.count());
        return " (but the two are not distinguishable at " + n + (n == 1 ? " repetition" : " repetitions") + ": their 95% intervals overlap)";
    }
}
