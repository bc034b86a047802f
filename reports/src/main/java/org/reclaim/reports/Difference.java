package org.reclaim.reports;

/**
 * One difference a report's reading states: in the chart {@code figure}, {@code lower}'s
 * {@code quantity} is below {@code higher}'s. A reading states one only where the two managers'
 * 95% intervals do not overlap; where they overlap it says the two are not distinguishable and
 * states none.
 *
 * @param figure   the chart's id (it names the workload, size and heap it is about)
 * @param quantity what is compared, with its heap when the chart spans several
 *                 ({@code run time at 2×}, {@code 99th-percentile pause})
 * @param lower    the manager with the lower value
 * @param higher   the manager with the higher value
 */
public record Difference(String figure, String quantity, String lower, String higher) {

    /** Whether {@code other} states the same comparison the other way round. */
    public boolean contradicts(Difference other) {
        return figure.equals(other.figure) && quantity.equals(other.quantity)
                && lower.equals(other.higher) && higher.equals(other.lower);
    }

    @Override
    public String toString() {
        return figure + ": " + quantity + " of " + lower + " < " + higher;
    }
}
