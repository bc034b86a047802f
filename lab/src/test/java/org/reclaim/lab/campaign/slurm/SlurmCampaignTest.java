package org.reclaim.lab.campaign.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.lab.campaign.Environment;
import org.reclaim.analysis.results.ResultsFile;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of a Slurm run that need no cluster: array specs, machines merged from shards. */
class SlurmCampaignTest {
    @TempDir Path dir;

    @Test
    void shardsToSubmitAreWrittenAsSlurmArraySpecs() {
        assertThat(SlurmCampaign.ranges(new TreeSet<>(Set.of(1, 2, 3, 5, 7, 8)))).isEqualTo("1-3,5,7-8");
        assertThat(SlurmCampaign.ranges(new TreeSet<>(Set.of(4)))).isEqualTo("4");
        assertThat(SlurmCampaign.ranges(new TreeSet<>())).isEmpty();
    }

    @Test
    void aCellKilledByItsTaskSigtermIsNoResultButACellThatCrashedOnItsOwnIs() {
        Path csv = dir.resolve("results.csv");
        try (ResultsFile f = ResultsFile.open(csv)) {
            f.append(ResultRow.failed(key(1), 0, 0, ResultRow.CRASH, "exit status 143: Picked up a SIGTERM", 1));
            f.append(ResultRow.failed(key(2), 0, 0, ResultRow.CRASH, "exit status 7: cell fault injected by a test: crashing", 1));
            f.append(ResultRow.failed(key(3), 0, 0, ResultRow.TIMEOUT, "killed after the time limit of 3000 ms", 1));
        }
        SlurmCampaign.dropKilledCells(csv);
        assertThat(ResultsCsv.read(csv)).extracting(r -> r.key().seed()).containsExactly(2L, 3L);
    }

    static CellKey key(long seed) {
        return new CellKey("binary-trees", "tiny", Map.of(), "manual", "2x", seed, 1);
    }

    @Test
    void eachCellKeepsTheMachineOfItsLastRun() throws Exception {
        String header = "cell,node,cpu_model,slurm_job_id,slurm_array_job_id,slurm_array_task_id\n";
        Path out = dir.resolve("out"), s1 = dir.resolve("s1"), s2 = dir.resolve("s2");
        for (Path p : List.of(out, s1, s2)) Files.createDirectories(p);
        Files.writeString(out.resolve("machines.csv"), header + "a,n0,Old,1,1,1\n");
        Files.writeString(s1.resolve("machines.csv"), header + "a,n1,\"Model A, 2 GHz\",2,2,1\nb,n1,\"Model A, 2 GHz\",2,2,1\n");
        Files.writeString(s2.resolve("machines.csv"), header + "c,n2,Model B,3,2,2\nc,n3,Model B,4,4,2\n");
        Environment.mergeMachines(out, List.of(out, s1, s2));
        assertThat(Files.readAllLines(out.resolve("machines.csv"))).containsExactly(header.strip(),
                "a,n1,\"Model A, 2 GHz\",2,2,1", "b,n1,\"Model A, 2 GHz\",2,2,1", "c,n3,Model B,4,4,2");
    }
}
