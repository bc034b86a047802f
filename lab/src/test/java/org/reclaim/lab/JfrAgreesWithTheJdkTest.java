package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reclaim.analysis.PauseSummary;
import org.reclaim.lab.input.HeapSize;
import org.reclaim.runtime.RunRecord;
import org.reclaim.workloads.run.Runner;

/**
 * For a real recording made by a forked JVM running binary-trees on plain Java objects, {@code lab
 * jfr} gives the same pause count, total and maximum, to the nanosecond, as the JDK's own
 * {@code jfr print} on the same file; and the run record carries those of the measured run's
 * window of it (JVM start-up and shut-down left out).
 */
class JfrAgreesWithTheJdkTest {

    @ParameterizedTest
    @CsvSource({"jvm:g1, 12m", "jvm:zgc, 24m"})
    void labJfrGivesTheSamePausesAsTheJdksJfrTool(String manager, String heap, @TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("run.jfr");
        Runner.Request request = new Runner.Request("binary-trees", "small", manager, HeapSize.parse(heap), 1, Map.of(), 4096);
        RunRecord record = JvmRunner.run(request, 0, jfr).record();
        assertThat(record.status()).isEqualTo(RunRecord.OK);
        assertThat(record.checksum()).isEqualTo(Runner.run(new Runner.Request("binary-trees", "small", "manual", 64L << 20, 1)).record().checksum());

        long[] jdk = jdkPauses(jfr);
        assertThat(jdk[0]).as("the forked JVM must have paused").isPositive();

        LabOutput lab = LabOutput.run("jfr", "--ns", jfr.toString());
        assertThat(lab.exit()).isZero();
        String[] lines = lab.out().strip().split("\n");
        assertThat(lines[0]).endsWith(": " + jdk[0] + " pauses");
        String[] last = lines[lines.length - 1].trim().split("\\s+");
        int n = last.length;
        long count = Long.parseLong(last[n - 8]), total = Long.parseLong(last[n - 7]), max = Long.parseLong(last[n - 1]);
        assertThat(new long[] {count, total, max}).containsExactly(jdk);
        PauseSummary measured = org.reclaim.analysis.JfrPauses.read(jfr).measured().summaries().getLast();
        assertThat(new long[] {record.pauseCount(), record.pauseTotalNanos(), record.pauseMaxNanos()})
                .containsExactly(measured.count(), measured.totalNanos(), measured.maxNanos());
        assertThat(record.pauseCount()).isPositive().isLessThanOrEqualTo(jdk[0]);
        assertThat(record.metrics()).containsKeys("pause.p50.ns", "mmu.10ms", "footprint.peak.bytes");
        assertThat(record.metrics().get("footprint.peak.bytes")).isPositive().isLessThanOrEqualTo((double) HeapSize.parse(heap));
    }

    /** Count, total and maximum of the recording's {@code jdk.GCPhasePause} events, by {@code jfr print --json}. */
    private static long[] jdkPauses(Path jfr) throws Exception {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Process p = new ProcessBuilder(tool.toString(), "print", "--events", "jdk.GCPhasePause", "--json", jfr.toString())
                .redirectErrorStream(true).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(json).isZero();
        JsonNode events = new ObjectMapper().readTree(json).path("recording").path("events");
        long count = 0, total = 0, max = 0;
        for (JsonNode e : events) {
            long d = Duration.parse(e.path("values").path("duration").asText()).toNanos();
            count++;
            total += d;
            max = Math.max(max, d);
        }
        return new long[] {count, total, max};
    }
}
