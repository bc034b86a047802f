package org.reclaim.runtime.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Request latencies with coordinated-omission correction, on synthetic data. */
class LatencyRecorderTest {
    private static final long MS = 1_000_000L;

    @Test
    void aStallAlsoCountsTheRequestsThatShouldHaveArrivedDuringIt() {
        // requests meant every 1 ms; 99 served in 100 µs, then one stalls for 10 ms
        LatencyRecorder r = new LatencyRecorder(MS);
        for (int i = 0; i < 99; i++) r.record(100_000);
        r.record(10 * MS);
        assertThat(r.uncorrected().getTotalCount()).isEqualTo(100);
        // the stall stands for requests that would have waited 10, 9, ..., 1 ms
        assertThat(r.histogram().getTotalCount()).isEqualTo(109);
        for (long w = 1; w <= 10; w++)
            assertThat(r.histogram().getCountAtValue(w * MS)).as("%d ms", w).isEqualTo(1);
        assertThat(r.histogram().getCountAtValue(100_000)).isEqualTo(99);
        assertThat(r.histogram().valuesAreEquivalent(r.histogram().getMaxValue(), 10 * MS)).isTrue();
    }

    @Test
    void latenciesWithinTheIntervalAreNotCorrected() {
        LatencyRecorder r = new LatencyRecorder(MS);
        for (int i = 1; i <= 50; i++) r.record(i * 10_000L);
        assertThat(r.histogram()).isEqualTo(r.uncorrected());
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new LatencyRecorder(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
