package org.reclaim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FootprintTest {
    @Test
    void eachSampleHoldsUntilTheNextAndTheLastUntilTheEnd() {
        // 100 bytes in use over [0, 10), 300 over [10, 20), 200 over [20, 40)
        Footprint f = Footprint.of(new long[] {0, 10, 20}, new long[] {100, 300, 200}, 3, 40);
        assertThat(f.peakBytes()).isEqualTo(300);
        assertThat(f.meanBytes()).isEqualTo((100.0 * 10 + 300 * 10 + 200 * 20) / 40);
    }

    @Test
    void noSamplesGiveZeros() {
        assertThat(Footprint.of(new long[0], new long[0], 0, 10)).isEqualTo(new Footprint(0, 0));
    }
}
