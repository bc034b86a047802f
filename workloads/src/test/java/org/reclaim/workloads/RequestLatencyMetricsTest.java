package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.RunRecord;
import org.reclaim.workloads.run.Runner;

/** request-server's latencies reach the run record, corrected for coordinated omission. */
class RequestLatencyMetricsTest {

    @Test
    void aRequestWorkloadsRecordCarriesCorrectedLatencyPercentiles() {
        RunRecord r = Runner.run(new Runner.Request("request-server", "tiny", "manual", 1 << 20, 1)).record();
        assertThat(r.status()).isEqualTo(RunRecord.OK);
        Map<String, Double> m = r.metrics();
        assertThat(m).containsKeys("latency.p50.ns", "latency.p99.ns", "latency.p999.ns", "latency.max.ns",
                "latency.uncorrected.p99.ns");
        assertThat(m.get("latency.p50.ns")).isPositive().isLessThanOrEqualTo(m.get("latency.p99.ns"));
        assertThat(m.get("latency.p99.ns")).isLessThanOrEqualTo(m.get("latency.p999.ns"));
        assertThat(m.get("latency.p999.ns")).isLessThanOrEqualTo(m.get("latency.max.ns"));
        // the correction only adds the requests a slow one kept waiting: it never lowers a percentile
        assertThat(m.get("latency.p99.ns")).isGreaterThanOrEqualTo(m.get("latency.uncorrected.p99.ns"));
        assertThat(RunRecord.METRICS).containsAll(m.keySet());
    }

    @Test
    void otherWorkloadsCarryNoLatencies() {
        RunRecord r = Runner.run(new Runner.Request("binary-trees", "tiny", "manual", 1 << 20, 1)).record();
        assertThat(r.metrics()).doesNotContainKey("latency.p99.ns");
    }
}
