package org.reclaim.lab.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reclaim.analysis.cost.CostModel;
import org.reclaim.runtime.RunRecord;
import org.reclaim.workloads.run.Runner;

/**
 * Completion is monotonic in heap size (issue 15): at 1.25x to 6x of the workload's minimum heap,
 * found as a campaign finds it (bisection under mark-compact, {@link MinimumHeap#search}, heaps as
 * {@link HeapSpec} rounds a multiple), no collector runs out of memory in a larger heap after
 * completing in a smaller one, and each run that completes gives epsilon's checksum. The table
 * (status and {@code cost.total} in calibrated ms per heap) is printed to the test's output.
 */
class HeapSweepTest {
    static final double[] MULTIPLES = {1.25, 1.5, 2, 3, 4, 6};
    static final List<String> COLLECTORS = List.of("generational", "mark-sweep", "immix", "semispace");

    private static RunRecord run(String workload, String manager, long heapBytes) {
        return Runner.run(new Runner.Request(workload, "small", manager, heapBytes, 1, Map.of(),
                Math.max(4096, heapBytes / 64))).record();
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary-trees", "queue-churn"})
    void noCollectorRunsOutOfMemoryInALargerHeapAfterCompletingInASmallerOne(String workload) {
        long min = MinimumHeap.search(b -> run(workload, "mark-compact", b).status().equals(RunRecord.OK),
                16L << 10, MinimumHeap.MAX_BYTES);
        long checksum = run(workload, "epsilon", 1L << 30).checksum();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%s small, minimum heap %d bytes (mark-compact)%n%-13s",
                workload, min, "heap"));
        for (double m : MULTIPLES) table.append(String.format(Locale.ROOT, " %14s", m + "x"));
        List<String> failures = new ArrayList<>();
        for (String collector : COLLECTORS) {
            table.append(String.format(Locale.ROOT, "%n%-13s", collector));
            boolean completed = false;
            for (double multiple : MULTIPLES) {
                long heap = new HeapSpec(multiple + "x", 0, multiple).resolve(min);
                RunRecord r = run(workload, collector, heap);
                boolean ok = r.status().equals(RunRecord.OK);
                table.append(String.format(Locale.ROOT, " %14s", ok
                        ? String.format(Locale.ROOT, "ok %.2f", CostModel.shipped().metrics(r).get("cost.total") / 1e6) : r.status()));
                if (completed && !ok) failures.add(collector + " " + r.status() + " at " + multiple + "x after completing in a smaller heap");
                if (ok && r.checksum() != checksum) failures.add(collector + " at " + multiple + "x: checksum " + r.checksum() + ", epsilon's " + checksum);
                completed |= ok;
            }
        }
        System.out.println(table);
        assertThat(failures).as(table.toString()).isEmpty();
    }
}
