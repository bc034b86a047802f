package org.reclaim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.RunRecord;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.PauseRecorder;

class RunMetricsTest {
    @Test
    void aSimulatedRunFillsThePauseMmuAndFootprintKeys() {
        PauseRecorder r = new PauseRecorder(100);
        long ms = 1_000_000;
        for (int i = 0; i < 10; i++) r.pause(PauseKind.COLLECTION, i * 20 * ms, i * 20 * ms + 2 * ms, 1, 1, 0, 0);
        r.footprint(100, 50);
        r.footprint(200, 150);
        r.runSpan(0, 200 * ms);
        Map<String, Double> m = RunMetrics.of(r, 400);
        assertThat(RunRecord.METRICS).containsAll(m.keySet());
        assertThat(m).containsKeys("pause.p50.ns", "pause.p999.ns", "mmu.1ms", "mmu.10ms", "mmu.100ms",
                "footprint.peak.bytes", "footprint.mean.bytes");
        assertThat(m.get("mmu.1ms")).isEqualTo(0.0);
        assertThat(m.get("mmu.10ms")).isCloseTo(0.8, within(1e-12));
        assertThat(m.get("mmu.100ms")).isCloseTo(0.9, within(1e-12));
        assertThat(m.get("footprint.peak.bytes")).isEqualTo(150.0);
        assertThat(m.get("footprint.mean.bytes")).isEqualTo((50.0 * 100 + 150 * 200) / 300);
        assertThat(r.histogram().valuesAreEquivalent(m.get("pause.p50.ns").longValue(), 2 * ms)).isTrue();
    }
}
