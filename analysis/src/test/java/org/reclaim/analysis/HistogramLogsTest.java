package org.reclaim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.PauseRecorder;

class HistogramLogsTest {
    private static PauseRecorder recorderWithPauses() {
        PauseRecorder r = new PauseRecorder(4096);
        long t = 1_000;
        long[] durations = {1_500, 87_654_321, 2_000, 123_456, 999, 40_000_017};
        for (long d : durations) {
            r.pause(PauseKind.FREE, t, t + d, 1, 2, 0, 0);
            t += d + 10_000;
        }
        return r;
    }

    @Test
    void theHistogramsMaxIsTheLongestRecordedPause() {
        PauseRecorder r = recorderWithPauses();
        Histogram h = r.histogram();
        assertThat(r.pauseMaxNanos()).isEqualTo(87_654_321);
        assertThat(h.getTotalCount()).isEqualTo(6);
        assertThat(h.valuesAreEquivalent(h.getMaxValue(), r.pauseMaxNanos())).isTrue();
        assertThat(h.getMaxValue()).isEqualTo(h.highestEquivalentValue(87_654_321));
    }

    @Test
    void anHlogReadsBackWithHdrHistogramsReaderToTheSameCounts(@TempDir Path dir) throws Exception {
        PauseRecorder r = recorderWithPauses();
        Path file = dir.resolve("pauses.hlog");
        HistogramLogs.write(file, r.histogram(), "binary-trees/manual");
        List<Histogram> back = HistogramLogs.read(file);
        assertThat(back).hasSize(1);
        Histogram h = back.getFirst();
        assertThat(h.getTag()).as("untagged, so HistogramLogProcessor -i reads it").isNull();
        assertThat(h.getStartTimeStamp()).isPositive().isLessThanOrEqualTo(h.getEndTimeStamp());
        assertThat(h.getTotalCount()).isEqualTo(r.histogram().getTotalCount());
        assertThat(h.getMaxValue()).isEqualTo(r.histogram().getMaxValue());
        assertThat(h.getMinValue()).isEqualTo(r.histogram().getMinValue());
        for (long v : new long[] {999, 1_500, 2_000, 123_456, 40_000_017, 87_654_321})
            assertThat(h.getCountAtValue(v)).isEqualTo(r.histogram().getCountAtValue(v)).isEqualTo(1);
        assertThat(h).isEqualTo(r.histogram());
    }
}
