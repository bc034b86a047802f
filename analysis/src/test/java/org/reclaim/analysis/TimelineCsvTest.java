package org.reclaim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.analysis.oracle.LifetimeSplit;
import org.reclaim.analysis.oracle.OracleMetrics;
import org.reclaim.workloads.run.Runner;

class TimelineCsvTest {

    /** The measured run's timeline gains the oracle run's curves, row for row on the allocation clock. */
    @Test
    void aMeasuredTimelineTakesTheOracleRunsCurves(@TempDir Path dir) throws Exception {
        var request = new Runner.Request("binary-trees", "tiny", "mark-sweep", 64 << 10, 1, java.util.Map.of(), 4096);
        Runner.Result measured = Runner.run(request);
        Runner.Result oracle = Runner.run(request.withOracle(4096));
        Path m = dir.resolve("measured.csv"), o = dir.resolve("oracle.csv");
        TimelineCsv.write(m, measured.recorder());
        TimelineCsv.write(o, oracle.recorder(), OracleMetrics.split(oracle.manager(), oracle.allLeaks(), LifetimeSplit.Clock.ALLOCATION));

        TimelineCsv.takeOracleColumns(m, o);

        List<String> merged = Files.readAllLines(m), fromOracle = Files.readAllLines(o);
        List<String> mergedFootprint = merged.stream().filter(l -> l.startsWith("footprint")).toList();
        List<String> oracleFootprint = fromOracle.stream().filter(l -> l.startsWith("footprint")).toList();
        assertThat(mergedFootprint).isNotEmpty().isEqualTo(oracleFootprint);     // same samples, same curves
        assertThat(mergedFootprint).allSatisfy(l -> assertThat(l.split(",", -1)[11]).isNotEmpty());
        assertThat(merged.stream().filter(l -> l.startsWith("pause")).count())
                .isEqualTo(measured.recorder().pauseCount());                      // the measured run's pauses stay
    }
}
