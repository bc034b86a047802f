package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab campaign --slurm-dry-run} writes a job script a user can read and submit by hand, and
 * the Slurm options' bad values get one line and exit 2. No cluster needed (see
 * {@code SlurmEndToEndTest} for the real one).
 */
class SlurmCommandLineTest {
    @TempDir Path dir;
    Path yaml;

    @BeforeEach
    void campaign() throws Exception {
        yaml = dir.resolve("tiny.yaml");
        Files.writeString(yaml, """
                workloads:
                  - name: binary-trees
                    sizes: [tiny]
                managers: [manual, mark-sweep]
                heaps: [64m]
                repetitions: 3
                """);
    }

    @Test
    void theDryRunWritesAndPrintsAJobArrayOfOneShardPerTaskOnWholeNodes() throws Exception {
        Path out = dir.resolve("out");
        LabOutput r = LabOutput.run("campaign", yaml.toString(), "--out", out.toString(), "--slurm-dry-run",
                "--partition", "bench", "--max-parallel", "2", "--time-limit", "1:30:00", "--tasks", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        Path script = out.resolve("slurm/campaign.sbatch");
        String text = Files.readString(script);
        assertThat(r.out()).startsWith(text).contains("sbatch " + script.toAbsolutePath());
        assertThat(text).startsWith("#!/usr/bin/env bash\n").contains(
                "#SBATCH --array=1-3%2\n", "#SBATCH --exclusive", "#SBATCH --partition=bench\n", "#SBATCH --time=1:30:00\n",
                "#SBATCH --job-name=reclaim-tiny-", "--shard \"$shard\"/3\n", "find_jdk\n", "org.reclaim.lab.Lab");
        assertThat(out.resolve("slurm/tiny.yaml")).hasSameTextualContentAs(yaml);
        assertThat(out.resolve("slurm/logs")).isDirectory();
        assertThat(out.resolve("results.csv")).doesNotExist();
    }

    @Test
    void oneTaskPerCellByDefaultAndTheFirstCountStaysWithTheFolder() throws Exception {
        Path out = dir.resolve("out");
        assertThat(LabOutput.run("campaign", yaml.toString(), "--out", out.toString(), "--slurm-dry-run").out())
                .contains("#SBATCH --array=1-6\n").doesNotContain("--partition", "--time=");
        assertThat(LabOutput.run("campaign", yaml.toString(), "--out", out.toString(), "--slurm-dry-run", "--tasks", "2").out())
                .contains("#SBATCH --array=1-6\n", "--shard \"$shard\"/6\n");
    }

    @Test
    void badSlurmOptionsGetOneLineAndExitTwo() {
        String out = dir.resolve("out").toString();
        assertBad(LabOutput.run("campaign", yaml.toString(), "--out", out, "--slurm-dry-run", "--time-limit", "soon"),
                "--time-limit 'soon' is not a Slurm time");
        assertBad(LabOutput.run("campaign", yaml.toString(), "--out", out, "--slurm-dry-run", "--partition", "a b"),
                "--partition 'a b' is not a partition name");
        assertBad(LabOutput.run("campaign", yaml.toString(), "--out", out, "--slurm", "--shard", "1/2"),
                "--shard and --slurm do not go together");
        assertBad(LabOutput.run("campaign", yaml.toString(), "--out", out, "--slurm-dry-run", "--max-parallel", "-1"),
                "--max-parallel must be 1 or more");
    }

    static void assertBad(LabOutput r, String message) {
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("Exception").hasLineCount(1);
    }
}
