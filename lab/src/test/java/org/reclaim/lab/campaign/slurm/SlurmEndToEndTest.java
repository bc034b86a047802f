package org.reclaim.lab.campaign.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.lab.campaign.Campaign;
import org.reclaim.lab.campaign.CampaignFile;

/**
 * {@code lab campaign --slurm} against a real one-node Slurm cluster that
 * {@code scripts/slurm-test-cluster} brings up (installing Slurm when root with apt) and takes
 * down: a 16-cell campaign in 4 tasks runs every cell exactly once and writes its report; a task
 * cancelled in a second run is listed as CANCELLED and the re-run submits only it; the command
 * killed with SIGKILL while its tasks run, then run again, waits for them and loses and doubles no
 * cell. It brings a cluster up, so only {@code scripts/test} runs it ({@code RECLAIM_SLURM_E2E=1});
 * it skips, saying why, when the cluster cannot start here (not root, no apt).
 */
class SlurmEndToEndTest {
    static final String CAMPAIGN = """
            name: tiny16
            workloads:
              - name: binary-trees
                sizes: [tiny]
            managers: [manual, mark-sweep, semispace, ownership]
            heaps: [2x, 3x]
            repetitions: 2
            warmup: 0
            time-limit: 60s
            """;

    @TempDir static Path dir;
    static Path clusterDir, script, slurmConf;
    static boolean up;
    static Campaign campaign;

    @BeforeAll
    static void bringTheClusterUp() throws Exception {
        assumeTrue("1".equals(System.getenv("RECLAIM_SLURM_E2E")),
                "brings a Slurm cluster up: scripts/test runs it (RECLAIM_SLURM_E2E=1)");
        script = projectRoot().resolve("scripts").resolve("slurm-test-cluster");
        clusterDir = Files.createTempDirectory("reclaim-slurm-e2e");
        Files.delete(clusterDir);                              // the script makes it, and 'down' removes it
        Result r = cluster("up");
        assumeTrue(r.exit() != 3, r.err().strip());
        assertThat(r.exit()).as(r.err()).isZero();
        up = true;
        slurmConf = clusterDir.resolve("slurm.conf");
        Path yaml = dir.resolve("tiny16.yaml");
        Files.writeString(yaml, CAMPAIGN);
        campaign = CampaignFile.read(yaml);
    }

    @AfterAll
    static void takeItDown() throws Exception {
        if (up) assertThat(cluster("down").exit()).isZero();
    }

    @Test
    void everyCellRunsExactlyOnceAndTheReportIsWritten() throws Exception {
        Path out = dir.resolve("whole");
        Result r = lab(out, "--max-parallel", "2").waitFor();
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("tasks 1-4 of 4, 16 cells to run");
        assertEveryCellOnce(out);
        assertThat(ResultsCsv.read(out.resolve("results.csv"))).extracting(ResultRow::status).containsOnly("ok");
        assertThat(out.resolve("report.html")).isRegularFile();
        List<String> machines = Files.readAllLines(out.resolve("machines.csv"));      // node and Slurm ids per cell
        assertThat(machines.subList(1, machines.size())).hasSize(16)
                .allSatisfy(l -> assertThat(l).contains(",reclaim1,").matches(".*,\\d+,\\d+,[1-4]$"));
        assertThat(out.resolve("report.md")).content().contains("- Machine: ").contains(": 16 cells on reclaim1");
        assertThat(out.resolve("slurm/campaign.sbatch")).content().contains("#SBATCH --exclusive", "--shard \"$shard\"/4");
    }

