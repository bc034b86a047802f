package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reclaim.runtime.RunRecord;

/**
 * Immix on whole workloads: the answer of epsilon on binary-trees with many collections, and a
 * heap sweep (issue 15) showing it never runs out of memory in a larger heap after completing in
 * a smaller one.
 */
class ImmixWorkloadsTest {
    static final long KB = 1024;

    private static RunRecord run(String workload, String manager, long heapBytes) {
        return Runner.run(new Runner.Request(workload, "small", manager, heapBytes, 1)).record();
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary-trees", "queue-churn"})
    void collectsInSmallHeapsAndGivesEpsilonsChecksum(String workload) {
        RunRecord epsilon = run(workload, "epsilon", 256 * KB * KB);
        RunRecord immix = run(workload, "immix", 2 * minimumHeap(workload));
        assertThat(immix.status()).as(immix.message()).isEqualTo(RunRecord.OK);
        assertThat(immix.checksum()).isEqualTo(epsilon.checksum());
        assertThat(immix.pauseCount()).isPositive();
        assertThat(immix.objectsFreed()).isPositive();
    }

    /** The smallest heap, to 16 KiB, in which mark-compact completes the workload (the report's minimum heap). */
    private static long minimumHeap(String workload) {
        long lo = 16 * KB, hi = 64 * KB * KB;
        while (hi - lo > 16 * KB) {
            long mid = (lo + hi) / 2 / (16 * KB) * (16 * KB);
            if (run(workload, "mark-compact", mid).status().equals(RunRecord.OK)) hi = mid; else lo = mid;
        }
        return hi;
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary-trees", "queue-churn"})
    void neverRunsOutOfMemoryInALargerHeapAfterCompletingInASmallerOne(String workload) {
        long min = minimumHeap(workload);
        List<String> statuses = new ArrayList<>();
        boolean completed = false;
        for (double multiple : new double[] {1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5, 6}) {
            RunRecord r = run(workload, "immix", (long) (min * multiple));
            statuses.add(multiple + "x " + r.status());
            if (completed)
                assertThat(r.status()).as("immix at each multiple of %d bytes: %s", min, statuses).isEqualTo(RunRecord.OK);
            completed |= r.status().equals(RunRecord.OK);
        }
        assertThat(statuses).as("completes by 2x the minimum heap").contains("2.0x ok");
    }
}
