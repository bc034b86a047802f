package org.reclaim.lab.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.lab.Lab;
import org.reclaim.reports.Readings;
import org.reclaim.reports.ResultsFolder;

/**
 * The measurement issue's test of the demo, in small: the same 3-repetition campaign run twice
 * gives reports that never state a difference the other way round (a difference in one and "not
 * distinguishable" in the other is allowed), and {@code lab compare} says so.
 */
class TwoRunsAgreeTest {
    /**
     * The demo's question on binary-trees tiny, small enough to run twice in about a minute (each
     * cell is a JVM of its own): explicit against tracing, 2 managers x 1 heap x 3 repetitions = 6 cells.
     */
    static final String DEMO_IN_SMALL = """
            workloads:
              - name: binary-trees
                sizes: [tiny]
            managers: [manual, mark-sweep]
            heaps: [4x]
            repetitions: 3
            warmup: 1
            time-limit: 60s
            record: [hlog, timeline]
            """;

    @Test
    void twoRunsOfTheSameCampaignDoNotContradictEachOther(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo-in-small.yaml");
        Files.writeString(file, DEMO_IN_SMALL);
        Campaign c = CampaignFile.read(file);
        Path first = dir.resolve("first"), second = dir.resolve("second");
        for (Path out : List.of(first, second)) {
            new CampaignRunner(new CampaignRunner.Settings(out, Shard.ALL, CellLauncher.Settings.current()),
                    new LogProgress(System.err)).run(c);
            assertThat(ResultsCsv.read(out.resolve(ResultsCsv.FILE_NAME))).hasSize(6).extracting(ResultRow::status).containsOnly("ok");
        }

        Readings a = Readings.of(ResultsFolder.read(first)), b = Readings.of(ResultsFolder.read(second));
        assertThat(a.contradictions(b)).isEmpty();
        assertThat(b.contradictions(a)).isEmpty();
        assertThat(Lab.commandLine().execute("compare", first.toString(), second.toString())).isZero();
    }
}
