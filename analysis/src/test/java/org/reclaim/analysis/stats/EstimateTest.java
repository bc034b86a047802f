package org.reclaim.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void threeRepetitionsGiveATIntervalOfTheirMean() {
        Estimate e = Estimate.of(10.0, 12.0, 14.0);
        // mean 12, s = 2, t(0.975, 2) = 4.302653, half width 4.302653 * 2 / sqrt(3) = 4.968275
        assertThat(e.median()).isEqualTo(12.0);
        assertThat(e.mean()).isEqualTo(12.0);
        assertThat(Estimate.tQuantile(2)).isCloseTo(4.302653, within(1e-6));
        assertThat(e.low()).isCloseTo(12 - 4.968275, within(1e-6));
        assertThat(e.high()).isCloseTo(12 + 4.968275, within(1e-6));
    }

    @Test
    void aDeterministicFigureHasAnIntervalOfZeroWidthAndOneValueNone() {
        Estimate same = Estimate.of(5.0, 5.0, 5.0);
        assertThat(same.low()).isEqualTo(5.0);
        assertThat(same.high()).isEqualTo(5.0);
        Estimate one = Estimate.of(5.0);
        assertThat(one.hasInterval()).isFalse();
        assertThat(one.compareTo(Estimate.of(1.0))).isEqualTo(Estimate.Order.NOT_DISTINGUISHABLE);
    }

    @Test
    void aDifferenceIsStatedOnlyWhenTheIntervalsDoNotOverlap() {
        Estimate fast = Estimate.of(10.0, 11.0, 12.0);     // [8.52, 13.48]
        Estimate slow = Estimate.of(20.0, 21.0, 22.0);     // [18.52, 23.48]
        Estimate wide = Estimate.of(9.0, 15.0, 21.0);      // [0.10, 29.90]
        assertThat(fast.compareTo(slow)).isEqualTo(Estimate.Order.LOWER);
        assertThat(slow.compareTo(fast)).isEqualTo(Estimate.Order.HIGHER);
        assertThat(fast.compareTo(wide)).isEqualTo(Estimate.Order.NOT_DISTINGUISHABLE);
        assertThat(Estimate.of(5.0, 5.0).compareTo(Estimate.of(6.0, 6.0))).isEqualTo(Estimate.Order.LOWER);
    }

    @Test
    void aRatioCarriesBothIntervalsByTheDeltaMethodOnTheLogScale() {
        Estimate a = Estimate.of(20.0, 22.0, 24.0), b = Estimate.of(10.0, 10.0, 10.0);
        Estimate r = a.ratioTo(b);
        // b has no spread: relative standard error of a's mean 2 / (22 * sqrt 3) = 0.0524864, times t = 4.302653
        assertThat(r.median()).isEqualTo(2.2);
        assertThat(r.low()).isCloseTo(2.2 * Math.exp(-4.302653 * 0.0524864), within(1e-5));
        assertThat(r.high()).isCloseTo(2.2 * Math.exp(4.302653 * 0.0524864), within(1e-5));
        Estimate noisy = Estimate.of(1.0, 10.0, 19.0).ratioTo(b);
        assertThat(noisy.low()).as("a ratio's interval stays positive").isPositive();
        assertThat(Estimate.of(4.0).ratioTo(b).hasInterval()).isFalse();
    }
}
