package org.reclaim.lab.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.lab.CellMain;

/** The command line a cell is forked with. */
class CellLauncherTest {
    final CellLauncher launcher = new CellLauncher(new CellLauncher.Settings("/jdk/bin/java", "lab.jar", List.of()));

    @Test
    void aSimulatedCellRunsLabRunWithItsParametersAndRecordingsOnTheFixedHostHeap() {
        CellKey k = new CellKey("binary-trees", "tiny", Map.of("back", "weak"), "manual", "2x", 3, 1);
        Map<String, Path> rec = new LinkedHashMap<>();
        rec.put("hlog", Path.of("out/pauses/x.hlog"));
        rec.put("jfr", Path.of("out/jfr/x.jfr"));
        assertThat(launcher.command(k, 65536, CampaignRunner.hostHeapBytes(65536), 2, rec)).containsExactly(
                "/jdk/bin/java", "-XX:+UseSerialGC", "-Xss16m", "-Xms1024m", "-Xmx1024m", "-XX:-UsePerfData",
                "-Djava.awt.headless=true", "-cp", "lab.jar", "org.reclaim.lab.CellMain", "--warmup", "2",
                "run", "--workload", "binary-trees", "--size", "tiny", "--manager", "manual", "--heap", "65536",
                "--seed", "3", "--json", "--hlog", "out/pauses/x.hlog", "--jfr", "out/jfr/x.jfr", "--back", "weak");
    }

    @Test
    void aJvmCellDrivesLabRunWhichForksTheMeasuredJvmAndWarmsUpThere() {
        CellKey k = new CellKey("binary-trees", "tiny", Map.of(), "jvm:g1", "64m", 1, 1);
        List<String> c = launcher.command(k, 64L << 20, 1L << 30, 3, Map.of());
        assertThat(c).containsSequence("-XX:+UseSerialGC", "-Xss16m", "-Xms1024m", "-Xmx1024m")
                .containsSequence("org.reclaim.lab.CellMain", "--warmup", "3").containsSequence("--manager", "jvm:g1", "--heap", "67108864");
    }

    @Test
    void theNamedMainClassIsTheCellsMain() {
        assertThat(CellLauncher.CELL_MAIN).isEqualTo(CellMain.class.getName());
    }

    @Test
    void theHostHeapGrowsWithTheLargestSimulatedHeap() {
        assertThat(CampaignRunner.hostHeapBytes(64L << 20)).isEqualTo(1L << 30);
        assertThat(CampaignRunner.hostHeapBytes(1L << 30)).isEqualTo((2L << 30) + (256L << 20));
    }
}
