package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.reclaim.runtime.RunRecord;

/** {@code lab run} on issue 19's inputs: sizes checked before anything is allocated, output files checked before the run, files other tools read. */
@ResourceLock("System.out")
class RunInputTest {
    private static String[] run(String... more) {
        List<String> a = new ArrayList<>(List.of("run", "--workload", "binary-trees", "--size", "tiny", "--manager", "manual"));
        a.addAll(Arrays.asList(more));
        return a.toArray(String[]::new);
    }

    @Test
    void aHeapLargerThanTheLabsOwnJvmIsRefusedBeforeItIsAllocated() {
        LabOutput o = LabOutput.run(run("--heap", "12g"));
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("lab run: heap '12g' does not fit in the lab's own JVM, which may use ")
                .contains("the simulated heap may be 4k to ").doesNotContain("OutOfMemoryError").hasLineCount(1);
        assertThat(LabOutput.run(run("--heap", "1b")).err())
                .isEqualTo("lab run: heap '1b' is smaller than the smallest heap the lab runs, 4k\n");
    }

    @Test
    void aZeroSamplingIntervalOrOracleGranularityIsNamedAsSuch() {
        LabOutput o = LabOutput.run(run("--sample-every", "0"));
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("lab run: --sample-every '0' is not a positive size such as 4096, 512k, 64m or 1g");
        o = LabOutput.run(run("--oracle=0"));
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("lab run: --oracle (bytes of allocation between reachability walks) '0' is not a positive size");
    }

    @Test
    void aTimelineAtAFolderIsRefusedBeforeTheRun(@TempDir Path dir) {
        LabOutput o = LabOutput.run(run("--timeline", dir.toString()));
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("lab run: " + dir + " is a folder; give a file name to write\n");
    }

    @Test
    void aRecordingThatCannotBeWrittenKeepsTheSummaryAndIsOneLine() {
        LabOutput o = LabOutput.run(run("--hlog", "/proc/reclaim-test/p.hlog"));
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("lab run: ").contains("/proc/reclaim-test").hasLineCount(1).doesNotContain("\tat ");
    }

    @Test
    void anInvalidWorkloadParameterValueIsRefusedBeforeTheRun() {
        LabOutput o = LabOutput.run("run", "--workload", "doubly-linked-list", "--size", "tiny", "--manager", "manual",
                "--back", "sideways");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("lab run: --back takes weak or strong, not 'sideways'\n");
    }

    @Test
    void aSmallRunInABigHeapHasAFootprint() throws Exception {
        LabOutput o = LabOutput.run(run("--heap", "64m", "--json"));
        RunRecord r = RunCommand.json().readValue(o.out().strip(), RunRecord.class);
        assertThat(r.bytesAllocated()).isLessThan((64 << 20) / 64);
        assertThat(r.metrics().get("footprint.peak.bytes")).isPositive();
    }

    @Test
    void hdrHistogramsOwnLogProcessorReadsTheHlogCalledThePlainWay(@TempDir Path dir) throws Exception {
        Path hlog = dir.resolve("p.hlog");
        long before = System.currentTimeMillis() / 1000;
        assertThat(LabOutput.run(run("--hlog", hlog.toString())).exit()).isZero();
        String text = Files.readString(hlog);
        long start = Long.parseLong(text.replaceAll("(?s).*#\\[StartTime: ([0-9]+)\\.[0-9]+ .*", "$1"));
        assertThat(start).isBetween(before - 1, System.currentTimeMillis() / 1000);
        String jar = Path.of(Histogram.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", jar, "org.HdrHistogram.HistogramLogProcessor", "-i", hlog.toString())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Value     Percentile TotalCount").contains("#[Mean").doesNotContain("Exception");
    }

    @Test
    void recordingsHaveThePermissionsOfAnyNewFile(@TempDir Path dir) throws Exception {
        Path hlog = dir.resolve("p.hlog"), timeline = dir.resolve("t.csv"), jfr = dir.resolve("r.jfr");
        assertThat(LabOutput.run(run("--hlog", hlog.toString(), "--timeline", timeline.toString(), "--jfr", jfr.toString())).exit())
                .isZero();
        var plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        assertThat(Files.getPosixFilePermissions(hlog)).isEqualTo(plain);
        assertThat(Files.getPosixFilePermissions(timeline)).isEqualTo(plain);
        assertThat(Files.getPosixFilePermissions(jfr)).isEqualTo(plain);
    }
}
