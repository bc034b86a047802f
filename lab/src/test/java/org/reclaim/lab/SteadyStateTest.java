package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyStateTest {

    private static List<Long> warmUp(int minimum, Long... times) {
        Iterator<Long> it = List.of(times).iterator();
        return SteadyState.warmUp(minimum, it::next);
    }

    @Test
    void theWarmUpEndsWhenThreeIterationTimesAgreeWithinFivePercent() {
        // 100, 52, 50 vary by 45%; 52, 50, 49 by 3%: the warm-up ends there, one short of its limit of 2 + 3
        assertThat(warmUp(2, 100L, 52L, 50L, 49L, 1L)).containsExactly(100L, 52L, 50L, 49L);
    }

    @Test
    void itRunsAtLeastTheCampaignsWarmUpAndGivesUpThreeIterationsLater() {
        assertThat(warmUp(4, 50L, 50L, 50L, 50L, 1L)).hasSize(4);
        assertThat(warmUp(2, 10L, 90L, 10L, 90L, 10L, 90L, 10L, 1L)).hasSize(5);
        assertThat(warmUp(0)).isEmpty();
    }

    @Test
    void aFailedIterationEndsTheWarmUp() {
        assertThat(warmUp(3, 50L, -1L, 50L)).containsExactly(50L, -1L);
    }
}
