package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.reports.Figure;
import org.reclaim.reports.Report;
import org.reclaim.reports.ResultsFolder;

/**
 * {@code lab demo} and {@code lab report} on a small real campaign: binary-trees tiny under
 * epsilon, manual and manual+sanitize at 2x and 4x manual's minimum heap, two runs each, every
 * cell forked. The campaign's end writes the report.
 */
class ReportCommandTest {
    static final String TINY = """
            name: tiny-report
            workloads:
              - name: binary-trees
                sizes: [tiny]
            managers: [epsilon, manual, manual+sanitize]
            heaps: [2x, 4x]
            min-heap-manager: manual
            repetitions: 2
            warmup: 0
            time-limit: 60s
            """;
    static final List<String> MANAGERS = List.of("epsilon", "manual", "manual+sanitize");

    @TempDir static Path dir;
    static Path results;
    static int status;
    static String out;

    @BeforeAll
    static void runTheDemoCommandOnATinyCampaign() throws Exception {
        Path yaml = dir.resolve("tiny.yaml");
        Files.writeString(yaml, TINY);
        results = dir.resolve("results");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            status = Lab.commandLine().execute("demo", "--campaign", yaml.toString(), "--out", results.toString());
        } finally {
            System.setOut(stdout);
        }
        out = captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoRunsTheCampaignWhoseEndWritesTheReportAndSaysWhereItIs() {
        assertThat(status).as(out).isZero();
        Path html = results.resolve(Report.HTML).toAbsolutePath().normalize();
        assertThat(out).contains("report: " + html).contains("demo: open " + html);
        assertThat(results.resolve(Report.MARKDOWN)).isNotEmptyFile();
    }

    @Test
    void theReportHasEveryChartFileAndNamesEveryManagerAndWorkload() throws Exception {
        List<Figure> figures = Report.figures(ResultsFolder.read(results));
        List<String> drawn = new ArrayList<>();
        for (Figure f : figures)
            if (f.drawable()) {
                drawn.add(f.id());
                assertThat(results.resolve("charts/" + f.id() + ".png")).isNotEmptyFile();
                assertThat(results.resolve("charts/" + f.id() + ".svg")).isNotEmptyFile();
            }
        assertThat(drawn).contains("runtime-vs-heap_binary-trees_tiny", "time-breakdown_binary-trees_tiny");
        String html = Files.readString(results.resolve(Report.HTML));
        for (String m : MANAGERS) assertThat(html).contains("<td>" + m + "</td>");
        assertThat(html).contains("binary-trees tiny", "<th>campaign.name</th><td>tiny-report</td>");
    }

    @Test
    void theRunTimeChartPlotsTheMediansOfTheCsv() {
        List<ResultRow> rows = ResultsCsv.read(results.resolve("results.csv"));
        Figure f = Report.figures(ResultsFolder.read(results)).getFirst();
        for (String m : List.of("manual", "manual+sanitize")) {
            List<Double> expected = new ArrayList<>();
            for (String heap : List.of("2x", "4x")) {
                double[] ms = rows.stream().filter(r -> r.key().manager().equals(m) && r.key().heap().equals(heap))
                        .mapToDouble(r -> r.wallNanos() / 1e6).sorted().toArray();
                assertThat(ms).hasSize(2);
                expected.add((ms[0] + ms[1]) / 2);
            }
            assertThat(f.series(m).x()).containsExactly(2, 4);
            assertThat(f.series(m).y()).containsExactly(expected.get(0), expected.get(1));
        }
    }

    @Test
    void reportRedrawsTheChartsInTheLectureStyle() throws Exception {
        assertThat(Lab.commandLine().execute("report", results.toString(), "--style", "lecture")).isZero();
        var image = javax.imageio.ImageIO.read(results.resolve("charts/runtime-vs-heap_binary-trees_tiny.png").toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
    }

    @Test
    void managersLimitsTheChartsToThoseManagersAndAnAbsentOneIsNamed() throws Exception {
        assertThat(Lab.commandLine().execute("report", results.toString(), "--managers", "manual")).isZero();
        Figure f = Report.figures(ResultsFolder.read(results).only(List.of("manual"))).getFirst();
        assertThat(f.series().stream().map(Figure.Series::group).distinct()).containsExactly("manual");
        assertThat(Files.readString(results.resolve(Report.HTML))).contains("<td>manual</td>").doesNotContain("<td>manual+sanitize</td>");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cl = Lab.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cl.execute("report", results.toString(), "--managers", "mark-swep")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no run of manager 'mark-swep'").contains("manual");
        assertThat(Lab.commandLine().execute("report", results.toString())).isZero();   // the folder's report as it was
    }

    @Test
    void familiesShowsOneManagerPerFamilyAndSaysWhatWasLeftOut() throws Exception {
        assertThat(Lab.commandLine().execute("report", results.toString(), "--families")).isZero();
        String html = Files.readString(results.resolve(Report.HTML));
        assertThat(html).contains("under manual, manual+sanitize.")
                .contains("One series per family: C = manual; C+sanitizer = manual+sanitize. In no family, left out: epsilon.");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cl = Lab.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cl.execute("report", results.toString(), "--families", "--managers", "manual")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("give --managers or --families, not both");
        assertThat(Lab.commandLine().execute("report", results.toString())).isZero();   // the folder's report as it was
    }

    @Test
    void aFamilysManagersWithTheSameResultsInEveryCellAreMerged() throws Exception {
        // the folder's manual runs, as if mark-sweep and mark-compact had run them (the same results) and generational
        // had freed one object less
        ResultsFolder folder = ResultsFolder.read(results);
        List<ResultRow> rows = new ArrayList<>(folder.rows());
        for (ResultRow r : folder.rows()) {
            if (!r.key().manager().equals("manual")) continue;
            rows.add(as(r, "mark-sweep", 0));
            rows.add(as(r, "mark-compact", 0));
            rows.add(as(r, "generational", 1));
        }
        Path copy = dir.resolve("families");
        Files.createDirectories(copy);
        StringBuilder csv = new StringBuilder(ResultsCsv.headerLine());
        rows.forEach(r -> csv.append(ResultsCsv.line(r)));
        Files.writeString(copy.resolve(ResultsCsv.FILE_NAME), csv);
        ReportCommand.Selection s = ReportCommand.byFamily(ResultsFolder.read(copy));
        assertThat(s.managers()).containsExactly("manual", "manual+sanitize", "mark-sweep");
        assertThat(s.note()).contains("tracing GC = mark-sweep (and mark-compact: the same results in every cell) (left out: generational)");
    }

    private static ResultRow as(ResultRow r, String manager, long fewerFreed) {
        CellKey k = r.key();
        return new ResultRow(new CellKey(k.workload(), k.size(), k.params(), manager, k.heap(), k.seed(), k.repetition()),
                r.heapBytes(), r.minHeapBytes(), r.status(), r.message(), r.checksum(), r.wallNanos(), r.mmNanos(), r.pauseCount(),
                r.pauseMaxNanos(), r.metrics(), r.objectsAllocated(), r.bytesAllocated(), r.objectsFreed() - fewerFreed, r.bytesFreed(),
                r.leakedObjects(), r.leakedBytes(), r.errors(), r.errorKinds(), r.counters(), r.cellNanos());
    }

    @Test
    void reportOfAFolderWithoutResultsSaysWhatToGive() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cl = Lab.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cl.execute("report", dir.resolve("nothing-here").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds no results.csv")
                .contains("lab campaign FILE.yaml --out DIR");
    }
}
