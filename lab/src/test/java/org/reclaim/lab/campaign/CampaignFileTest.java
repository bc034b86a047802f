package org.reclaim.lab.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.lab.Lab;
import picocli.CommandLine;

/** Bad input in a campaign file: one clear error naming file, line and valid choices, before anything runs. */
class CampaignFileTest {
    @TempDir Path dir;

    static final String GOOD = """
            name: good
            workloads:
              - name: binary-trees
                sizes: [tiny, small]
            managers: [epsilon, manual, "jvm:g1"]
            heaps: [64m, 2x]
            seeds: [1, 2]
            repetitions: 2
            warmup: 1
            time-limit: 90s
            min-heap-manager: manual
            record: [hlog, jfr]
            """;

    static CampaignError error(String yaml) {
        return (CampaignError) org.assertj.core.api.Assertions.catchThrowable(() -> CampaignFile.parse("bad.yaml", yaml));
    }

    @Test
    void aGoodFileGivesEveryCombinationAsACell() {
        Campaign c = CampaignFile.parse("good.yaml", GOOD);
        assertThat(c.cells()).hasSize(2 * 3 * 2 * 2 * 2).doesNotHaveDuplicates();
        assertThat(c.cells().getFirst()).isEqualTo(new CellKey("binary-trees", "tiny", Map.of(), "epsilon", "64m", 1, 1));
        assertThat(c.timeLimit()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.recordings()).containsExactly("hlog", "jfr");
        assertThat(c.heap("2x").multiple()).isEqualTo(2.0);
    }

    @Test
    void malformedYamlNamesTheLine() {
        CampaignError e = error("workloads:\n  - name: binary-trees\nmanagers: [epsilon\n");
        assertThat(e.getMessage()).startsWith("bad.yaml:").contains("malformed YAML");
        assertThat(e.line()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anUnknownKeyNamesTheValidKeys() {
        CampaignError e = error("workloads: [binary-trees]\nmanagers: [manual]\nheap: [64m]\n");
        assertThat(e.getMessage()).startsWith("bad.yaml:3:1: unknown campaign key 'heap'; did you mean heaps")
                .contains("valid: name, description, workloads, managers, heaps");
    }

    @Test
    void anUnknownWorkloadKeyNamesItsValidKeys() {
        CampaignError e = error("workloads:\n  - name: binary-trees\n    size: [tiny]\nmanagers: [manual]\n");
        assertThat(e.getMessage()).startsWith("bad.yaml:3:5: unknown workload key 'size'; did you mean sizes")
                .contains("(valid: name, sizes, params)");
    }

    @Test
    void anUnknownWorkloadNamesTheNearest() {
        CampaignError e = error("workloads:\n  - name: binary-tree\nmanagers: [manual]\n");
        assertThat(e.getMessage()).startsWith("bad.yaml:2:11: unknown workload 'binary-tree'; did you mean binary-trees");
    }

    @Test
    void anUnknownManagerNamesTheValidOnesJvmIncluded() {
        CampaignError e = error("workloads: [binary-trees]\nmanagers:\n  - manual\n  - manul\n");
        assertThat(e.getMessage()).startsWith("bad.yaml:4:5: unknown manager 'manul'; did you mean manual")
                .contains("valid: " + String.join(", ", org.reclaim.runtime.catalog.Managers.names()))
                .contains("jvm:serial, jvm:parallel, jvm:g1, jvm:zgc, jvm:shenandoah");
    }

    @Test
    void anUnknownSizeNamesTheValidSizes() {
        CampaignError e = error("workloads:\n  - name: binary-trees\n    sizes: [huge]\nmanagers: [manual]\n");
        assertThat(e.getMessage()).startsWith("bad.yaml:3:13: unknown size 'huge'").contains("tiny, small, default, large");
    }

    @Test
    void heapsOfZeroNegativeMultipleOrUnknownUnitAreRefused() {
        for (String heap : new String[] {"0", "-1x", "12q"}) {
            CampaignError e = error("workloads: [binary-trees]\nmanagers: [manual]\nheaps: [64m, " + heap + "]\n");
            assertThat(e.getMessage()).startsWith("bad.yaml:3:")
                    .contains("heap '" + heap + "' is neither a size in bytes (4096, 512k, 64m, 1g) nor a positive multiple");
        }
    }

    @Test
    void multiplesNeedAnExistingMinimumHeapManager() {
        CampaignError e = error("workloads: [binary-trees]\nmanagers: [manual]\nmin-heap-manager: mark-compactt\nheaps: [2x]\n");
        assertThat(e.getMessage()).startsWith("bad.yaml:3:")
                .contains("mark-compactt").contains("mark-compact");
    }

    @Test
    void aTimeLimitMustBeADuration() {
        CampaignError e = error("workloads: [binary-trees]\nmanagers: [manual]\ntime-limit: soon\n");
        assertThat(e.getMessage()).startsWith("bad.yaml:3:13: time-limit 'soon' is not a duration from 1ms to 7 days (168h)");
    }

    @Test
    void theCommandExitsWithTwoAndRunsNothing() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "workloads: [binary-trees]\nmanagers: [manul]\n");
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        CommandLine cl = Lab.commandLine();
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("campaign", file.toString(), "--out", out.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith("lab campaign: " + file + ":2:12: unknown manager 'manul'");
        assertThat(out).doesNotExist();
    }

    @Test
    void shardsTakeEveryCellExactlyOnce() {
        Campaign c = CampaignFile.parse("good.yaml", GOOD);
        java.util.List<CellKey> taken = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Shard s = new Shard(i, 3);
            for (int p = 0; p < c.cells().size(); p++) if (s.includes(p)) taken.add(c.cells().get(p));
        }
        assertThat(taken).containsExactlyInAnyOrderElementsOf(c.cells());
        assertThatThrownBy(() -> Shard.parse("4/3")).hasMessageContaining("1 <= i <= n");
    }
}