    @Test
    void aCancelledTaskIsListedAndTheReRunSubmitsOnlyIt() throws Exception {
        Path out = dir.resolve("cancelled");
        Running front = lab(out, "--max-parallel", "1");
        long job = awaitTask(front, 4, "PENDING");
        run("scancel", job + "_4");
        Result r = front.waitFor();
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("task 4 (job").contains("CANCELLED").contains("12 with a row, 4 missing");
        assertThat(keys(out)).hasSize(12).doesNotHaveDuplicates();

        Result again = lab(out, "--max-parallel", "1").waitFor();
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.err()).contains("tasks 4 of 4, 4 cells to run");
        assertEveryCellOnce(out);
    }

    @Test
    void killingTheCommandWhileTasksRunLosesAndDoublesNoCell() throws Exception {
        Path out = dir.resolve("killed");
        Running front = lab(out, "--max-parallel", "1");
        awaitTask(front, 1, "RUNNING");
        front.process().destroyForcibly().waitFor();          // SIGKILL, while task 1 runs and 2-4 wait

        Result again = lab(out, "--max-parallel", "1").waitFor();
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.err()).contains("are still queued or running: waiting for them").doesNotContain("submitted job");
        assertEveryCellOnce(out);
        for (int i = 1; i <= 4; i++)
            assertThat(keys(out.resolve("slurm/shard-" + i))).hasSize(4).doesNotHaveDuplicates();
    }

    // Helpers

    static void assertEveryCellOnce(Path out) {
        assertThat(keys(out)).containsExactlyInAnyOrderElementsOf(campaign.cells());
    }

    static List<CellKey> keys(Path folder) {
        return ResultsCsv.read(folder.resolve("results.csv")).stream().map(ResultRow::key).toList();
    }

    /** Waits until task {@code index} of the front's job shows {@code state}; returns the array job id. */
    static long awaitTask(Running front, int index, String state) throws Exception {
        for (int i = 0; i < 600; i++) {
            String q = run("squeue", "--noheader", "--array", "--format=%F|%K|%T").out();
            for (String line : q.lines().toList()) {
                String[] f = line.strip().split("\\|");
                if (f.length == 3 && f[1].equals(Integer.toString(index)) && f[2].equals(state)) return Long.parseLong(f[0]);
            }
            assertThat(front.process().isAlive()).as("the command ended before task %d was %s", index, state).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("task " + index + " never showed " + state);
    }

    record Result(int exit, String out, String err) {}

    record Running(Process process, Path out, Path err) {
        Result waitFor() throws Exception {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("lab campaign --slurm did not end in 15 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    /** {@code lab campaign tiny16.yaml --out OUT --slurm --tasks 4 EXTRA...} in a JVM of its own, as a user runs it. */
    static Running lab(Path out, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaLauncher(), "-Dreclaim.slurm.poll.ms=300", "-cp",
                System.getProperty("java.class.path"), "org.reclaim.lab.Lab", "campaign", dir.resolve("tiny16.yaml").toString(),
                "--out", out.toString(), "--slurm", "--tasks", "4"));
        cmd.addAll(List.of(extra));
        Path o = Files.createTempFile(dir, "front", ".out"), e = Files.createTempFile(dir, "front", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(o.toFile()).redirectError(e.toFile());
        pb.environment().put("SLURM_CONF", slurmConf.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        return new Running(p, o, e);
    }

    static Result cluster(String action) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(script.toString(), action);
        pb.environment().put("RECLAIM_SLURM_DIR", clusterDir.toString());
        pb.environment().put("RECLAIM_SLURM_PORT", Integer.toString(freePortPair()));
        return run(pb);
    }

    static Result run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SLURM_CONF", slurmConf.toString());
        return run(pb);
    }

    static Result run(ProcessBuilder pb) throws Exception {
        Path o = Files.createTempFile(dir, "cmd", ".out"), e = Files.createTempFile(dir, "cmd", ".err");
        Process p = pb.redirectOutput(o.toFile()).redirectError(e.toFile()).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", pb.command())).isTrue();
        return new Result(p.exitValue(), Files.readString(o, StandardCharsets.UTF_8), Files.readString(e, StandardCharsets.UTF_8));
    }

    /** A port whose next port is free too (slurmctld's and slurmd's). */
    static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p;
            try (ServerSocket s = new ServerSocket(0)) { p = s.getLocalPort(); }
            if (p >= 65535) continue;
            try (ServerSocket ignored = new ServerSocket(p + 1)) { return p; } catch (IOException busy) { /* another */ }
        }
        throw new IOException("no two free ports in a row");
    }

    static String javaLauncher() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static Path projectRoot() {
        Path root = JobScript.projectRoot(Path.of("").toAbsolutePath());
        if (root == null) throw new IllegalStateException("run from inside the project: no scripts/jdk.sh above " + Path.of("").toAbsolutePath());
        return root;
    }
}
