package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reclaim.runtime.RunRecord;
import org.reclaim.workloads.run.MinimumHeapSearch;
import org.reclaim.workloads.run.Runner;

/** binary-trees under the tracing collectors: the same answer as epsilon, and fewer collections in bigger heaps. */
class TracingWorkloadsTest {
    static final long KB = 1024;

    private static RunRecord run(String manager, String size, long heapBytes) {
        return Runner.run(new Runner.Request("binary-trees", size, manager, heapBytes, 1)).record();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact", "semispace", "generational"})
    void binaryTreesGivesEpsilonsChecksumAndEveryObjectIsFreedOrReachable(String manager) {
        RunRecord epsilon = run("epsilon", "small", 64 * KB * KB);
        RunRecord traced = run(manager, "small", 8 * KB * KB);
        assertThat(epsilon.status()).isEqualTo(RunRecord.OK);
        assertThat(traced.status()).isEqualTo(RunRecord.OK);
        assertThat(traced.checksum()).isEqualTo(epsilon.checksum()).isEqualTo(674478);
        assertThat(traced.pauseCount()).isPositive();
        assertThat(traced.objectsAllocated()).isEqualTo(epsilon.objectsAllocated());
        assertThat(traced.objectsFreed()).isPositive().isLessThan(traced.objectsAllocated());
    }

    /** The smallest heap in which binary-trees completes under {@code manager}, found as a campaign finds it. */
    private static long minimumHeap(String manager, String size) {
        return MinimumHeapSearch.smallest(heap -> run(manager, size, heap).status().equals(RunRecord.OK), 4 * KB, 16 * KB * KB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact", "semispace", "generational"})
    void collectionCountsFallAsTheHeapGrows(String manager) {
        long min = minimumHeap(manager, "tiny");
        assertThat(run(manager, "tiny", min - 4 * KB).status()).isEqualTo(RunRecord.OOM);
        List<Long> counts = new ArrayList<>();
        for (double multiple : new double[] {1.5, 2, 3, 4}) {
            RunRecord r = run(manager, "tiny", (long) (min * multiple));
            assertThat(r.status()).isEqualTo(RunRecord.OK);
            assertThat(r.checksum()).isEqualTo(run("epsilon", "tiny", 64 * KB * KB).checksum());
            counts.add(r.pauseCount());
        }
        for (int i = 1; i < counts.size(); i++)
            assertThat(counts.get(i)).as("collections at each multiple of %d bytes: %s", min, counts).isLessThanOrEqualTo(counts.get(i - 1));
        assertThat(counts.getLast()).as("collections at 4x vs 1.5x: %s", counts).isLessThan(counts.getFirst());
    }
}
