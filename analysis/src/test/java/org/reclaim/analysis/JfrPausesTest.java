package org.reclaim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.runtime.probe.FootprintEvent;
import org.reclaim.runtime.probe.PauseEvent;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.PauseRecorder;

/** Reading Reclaim's own events back, and one clear error for files that are not recordings. */
class JfrPausesTest {

    /** A recording of four simulated pauses and two footprint samples. */
    static Path record(Path dir) throws Exception {
        Path file = dir.resolve("run.jfr");
        try (Recording r = new Recording()) {
            r.enable(PauseEvent.class);
            r.enable(FootprintEvent.class);
            r.start();
            PauseRecorder rec = new PauseRecorder(1, true);
            rec.pause(PauseKind.FREE, 0, 5_000, 3, 12, 100, 40);
            rec.pause(PauseKind.FREE, 10_000, 12_345, 1, 4, 40, 8);
            rec.pause(PauseKind.COLLECTION, 20_000, 1_020_000, 7, 70, 800, 80);
            rec.pause(PauseKind.FREE, 30_000, 30_001, 1, 4, 8, 0);
            rec.footprint(4096, 1024);
            rec.footprint(8192, 512);
            r.stop();
            r.dump(file);
        }
        return file;
    }

    @Test
    void reclaimPausesReadBackWithTheirDurationsAndTheFootprintWithItsClock(@TempDir Path dir) throws Exception {
        JfrPauses.Recording r = JfrPauses.read(record(dir));
        assertThat(r.pauses()).extracting(JfrPauses.Pause::nanos).containsExactlyInAnyOrder(5_000L, 2_345L, 1_000_000L, 1L);
        assertThat(r.pauses()).extracting(JfrPauses.Pause::name).contains("FREE", "COLLECTION");
        assertThat(r.footprint()).extracting(JfrPauses.HeapSample::clock).containsExactly(4096L, 8192L);
        assertThat(r.footprint()).extracting(JfrPauses.HeapSample::inUse).containsExactly(1024L, 512L);
        PauseSummary all = r.summaries().getLast();
        assertThat(all.collector()).isEqualTo(PauseSummary.ALL);
        assertThat(all.count()).isEqualTo(4);
        assertThat(all.totalNanos()).isEqualTo(1_007_346);
        assertThat(all.minNanos()).isEqualTo(1);
        assertThat(all.maxNanos()).isEqualTo(1_000_000);
        assertThat(all.medianNanos()).isEqualTo(2_345);
    }

    @Test
    void aMissingFileIsOneClearError(@TempDir Path dir) {
        Path f = dir.resolve("nothing.jfr");
        assertThatThrownBy(() -> JfrPauses.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + ": no such file");
    }

    @Test
    void anEmptyFileIsOneClearError(@TempDir Path dir) throws Exception {
        Path f = Files.createFile(dir.resolve("empty.jfr"));
        assertThatThrownBy(() -> JfrPauses.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + ": the file is empty, not a JFR recording");
    }

    @Test
    void aFileThatIsNotJfrIsOneClearError(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("notes.jfr"), "workload,manager\nbinary-trees,manual\n");
        assertThatThrownBy(() -> JfrPauses.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + ": not a JFR recording");
    }

    @Test
    void aTruncatedRecordingIsOneClearError(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(record(dir));
        Path f = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> JfrPauses.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + ": a truncated");
    }

    @Test
    void theMeasuredWindowKeepsOnlyThePausesAndSamplesInsideIt() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Instant from = t0.plusMillis(100), to = t0.plusMillis(200);
        List<JfrPauses.Pause> pauses = List.of(
                new JfrPauses.Pause("G1Full", "GC Pause", t0.plusMillis(10), 5_000_000),    // warm-up's
                new JfrPauses.Pause("G1New", "GC Pause", t0.plusMillis(98), 3_000_000),     // begins before, ends inside
                new JfrPauses.Pause("G1New", "GC Pause", from, 1_000_000),                  // at the start: inside
                new JfrPauses.Pause("G1New", "GC Pause", t0.plusMillis(150), 2_000_000),
                new JfrPauses.Pause("G1New", "GC Pause", t0.plusMillis(199), 1_000_000),   // ends at the end: inside
                new JfrPauses.Pause("G1New", "GC Pause", t0.plusMillis(199), 2_000_000),   // ends after
                new JfrPauses.Pause("G1Old", "GC Pause", t0.plusMillis(250), 1_000_000));  // shut-down's
        List<JfrPauses.HeapSample> afterGc = List.of(new JfrPauses.HeapSample(t0.plusMillis(15), 1, 0),
                new JfrPauses.HeapSample(t0.plusMillis(101), 2, 0), new JfrPauses.HeapSample(t0.plusMillis(201), 3, 0));
        JfrPauses.Recording whole = new JfrPauses.Recording(pauses, afterGc, List.of(), from, to);

        JfrPauses.Recording measured = whole.measured();
        assertThat(measured.pauses()).extracting(JfrPauses.Pause::nanos).containsExactly(1_000_000L, 2_000_000L, 1_000_000L);
        assertThat(measured.afterGc()).extracting(JfrPauses.HeapSample::inUse).containsExactly(2L);
        assertThat(measured.start()).isEqualTo(from);
        assertThat(measured.end()).isEqualTo(to);
        assertThat(measured.summaries().getLast().totalNanos()).isEqualTo(4_000_000);
        assertThat(new JfrPauses.Recording(List.of(), List.of(), List.of(), null, null).measured().pauses()).isEmpty();
    }
}
