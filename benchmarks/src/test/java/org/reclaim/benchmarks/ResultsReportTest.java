package org.reclaim.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RESULTS.md generator, on a fixed JMH result (src/test/resources/jmh-result.json). */
class ResultsReportTest {

    private static List<ResultsReport.Result> fixture() throws Exception {
        return ResultsReport.read(resource());
    }

    private static Path resource() throws URISyntaxException {
        return Path.of(ResultsReportTest.class.getResource("/jmh-result.json").toURI());
    }

    @Test
    void readsScoreMedianErrorAndHostAllocationOfEachResult() throws Exception {
        List<ResultsReport.Result> results = fixture();
        assertThat(results).hasSize(7);
        ResultsReport.Result nat = results.get(0);
        assertThat(nat.benchmark()).isEqualTo("NativeWorkloads.run");
        assertThat(nat.param("workload")).isEqualTo("binary-trees");
        assertThat(nat.score()).isEqualTo(101.0);
        assertThat(nat.median()).isEqualTo(100.0);
        assertThat(nat.error()).isEqualTo(5.0);
        assertThat(nat.unit()).isEqualTo("ms/op");
        assertThat(results.get(1).allocNorm()).isNaN();
        assertThat(results.get(6).error()).as("JMH writes an undefined error as the string NaN").isNaN();
    }

    @Test
    void workloadRowsCarryTheRatioOfMediansToTheNativeProgram() throws Exception {
        String md = ResultsReport.render(fixture(), "scripts/bench --quick", "Smoke run", null, null);
        assertThat(md).contains("| binary-trees | default | native (G1) | 100 | 101 ± 5.00 | ms/op | 1.00 | 50000000 |");
        assertThat(md).contains("| binary-trees | default | epsilon | 120 | 121 ± 1.00 | ms/op | 1.20 | — |");
        assertThat(md).contains("| binary-trees | default | manual | 250 | 251 ± 1.00 | ms/op | 2.50 | — |");
    }

    @Test
    void primitiveRowsCarryTheRatioToManualAndTheHostAllocation() throws Exception {
        String md = ResultsReport.render(fixture(), "c", "l", null, null);
        assertThat(md).contains("| allocDrop | manual | 20.0 | 21.0 ± 1.00 | ns/op | 1.00 | 0.0010 |");
        assertThat(md).contains("| allocDrop | epsilon | 10.0 | 11.0 | ns/op | 0.50 | 24.0 |");
    }

    @Test
    void statesEachTargetAsMetNotMetOrNotMeasuredWithItsFigure() throws Exception {
        String md = ResultsReport.render(fixture(), "c", "l", null, null);
        assertThat(md).contains("- **Host allocation 0 B/op in every primitive: not met**: Primitives.allocDrop under epsilon (24.0 B/op).");
        assertThat(md).contains("- **epsilon / native on binary-trees (default) <= 2.00: met** (1.20).");
        assertThat(md).contains("- **manual / native on binary-trees (default) <= 2.50: met** (2.50).");
        assertThat(md).contains("- **ownership-trusted within 10% of manual on binary-trees: met** (ownership-trusted / manual = 1.04).");
        assertThat(md).contains("- **Checked mode's cost on binary-trees <= 1.50: met** (ownership / ownership-trusted = 1.50).");
        assertThat(md).contains("- **4 GiB heap, 50 million live objects: not run in this measurement**");
    }

    @Test
    void theLadderRowsCarryTheirRatioToNativeAndEachTargetNamesTheFloorBelowItsManager() throws Exception {
        List<ResultsReport.Result> results = ResultsReport.read(
                Path.of(ResultsReportTest.class.getResource("/jmh-result-ladder.json").toURI()));
        String md = ResultsReport.render(results, "c", "l", null, null);
        assertThat(md).contains("| raw | default | 260 | 260 ± 2.00 | ms/op | 2.60 |");
        assertThat(md).contains("| handles-recycled | default | 480 | 480 ± 2.00 | ms/op | 4.80 |");
        assertThat(md).contains("- **epsilon / native on binary-trees (default) <= 2.00: met** (1.20; the floor here: raw 2.60x, "
                + "with the handle contract (handles) 5.40x).");
        assertThat(md).contains("- **manual / native on binary-trees (default) <= 2.50: met** (2.50; the floor here: raw-recycled 0.90x, "
                + "with the handle contract (handles-recycled) 4.80x).");
    }

    @Test
    void nativeTargetsAreTheIssuesPerManager() {
        assertThat(ResultsReport.nativeLimit("epsilon")).isEqualTo(2.0);
        for (String m : List.of("manual", "mark-sweep", "mark-compact", "generational", "ownership-trusted"))
            assertThat(ResultsReport.nativeLimit(m)).as(m).isEqualTo(2.5);
        for (String m : List.of("ownership", "refcount", "refcount-deferred+cycles", "refcount-atomic"))
            assertThat(ResultsReport.nativeLimit(m)).as(m).isEqualTo(3.5);
        assertThat(ResultsReport.nativeLimit("semispace")).isEqualTo(3.0);
        assertThat(ResultsReport.nativeLimit("manual+sanitize")).as("no target").isNaN();
    }

    @Test
    void recordsTheCommandAndIncludesNotesAndTheBigHeapTableWhenGiven() throws Exception {
        String md = ResultsReport.render(fixture(), "scripts/bench --quick", "Smoke run under load", "## Why\n\nBecause.", "| manual | ok |");
        assertThat(md).contains("**Smoke run under load**, produced by:\n\n```\nscripts/bench --quick\n```");
        assertThat(md).contains("## The 4 GiB heap (`scripts/bench --big`)\n\n| manual | ok |");
        assertThat(md).endsWith("## Why\n\nBecause.\n");
    }

    @Test
    void theBigHeapTargetIsStatedPerNamedManagerFromTheBigRunsTable() throws Exception {
        String big = """
                | manager | run | status | live objects held |
                |---|---|---|---:|
                | manual | binary-trees large | ok | 67,108,863 |
                | mark-sweep | binary-trees large | oom: heap of 4294967296 bytes | 67,108,863 |
                """;
        String md = ResultsReport.render(fixture(), "c", "l", null, big);
        assertThat(md).contains("- **4 GiB heap, 50 million live objects, under mark-sweep: not met** (oom: heap of 4294967296 bytes).");
        assertThat(md).contains("- **4 GiB heap, 50 million live objects, under ownership: not measured** (no run under it in the table below).");
        assertThat(md).contains("- The same run under manual (no target): ok.");
    }

    @Test
    void missingManagersAreReportedAsNotMeasured() throws Exception {
        List<ResultsReport.Result> onlyNativeAndEpsilon = fixture().subList(0, 2);
        String md = ResultsReport.render(onlyNativeAndEpsilon, "c", "l", null, null);
        assertThat(md).contains("- **ownership-trusted within 10% of manual on binary-trees: not measured** (this build has no ownership-trusted result).");
        assertThat(md).contains("- **Checked mode's cost on binary-trees: not measured**");
        assertThat(md).contains("- **Host allocation 0 B/op in every primitive: not measured**");
    }
}
