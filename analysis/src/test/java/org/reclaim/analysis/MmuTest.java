package org.reclaim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MMU and BMU on hand-made pause timelines whose answers are known. */
class MmuTest {
    private static final long MS = 1_000_000L;

    @Test
    void onePauseLeavesNothingInAWindowItFillsAndTheRestOutsideIt() {
        // a 100 ms run with one 10 ms pause at 40 ms
        Mmu mmu = Mmu.of(0, 100 * MS, new long[] {40 * MS}, new long[] {10 * MS}, 1);
        assertThat(mmu.at(5 * MS)).isEqualTo(0.0);
        assertThat(mmu.at(10 * MS)).isEqualTo(0.0);
        assertThat(mmu.at(20 * MS)).isCloseTo(0.5, within(1e-12));
        assertThat(mmu.at(50 * MS)).isCloseTo(0.8, within(1e-12));
        assertThat(mmu.at(100 * MS)).isCloseTo(0.9, within(1e-12));
        assertThat(mmu.at(1000 * MS)).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void evenlySpacedPausesGiveOneMinusTheDutyCycleAtTheirPeriod() {
        // 1 ms pause at the start of every 10 ms, over 100 ms
        long[] starts = new long[10], durations = new long[10];
        for (int i = 0; i < 10; i++) { starts[i] = i * 10 * MS; durations[i] = MS; }
        Mmu mmu = Mmu.of(0, 100 * MS, starts, durations, 10);
        assertThat(mmu.at(10 * MS)).isCloseTo(0.9, within(1e-12));
        assertThat(mmu.at(20 * MS)).isCloseTo(0.9, within(1e-12));
        // a 2 ms window can hold a whole pause and 1 ms of mutator time
        assertThat(mmu.at(2 * MS)).isCloseTo(0.5, within(1e-12));
        // an 11 ms window can hold two whole pauses (0..1 and 10..11)
        assertThat(mmu.at(11 * MS)).isCloseTo(9.0 / 11, within(1e-12));
        assertThat(mmu.at(100 * MS)).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void aPauseLongerThanTheWindowGivesZeroThere() {
        Mmu mmu = Mmu.of(0, 100 * MS, new long[] {10 * MS, 60 * MS}, new long[] {30 * MS, 2 * MS}, 2);
        assertThat(mmu.at(MS)).isEqualTo(0.0);
        assertThat(mmu.at(30 * MS)).isEqualTo(0.0);
        assertThat(mmu.at(40 * MS)).isCloseTo(0.25, within(1e-12));
        // a 60 ms window from 10 to 70 holds both pauses: 32 ms
        assertThat(mmu.at(60 * MS)).isCloseTo(28.0 / 60, within(1e-12));
    }

    @Test
    void pausesOutsideTheRunAreCutOffAndOverlappingOnesMerged() {
        Mmu mmu = Mmu.of(1000 * MS, 1100 * MS, new long[] {995 * MS, 1050 * MS, 1052 * MS}, new long[] {10 * MS, 4 * MS, 4 * MS}, 3);
        assertThat(mmu.totalPauseNanos()).isEqualTo(5 * MS + 6 * MS);
        assertThat(mmu.at(6 * MS)).isEqualTo(0.0);
        assertThat(mmu.at(12 * MS)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void noPausesMeanFullUtilisation() {
        Mmu mmu = Mmu.of(0, 100 * MS, new long[0], new long[0], 0);
        assertThat(mmu.curve()).allSatisfy(p -> assertThat(p.mmu()).isEqualTo(1.0));
    }

    @Test
    void theCurveRunsFromTenMicrosecondsToTheRunAndItsBmuNeverFallsAsTheWindowGrows() {
        Mmu mmu = Mmu.of(0, 100 * MS, new long[] {10 * MS, 60 * MS}, new long[] {30 * MS, 2 * MS}, 2);
        List<Mmu.Point> curve = mmu.curve();
        assertThat(curve.getFirst().windowNanos()).isEqualTo(Mmu.SMALLEST_WINDOW_NANOS);
        assertThat(curve.getLast().windowNanos()).isEqualTo(100 * MS);
        for (int i = 0; i < curve.size(); i++) {
            assertThat(curve.get(i).bmu()).isLessThanOrEqualTo(curve.get(i).mmu());
            if (i > 0) assertThat(curve.get(i).bmu()).isGreaterThanOrEqualTo(curve.get(i - 1).bmu());
        }
        assertThat(curve.getLast().bmu()).isCloseTo(0.68, within(1e-12));
    }
}
