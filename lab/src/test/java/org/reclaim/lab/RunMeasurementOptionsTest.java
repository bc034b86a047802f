package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.analysis.HistogramLogs;
import org.reclaim.analysis.cost.CostModel;
import org.reclaim.runtime.RunRecord;

/** {@code lab run}'s measurement options and its manager names, {@code jvm:*} included. */
class RunMeasurementOptionsTest {
    private static final String[] RUN = {"run", "--workload", "binary-trees", "--size", "tiny", "--manager", "manual"};

    private static String[] run(String... more) {
        String[] a = java.util.Arrays.copyOf(RUN, RUN.length + more.length);
        System.arraycopy(more, 0, a, RUN.length, more.length);
        return a;
    }

    private static RunRecord record(LabOutput out) throws Exception {
        assertThat(out.exit()).as(out.err()).isZero();
        return RunCommand.json().readValue(out.out().strip(), RunRecord.class);
    }

    @Test
    void theHlogAndTimelineHoldEveryPauseOfTheRecord(@TempDir Path dir) throws Exception {
        Path hlog = dir.resolve("p.hlog"), csv = dir.resolve("t.csv");
        RunRecord r = record(LabOutput.run(run("--json", "--hlog", hlog.toString(), "--timeline", csv.toString(), "--sample-every", "1k")));
        List<Histogram> back = HistogramLogs.read(hlog);
        assertThat(back.getFirst().getTotalCount()).isEqualTo(r.pauseCount());
        assertThat(back.getFirst().valuesAreEquivalent(back.getFirst().getMaxValue(), r.pauseMaxNanos())).isTrue();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.getFirst()).startsWith("record,start.ns,duration.ns,kind");
        assertThat(rows.stream().filter(l -> l.startsWith("pause,"))).hasSize((int) r.pauseCount());
        assertThat(rows.stream().filter(l -> l.startsWith("footprint,")).count()).isEqualTo(r.bytesAllocated() / 1024);
        assertThat(r.metrics().keySet()).containsExactly("pause.p50.ns", "pause.p90.ns", "pause.p99.ns", "pause.p999.ns",
                "mmu.1ms", "mmu.10ms", "mmu.100ms", "footprint.peak.bytes", "footprint.mean.bytes",
                "cost.mutator", "cost.manager", "cost.total", "cost.words");
    }

    @Test
    void theOracleFindsOrdersDraggedOnTheOperationClockUnderOwnership() throws Exception {
        // let final_orders = finish(total_orders); return final_orders; — orders held past its last use
        RunRecord orders = record(LabOutput.run("run", "--workload", "orders", "--manager", "ownership", "--oracle", "--json"));
        assertThat(orders.metrics().get("oracle.operations.drag.mean.bytes")).isGreaterThan(0);
        assertThat(orders.metrics().get("oracle.operations.leaked.mean.bytes")).isZero();
        assertThat(orders.metrics().get("oracle.drag.mean.bytes")).isZero();   // nothing is allocated after the Vec
    }

    @Test
    void noProbeRecordsNoPausesAndNoMetricsButTheSameResultAndCost() throws Exception {
        RunRecord on = record(LabOutput.run(run("--json")));
        RunRecord off = record(LabOutput.run(run("--json", "--no-probe")));
        assertThat(on.pauseCount()).isPositive();
        assertThat(off.pauseCount()).isZero();
        assertThat(off.metrics().keySet()).containsExactlyElementsOf(CostModel.METRICS);
        CostModel.METRICS.forEach(k -> assertThat(off.metrics().get(k)).as(k).isEqualTo(on.metrics().get(k)));
        assertThat(off.checksum()).isEqualTo(on.checksum());
        assertThat(off.objectsFreed()).isEqualTo(on.objectsFreed());
    }

    @Test
    void anUnknownManagerNamesTheRealJvmCollectorsToo() {
        LabOutput out = LabOutput.run("run", "--workload", "binary-trees", "--manager", "g1");
        assertThat(out.exit()).isEqualTo(2);
        assertThat(out.err()).startsWith("lab run: unknown manager 'g1'").contains("jvm:g1", "manual");
    }

    @Test
    void anUnknownJvmCollectorIsOneErrorListingThem() {
        LabOutput out = LabOutput.run("run", "--workload", "binary-trees", "--manager", "jvm:cms");
        assertThat(out.exit()).isEqualTo(2);
        assertThat(out.err()).startsWith("lab run: unknown manager 'jvm:cms'").contains("jvm:serial, jvm:parallel, jvm:g1, jvm:zgc, jvm:shenandoah");
    }

    @Test
    void listShowsTheRealJvmCollectors() {
        LabOutput out = LabOutput.run("list");
        assertThat(out.out()).contains("jvm:g1", "jvm:zgc", "jvm:shenandoah");
    }
}
