package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab jfr} on a simulated run's recording, and one clear error (exit 2) for bad files. */
class JfrCommandTest {

    private static Path simulatedRecording(Path dir) {
        Path jfr = dir.resolve("manual.jfr");
        LabOutput run = LabOutput.run("run", "--workload", "binary-trees", "--size", "tiny", "--manager", "manual", "--jfr", jfr.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return jfr;
    }

    @Test
    void aSimulatedRunsRecordingSummarisesItsOwnPauses(@TempDir Path dir) {
        Path jfr = simulatedRecording(dir);
        LabOutput json = LabOutput.run("run", "--workload", "binary-trees", "--size", "tiny", "--manager", "manual", "--json");
        LabOutput out = LabOutput.run("jfr", "--ns", jfr.toString());
        assertThat(out.exit()).isZero();
        // binary-trees tiny under manual: one FREE pause per dropped tree
        assertThat(json.out()).contains("\"pauseCount\":");
        long expected = Long.parseLong(json.out().replaceAll("(?s).*\"pauseCount\":(\\d+).*", "$1"));
        assertThat(out.out()).contains(": " + expected + " pauses");
        assertThat(out.out()).containsPattern("(?m)^manual\\s+" + expected + "\\s");
    }

    @Test
    void aMissingFileIsOneErrorWithExitTwo(@TempDir Path dir) {
        expectOneError(dir.resolve("missing.jfr"), "no such file");
    }

    @Test
    void anEmptyFileIsOneErrorWithExitTwo(@TempDir Path dir) throws Exception {
        expectOneError(Files.createFile(dir.resolve("empty.jfr")), "the file is empty");
    }

    @Test
    void aTruncatedRecordingIsOneErrorWithExitTwo(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(simulatedRecording(dir));
        expectOneError(Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(whole, whole.length * 2 / 3)), "a truncated");
    }

    @Test
    void aFileThatIsNotJfrIsOneErrorWithExitTwo(@TempDir Path dir) throws Exception {
        expectOneError(Files.writeString(dir.resolve("results.jfr"), "workload,manager\n"), "not a JFR recording");
    }

    private static void expectOneError(Path file, String what) {
        LabOutput out = LabOutput.run("jfr", file.toString());
        assertThat(out.exit()).isEqualTo(2);
        assertThat(out.out()).isEmpty();
        assertThat(out.err().strip().lines()).hasSize(1);
        assertThat(out.err()).startsWith("lab jfr: " + file + ": " + what);
    }
}
