package org.reclaim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two reports contradict each other only where one states a difference the other states the other way round. */
class ReadingsTest {
    static final Difference MS_SLOWER = new Difference("run-time_bt", "run time at 2×", "manual", "mark-sweep");
    static final Difference MS_FASTER = new Difference("run-time_bt", "run time at 2×", "mark-sweep", "manual");

    @Test
    void aDifferenceStatedTheOtherWayRoundIsAContradiction() {
        Readings a = new Readings(List.of(MS_SLOWER), Map.of()), b = new Readings(List.of(MS_FASTER), Map.of());
        assertThat(a.contradictions(b)).containsExactly(
                "run-time_bt: run time at 2× of manual < mark-sweep, but the other report: run-time_bt: run time at 2× of mark-sweep < manual");
    }

    @Test
    void notDistinguishableInOneAndADifferenceInTheOtherIsNoContradiction() {
        Readings stated = new Readings(List.of(MS_SLOWER), Map.of()), none = new Readings(List.of(), Map.of());
        assertThat(stated.contradictions(none)).isEmpty();
        assertThat(none.contradictions(stated)).isEmpty();
        assertThat(stated.contradictions(stated)).isEmpty();
    }

    @Test
    void theSameComparisonAtAnotherHeapOrInAnotherChartIsAnotherStatement() {
        Readings a = new Readings(List.of(MS_SLOWER), Map.of());
        Readings otherHeap = new Readings(List.of(new Difference("run-time_bt", "run time at 4×", "mark-sweep", "manual")), Map.of());
        Readings otherChart = new Readings(List.of(new Difference("relative-time_bt", "run time at 2×", "mark-sweep", "manual")), Map.of());
        assertThat(a.contradictions(otherHeap)).isEmpty();
        assertThat(a.contradictions(otherChart)).isEmpty();
    }

    @Test
    void aClaimThatAgreesInOneAndDisagreesInTheOtherIsAContradiction() {
        Readings a = new Readings(List.of(), Map.of("falls", "agrees", "bump", "agrees"));
        Readings b = new Readings(List.of(), Map.of("falls", "disagrees"));
        assertThat(a.contradictions(b)).containsExactly("\"falls\" agrees, but the other report: disagrees");
    }
}
