package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reclaim.runtime.RunRecord;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.run.MinimumHeapSearch;
import org.reclaim.workloads.run.Runner;
import org.reclaim.workloads.scenarios.Scenario;

/**
 * Immix on whole workloads: the answer of epsilon on binary-trees with many collections, and a
 * heap sweep (issue 15) showing it never runs out of memory in a larger heap after completing in
 * a smaller one.
 */
class ImmixWorkloadsTest {
    static final long KB = 1024;

    private static RunRecord run(String workload, String manager, long heapBytes) {
        return run(workload, "small", manager, heapBytes);
    }

    private static RunRecord run(String workload, String size, String manager, long heapBytes) {
        return Runner.run(new Runner.Request(workload, size, manager, heapBytes, 1)).record();
    }

    static Stream<String> workloads() {
        return Workloads.all().stream().filter(w -> !(w instanceof Scenario s) || s.validRust()).map(Workload::name);
    }

    /**
     * Every workload at {@code tiny} completes in twice mark-compact's minimum heap (to 1 KiB) with
     * epsilon's checksum, collecting whenever it allocates more than that heap.
     */
    @ParameterizedTest
    @MethodSource("workloads")
    void everyWorkloadAtTinyCompletesInTwiceTheMinimumHeapWithEpsilonsChecksum(String workload) {
        long lo = KB, hi = 16 * KB * KB;
        while (hi - lo > KB) {
            long mid = (lo + hi) / 2 / KB * KB;
            if (run(workload, "tiny", "mark-compact", mid).status().equals(RunRecord.OK)) hi = mid; else lo = mid;
        }
        RunRecord epsilon = run(workload, "tiny", "epsilon", 16 * KB * KB);
        RunRecord immix = run(workload, "tiny", "immix", 2 * hi);
        assertThat(immix.status()).as(immix.message()).isEqualTo(RunRecord.OK);
        assertThat(immix.checksum()).isEqualTo(epsilon.checksum());
        if (immix.bytesAllocated() > immix.heapBytes()) assertThat(immix.pauseCount()).isPositive();
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

    /** The smallest heap in which mark-compact completes the workload: the campaigns' minimum heap, found as they find it. */
    private static long minimumHeap(String workload) {
        return MinimumHeapSearch.smallest(heap -> run(workload, "mark-compact", heap).status().equals(RunRecord.OK), 16 * KB, 64 * KB * KB);
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
