package org.reclaim.lab.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.analysis.JfrPauses;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.runtime.RunRecord;

/**
 * A {@code jvm:*} campaign cell is measured like a simulated one: the JVM under test runs its
 * warm-up iterations, and the row's pauses are only those of the measured iteration's window of
 * the recording.
 */
class JvmCellWarmUpTest {

    @Test
    void aJvmSerialCellWarmsUpInTheMeasuredJvmAndCountsOnlyTheMeasuredWindowsPauses(@TempDir Path dir) {
        CellLauncher launcher = new CellLauncher(CellLauncher.Settings.current());
        CellKey key = new CellKey("binary-trees", "tiny", Map.of(), "jvm:serial", "16m", 1, 1);
        Path jfr = dir.resolve("cell.jfr");
        int warmup = 2;
        CellLauncher.Outcome o = launcher.launch(key, 16L << 20, CampaignRunner.hostHeapBytes(0), warmup,
                Duration.ofMinutes(3), Map.of("jfr", jfr), dir.resolve("logs"));

        assertThat(o.status()).as(o.message()).isEqualTo(RunRecord.OK);
        RunRecord record = o.record();
        assertThat(record.metrics().get(ResultsCsv.WARMUP_ITERATIONS)).isGreaterThanOrEqualTo(warmup);

        JfrPauses.Recording whole = JfrPauses.read(jfr);
        JfrPauses.Recording measured = whole.measured();
        // the full collection between warm-up and measurement is in the file, before the window
        assertThat(whole.pauses()).anyMatch(p -> p.start().isBefore(whole.start()));
        assertThat(measured.pauses()).allMatch(p -> !p.start().isBefore(whole.start())
                && !p.start().plusNanos(p.nanos()).isAfter(whole.end()));
        assertThat(record.pauseCount()).isEqualTo(measured.pauses().size()).isLessThan(whole.pauses().size());
        assertThat(record.pauseTotalNanos()).isEqualTo(measured.pauses().stream().mapToLong(JfrPauses.Pause::nanos).sum());
    }
}
