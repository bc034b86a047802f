package org.reclaim.analysis.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.RunRecord;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.run.MinimumHeapSearch;
import org.reclaim.workloads.run.Runner;

class CostModelTest {

    private static final String HEADER = "# format: 1\ncounter,side,ns_per_unit,words_per_unit,benchmark,note\n";

    private static CostModel model(String rows) {
        return new CostModel(CostWeights.parse(HEADER + rows, "test"));
    }

    private static RunRecord run(String workload, String size, String manager, long heapBytes) {
        return Runner.run(new Runner.Request(workload, size, manager, heapBytes, 1), Probe.OFF).record();
    }

    @Test
    void costIsEachCounterTimesItsWeightSummedPerSide() {
        CostModel m = model("""
                words.allocated,mutator,0.5,1,storeWord,init
                alloc.free-list,manager,20,2,malloc,malloc
                objects.freed,manager,10,2,free,free
                words.freed,manager,1,1,scanWord,scan
                words.parsed.for-accounting,none,99,99,,accounting
                """);
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("objects.freed", 3L);
        counters.put("words.freed", 12L);
        counters.put("words.parsed.for-accounting", 1000L);
        Map<String, Double> cost = m.metrics("manual", counters, 3, 96);
        // 12 words initialised at 0.5; 3 mallocs at 20, 3 frees at 10, 12 words read at 1
        assertThat(cost).isEqualTo(Map.of("cost.mutator", 6.0, "cost.manager", 102.0,
                "cost.total", 108.0, "cost.words", 12 + 6 + 6 + 12.0));
        assertThat(cost.keySet()).containsExactlyElementsOf(CostModel.METRICS);
    }

    @Test
    void allocationIsChargedToTheManagersOwnAllocatorAndAtomicCountsToTheirOwnRows() {
        assertThat(CostModel.work("semispace", Map.of(), 5, 80)).containsEntry("alloc.bump", 5L).containsEntry("words.allocated", 10L);
        assertThat(CostModel.work("mark-sweep", Map.of(), 5, 80)).containsEntry("alloc.free-list", 5L).doesNotContainKey("alloc.bump");
        assertThat(CostModel.work("refcount-atomic", Map.of("counts.increments", 7L), 1, 8))
                .containsEntry("counts.increments.atomic", 7L).doesNotContainKey("counts.increments");
        assertThat(CostModel.work("epsilon", Map.of("alloc.fast", 4L), 5, 80)).doesNotContainKeys("alloc.bump", "alloc.free-list");
    }

    @Test
    void aCounterWithoutAWeightIsRefusedByName() {
        assertThatThrownBy(() -> model("words.allocated,mutator,1,1,storeWord,x\nalloc.bump,manager,1,0,bumpAllocate,x\n")
                .metrics("epsilon", Map.of("objects.teleported", 1L), 1, 8))
                .hasMessageContaining("objects.teleported").hasMessageContaining(CostWeights.SOURCE_PATH);
    }

    @Test
    void aJvmRunHasNoCost() {
        assertThat(CostModel.shipped().metrics("jvm:g1", Map.of(), 0, 0)).isEmpty();
    }

    /** The lead's check at merge: a counter a manager starts to emit needs its row in cost-weights.csv. */
    @Test
    void everyCounterEveryManagerEmitsHasAWeight() {
        CostModel shipped = CostModel.shipped();
        TreeSet<String> missing = new TreeSet<>();
        for (String manager : Managers.names())
            for (Workload w : Workloads.all()) {
                if (!w.sizes().containsKey("tiny")) continue;
                RunRecord r = run(w.name(), "tiny", manager, 16L << 20);
                missing.addAll(shipped.unweighed(CostModel.work(manager, r.counters(), r.objectsAllocated(), r.bytesAllocated())));
            }
        assertThat(missing).as("counters with no row in " + CostWeights.SOURCE_PATH).isEmpty();
    }

    @Test
    void twoIdenticalRunsHaveTheSameCost() {
        Map<String, Double> first = CostModel.shipped().metrics(run("binary-trees", "small", "generational", 4L << 20));
        Map<String, Double> second = CostModel.shipped().metrics(run("binary-trees", "small", "generational", 4L << 20));
        assertThat(first).hasSize(4).isEqualTo(second);
        assertThat(first.get("cost.manager")).isPositive();
    }

    @Test
    void theShippedWeightsAreCalibrated() {
        CostWeights w = CostWeights.shipped();
        assertThat(w.meta()).containsKeys("calibrated", "machine", "jdk", "command");
        for (CostWeights.Row r : w.rows())
            if (!r.benchmark().isEmpty() && r.side() != CostWeights.Side.NONE)
                assertThat(r.nsPerUnit()).as(r.counter()).isPositive();
        assertThat(CostWeights.parse(w.text(), "again")).isEqualTo(w);
    }

    @Test
    void aRowWithAnUnquotedCommaInItsNoteIsRefusedWithItsLine() {
        assertThatThrownBy(() -> model("objects.marked,manager,8,2,markTestAndSet,a mark, then a test\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test:3: 7 fields where 6 are expected (quote a note that holds a comma)");
    }

    /** The smallest heap (to 1%, in whole words) in which mark-compact completes the workload: the campaigns' minimum heap. */
    private static long minimumHeap(String workload, String size) {
        return MinimumHeapSearch.smallest(heap -> run(workload, size, "mark-compact", heap).status().equals(RunRecord.OK),
                256 << 10, 1L << 30);
    }

    /**
     * Hertz & Berger's finding, on the deterministic cost: the more room a tracing collector has,
     * the fewer collections it makes, so its cost relative to explicit freeing falls with the heap.
     * Both complete at every multiple: the generational collector's full collection compacts.
     */
    @Test
    void tracingCostRelativeToManualFallsAsTheHeapGrows() {
        long min = minimumHeap("binary-trees", "small");
        double[] multiples = {1.25, 1.5, 2, 3, 4, 6};
        for (String collector : List.of("mark-sweep", "generational")) {
            List<String> statuses = new ArrayList<>();
            List<Double> relative = new ArrayList<>();
            for (double multiple : multiples) {
                long heap = (long) Math.ceil(min * multiple / Long.BYTES) * Long.BYTES;
                RunRecord r = run("binary-trees", "small", collector, heap);
                statuses.add(r.status());
                if (!r.status().equals(RunRecord.OK)) continue;
                double manual = CostModel.shipped().metrics(run("binary-trees", "small", "manual", heap)).get("cost.total");
                relative.add(CostModel.shipped().metrics(r).get("cost.total") / manual);
            }
            assertThat(statuses).as(collector).isEqualTo(List.of("ok", "ok", "ok", "ok", "ok", "ok"));
            for (int i = 1; i < relative.size(); i++)
                assertThat(relative.get(i)).as(collector + "/manual at each multiple: " + relative).isLessThan(relative.get(i - 1));
        }
    }
}
