package org.reclaim.lab.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.lab.input.BadInput;

/**
 * A results folder is one campaign's at a time, is never written into by another campaign, and
 * never records a failure of the machine as a cell's result (issue 19).
 */
class ResultsFolderSafetyTest {
    static final String ONE_CELL = """
            workloads:
              - name: binary-trees
                sizes: [tiny]
            managers: [manual]
            heaps: [64k]
            time-limit: 60s
            """;

    @TempDir Path dir;

    Campaign campaign(String name, String yaml) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return CampaignFile.read(f);
    }

    @Test
    void aSecondCampaignOnAFolderInUseIsRefusedNamingTheOwnerAndTheOwnersDeathFreesIt() throws Exception {
        Path out = dir.resolve("shared");
        Files.createDirectories(out);
        CellLauncher.Settings cells = CellLauncher.Settings.current();
        Process holder = new ProcessBuilder(cells.java(), "-cp", cells.classpath(), HoldResultsFolder.class.getName(),
                out.toString()).redirectErrorStream(true).start();
        try {
            var lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("locked");
            Campaign c = campaign("one.yaml", ONE_CELL);
            assertThatThrownBy(() -> CampaignRunnerTest.run(c, out, Shard.ALL, List.of()))
                    .isInstanceOf(BadInput.class)
                    .hasMessage("results folder " + out + " is in use by campaign held-by-a-test (pid " + holder.pid() + " on "
                            + java.net.InetAddress.getLocalHost().getHostName() + ", since "
                            + Files.readString(out.resolve("campaign.lock")).split("since ")[1].strip()
                            + "; wait for it to end, or give another --out");
            assertThat(out.resolve(ResultsCsv.FILE_NAME)).doesNotExist();
        } finally {
            holder.destroyForcibly().waitFor();
        }
        Campaign c = campaign("one.yaml", ONE_CELL);
        CampaignRunner.Summary s = CampaignRunnerTest.run(c, out, Shard.ALL, List.of());
        assertThat(s.statuses()).containsEntry("ok", 1);
        assertThat(ResultsCsv.read(out.resolve(ResultsCsv.FILE_NAME))).hasSize(1);
    }

    @Test
    void aFolderWithoutEnvJsonIsStillRefusedToAnotherCampaign() throws Exception {
        Path out = dir.resolve("first");
        CampaignRunnerTest.run(campaign("one.yaml", ONE_CELL), out, Shard.ALL, List.of());
        Files.delete(out.resolve("env.json"));
        Campaign other = campaign("other.yaml", ONE_CELL.replace("64k", "128k"));
        assertThatThrownBy(() -> CampaignRunnerTest.run(other, out, Shard.ALL, List.of()))
                .hasMessageContaining("holds results of another campaign file (its campaign.yaml has sha256");
        Files.delete(out.resolve("campaign.yaml"));
        assertThatThrownBy(() -> CampaignRunnerTest.run(other, out, Shard.ALL, List.of()))
                .hasMessageContaining("holds results but neither env.json nor campaign.yaml to say of which campaign");
        assertThat(ResultsCsv.read(out.resolve(ResultsCsv.FILE_NAME))).hasSize(1);
    }

    @Test
    void aCellJvmThatCannotStartStopsTheCampaignWithoutARowAndTheSameCommandResumes() throws Exception {
        Path out = dir.resolve("nostart");
        Campaign c = campaign("one.yaml", ONE_CELL);
        assertThatThrownBy(() -> CampaignRunnerTest.run(c, out, Shard.ALL, List.of("-XX:+ReclaimNoSuchOption")))
                .isInstanceOf(CellLauncher.InfrastructureFailure.class)
                .hasMessageStartingWith("campaign one stopped: the cell binary-trees tiny manual 64k seed 1 rep 1 failed"
                        + " for a reason outside it (Could not create the Java Virtual Machine)")
                .hasMessageEndingWith("nothing was recorded for that cell: fix it and run the same command again to resume");
        assertThat(ResultsCsv.read(out.resolve(ResultsCsv.FILE_NAME))).isEmpty();
        CampaignRunner.Summary resumed = CampaignRunnerTest.run(c, out, Shard.ALL, List.of());
        assertThat(resumed.skipped()).isZero();
        assertThat(resumed.statuses()).containsEntry("ok", 1);
    }

    @Test
    void aCellKilledFromOutsideStopsTheCampaignWithoutARow() throws Exception {
        Path out = dir.resolve("killed");
        Campaign c = campaign("one.yaml", ONE_CELL);
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread campaign = new Thread(() -> {
            try {
                CampaignRunnerTest.run(c, out, Shard.ALL, List.of("-Dreclaim.cell.fault.1=hang"));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        campaign.start();
        ProcessHandle cell = null;
        for (long deadline = System.nanoTime() + 60_000_000_000L; cell == null && System.nanoTime() < deadline; Thread.sleep(50))
            // The cell is the one java process this JVM forks here. Its command line cannot say so: Linux shows a
            // process's arguments to others only up to 4096 characters, and the test classpath alone is longer.
            cell = ProcessHandle.current().children()
                    .filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst().orElse(null);
        assertThat(cell).as("the cell's process").isNotNull();
        cell.destroyForcibly();
        campaign.join(60_000);
        assertThat(failure.get()).isInstanceOf(CellLauncher.InfrastructureFailure.class)
                .hasMessageStartingWith("campaign one stopped: the cell binary-trees tiny manual 64k seed 1 rep 1 was killed from"
                        + " outside the campaign (signal 9");
        assertThat(ResultsCsv.read(out.resolve(ResultsCsv.FILE_NAME))).isEmpty();
    }

    @Test
    void aFullDiskStopsTheCampaignBeforeTheCellRatherThanRecordingACrash() throws Exception {
        Path out = dir.resolve("full");
        Campaign c = campaign("one.yaml", ONE_CELL);
        CellLauncher.Settings cells = CellLauncher.Settings.current();
        var runner = new CampaignRunner(new CampaignRunner.Settings(out, Shard.ALL, cells, Long.MAX_VALUE),
                new LogProgress(System.err));
        assertThatThrownBy(() -> runner.run(c))
                .isInstanceOf(CellLauncher.InfrastructureFailure.class)
                .hasMessageContaining("campaign one stopped: no space left for the next cell: ")
                .hasMessageContaining(" MiB free on the file system of " + out);
        assertThat(ResultsCsv.read(out.resolve(ResultsCsv.FILE_NAME))).isEmpty();
    }

    @Test
    void anOutFolderOnAReadOnlyFileSystemIsOneLineAndExitStatus2() throws Exception {
        Files.writeString(dir.resolve("one.yaml"), ONE_CELL);
        var o = org.reclaim.lab.LabOutput.run("campaign", dir.resolve("one.yaml").toString(), "--out", "/proc/reclaim-results");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("lab campaign: cannot create results folder /proc/reclaim-results").hasLineCount(1);
    }

    @Test
    void anOutFolderThatIsAFileIsOneLineAndExitStatus2() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Files.writeString(dir.resolve("one.yaml"), ONE_CELL);
        var o = org.reclaim.lab.LabOutput.run("campaign", dir.resolve("one.yaml").toString(), "--out", file.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("lab campaign: results folder " + file + " is a file, not a folder; give another --out\n");
    }
}
