package org.reclaim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report says which machine measured what, and warns when one comparison spans CPU models. */
class MachinesTest {
    static final String HEADER = "cell,node,cpu_model,slurm_job_id,slurm_array_job_id,slurm_array_task_id\n";

    @TempDir Path dir;

    void results() {
        try (HandMadeResults r = new HandMadeResults(dir)) {
            double[] p = {1, 2, 3, 4};
            double[] mmu = {0.5, 0.8, 0.9};
            r.ok("binary-trees", "manual", 2, 1, 10, 1, p, mmu).ok("binary-trees", "mark-sweep", 2, 1, 12, 3, p, mmu)
                    .ok("queue-churn", "manual", 2, 1, 10, 1, p, mmu).ok("queue-churn", "mark-sweep", 2, 1, 12, 3, p, mmu);
        }
    }

    static String id(String workload, String manager) {
        return HandMadeResults.key(workload, manager, 2, 1).id();
    }

    @Test
    void aBenchmarkMeasuredOnTwoCpuModelsIsWarnedAboutAndTheOthersAreNot() throws Exception {
        results();
        Files.writeString(dir.resolve(Machines.FILE_NAME), HEADER
                + id("binary-trees", "manual") + ",n1,Model A,11,10,1\n"
                + id("binary-trees", "mark-sweep") + ",n2,\"Model B, 2 GHz\",12,10,2\n"
                + id("queue-churn", "manual") + ",n1,Model A,13,10,3\n"
                + id("queue-churn", "mark-sweep") + ",n3,Model A,14,10,4\n");
        ResultsFolder f = ResultsFolder.read(dir);
        assertThat(Machines.warnings(f)).containsExactly("The cells of binary-trees tiny ran on 2 CPU models:"
                + " Model A (1 cells), Model B, 2 GHz (1 cells); its times compare machines as well as managers.");
        assertThat(Machines.lines(f)).containsExactly("Model A: 3 cells on n1, n3", "Model B, 2 GHz: 1 cells on n2");
        Report.write(dir, ChartStyle.DEFAULT);
        assertThat(dir.resolve("report.md")).content().contains("**Warning:** The cells of binary-trees tiny ran on 2 CPU models");
        assertThat(dir.resolve("report.html")).content().contains("Warning:</strong> The cells of binary-trees tiny");
    }

    @Test
    void oneCpuModelOrNoMachineFileGivesNoWarning() throws Exception {
        results();
        assertThat(Machines.warnings(ResultsFolder.read(dir))).isEmpty();
        Files.writeString(dir.resolve(Machines.FILE_NAME), HEADER + id("binary-trees", "manual") + ",n1,Model A,,,\n"
                + id("binary-trees", "mark-sweep") + ",n2,Model A,,,\n");
        assertThat(Machines.warnings(ResultsFolder.read(dir))).isEmpty();
    }
}
