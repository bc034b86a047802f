package org.reclaim.lab.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.lab.LabOutput;

/**
 * Every value of a campaign file is checked, with a bound, before any work: each case of issue
 * 19's "oversized", "path traversal" and "misleading" findings, with its FILE:LINE:COL message.
 */
class CampaignValuesTest {
    static final String HEAD = "workloads: [binary-trees]\nmanagers: [manual]\n";

    static String error(String yaml) {
        try {
            CampaignFile.parse("c.yaml", yaml);
        } catch (CampaignError e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void aBillionRepetitionsIsRefusedAtOnceWithTheRange() {
        assertThat(error(HEAD + "repetitions: 1000000000\n"))
                .isEqualTo("c.yaml:3:14: repetitions '1000000000' is not a whole number from 1 to 1000");
    }

    @Test
    void thirtyMillionCellsAreRefusedAtOnceNamingTheCountAndTheBound() {
        StringBuilder seeds = new StringBuilder("seeds: [");
        for (int i = 1; i <= 1000; i++) seeds.append(i == 1 ? "" : ", ").append(i);
        String yaml = "workloads: [binary-trees, lru-cache, queue-churn]\nmanagers: [manual, epsilon, mark-sweep, semispace, "
                + "mark-compact, generational, refcount, ownership, ownership-trusted, refcount-deferred]\n" + seeds
                + "]\nrepetitions: 1000\n";
        assertThat(error(yaml)).isEqualTo("c.yaml:1:1: the campaign has 30000000 cells (workloads x sizes x parameter values"
                + " x heaps x managers x seeds x repetitions); at most 100000 are allowed: split it into several campaigns");
    }

    @Test
    void aTimeLimitThatWouldOverflowIsRefusedWithTheRange() {
        assertThat(error(HEAD + "time-limit: 9999999999999h\n"))
                .isEqualTo("c.yaml:3:13: time-limit '9999999999999h' is not a duration from 1ms to 7 days (168h),"
                        + " written such as 500ms, 90s, 10m or 1h");
        assertThat(error(HEAD + "time-limit: 99999999999999999999999s\n")).startsWith("c.yaml:3:13: time-limit '");
        assertThat(CampaignFile.parse("c.yaml", HEAD + "time-limit: 168h\n").timeLimit()).hasDays(7);
    }

    @Test
    void heapsThisMachineCannotHoldOrTooSmallToRunAreRefused() {
        assertThat(error(HEAD + "heaps: [1000g]\n")).startsWith("c.yaml:3:9: heap '1000g' does not fit on this machine (")
                .contains("give 4k to ");
        assertThat(error(HEAD + "heaps: [1b]\n"))
                .isEqualTo("c.yaml:3:9: heap '1b' is smaller than the smallest heap the lab runs, 4k");
        assertThat(error(HEAD + "heaps: [1000x]\n")).isEqualTo("c.yaml:3:9: heap '1000x' is more than 100x the minimum heap;"
                + " give a multiple above 0x and up to 100x");
    }

    @Test
    void aLongNameOrOneThatLeavesTheResultsFolderIsRefused() {
        assertThat(error(HEAD + "name: ../escape\n")).isEqualTo("c.yaml:3:7: campaign name '../escape' is not a file name:"
                + " it names the folder results/<name>, so it is 1 to 64 letters, digits, '.', '_' or '-', starting with a"
                + " letter or digit");
        assertThat(error(HEAD + "name: " + "n".repeat(300) + "\n")).startsWith("c.yaml:3:7: campaign name 'nnnnn")
                .contains("...' is not a file name");
        assertThat(CampaignFile.parse("../we ird/..name.yaml", HEAD).name()).isEqualTo("name");
    }

    @Test
    void aWorkloadParameterValueIsCheckedUpFront() {
        assertThat(error("workloads:\n  - name: doubly-linked-list\n    params: {back: [weak, sideways]}\nmanagers: [manual]\n"))
                .isEqualTo("c.yaml:3:27: --back takes weak or strong, not 'sideways'");
    }

    @Test
    void aValueGivenTwiceIsRefusedRatherThanCountedTwice() {
        assertThat(error("workloads: [binary-trees]\nmanagers: [manual, epsilon, manual]\n"))
                .isEqualTo("c.yaml:2:29: 'manual' is given twice in 'managers' (first at line 2); give each value once");
        assertThat(error(HEAD + "heaps: [64m, 65536k]\n")).startsWith("c.yaml:3:14: '65536k' is given twice in 'heaps'");
        assertThat(error("workloads:\n  - {name: binary-trees, sizes: [tiny]}\n  - {name: binary-trees, sizes: [small, tiny]}\n"
                + "managers: [manual]\n")).isEqualTo("c.yaml:3:5: workload binary-trees at size tiny is already given at line 2;"
                + " each cell may be given once");
    }

    @Test
    void aBinaryOrMissingCampaignFileIsOneClearLine(@TempDir Path dir) throws Exception {
        Path binary = Files.write(dir.resolve("bin.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        LabOutput o = LabOutput.run("campaign", binary.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("lab campaign: campaign file " + binary + " is not UTF-8 text; a campaign file is YAML"
                + " (see scripts/campaigns/demo.yaml)\n");
        o = LabOutput.run("campaign", "nope.yaml");
        assertThat(o.err()).isEqualTo("lab campaign: campaign file nope.yaml does not exist\n");
        assertThatThrownBy(() -> CampaignFile.read(dir)).hasMessage("campaign file " + dir + " is a folder; give a .yaml file");
    }
}
