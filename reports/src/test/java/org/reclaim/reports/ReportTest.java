package org.reclaim.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir Path dir;

    static final double[] LOW_PAUSES = {0.1, 0.2, 0.5, 1.0};
    static final double[] HIGH_PAUSES = {1, 2, 5, 10};
    static final double[] MMU = {0.5, 0.8, 0.95};

    /** Two managers at 1x and 2x, four runs each (an even count: the median is the mean of the middle two). */
    private void twoManagers() {
        try (HandMadeResults r = new HandMadeResults(dir)) {
            double[][] manual = {{11, 12, 13, 40}, {10, 14, 16, 30}};
            double[][] markSweep = {{31, 32, 34, 60}, {15, 16, 16, 100}};
            for (int h = 0; h < 2; h++)
                for (int rep = 1; rep <= 4; rep++) {
                    r.ok("binary-trees", "manual", h + 1, rep, manual[h][rep - 1], 1, LOW_PAUSES, MMU);
                    r.ok("binary-trees", "mark-sweep", h + 1, rep, markSweep[h][rep - 1], rep, HIGH_PAUSES, MMU);
                }
        }
    }

    private static Figure figure(ResultsFolder f, String prefix) {
        return Report.figures(f).stream().filter(x -> x.id().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void plottedRunTimesAreTheMediansOfTheCsvRows() {
        twoManagers();
        Figure f = figure(ResultsFolder.read(dir), "runtime-vs-heap");
        assertThat(f.series("manual").x()).containsExactly(1, 2);
        assertThat(f.series("manual").y()).containsExactly(12.5, 15);
        assertThat(f.series("mark-sweep").y()).containsExactly(33, 16);
        assertThat(f.series("manual").role()).isEqualTo(Figure.Role.REFERENCE);
        assertThat(f.series("mark-sweep (each run)").y()).containsExactly(31, 32, 34, 60, 15, 16, 16, 100);
    }

    @Test
    void plottedPausesAndTimeBreakdownAreTheMediansOfTheCsvRows() {
        twoManagers();
        ResultsFolder folder = ResultsFolder.read(dir);
        Figure pauses = figure(folder, "pause-percentiles");
        assertThat(pauses.title()).contains("heap 2x");
        assertThat(pauses.series("mark-sweep").y()).containsExactly(1, 2, 5, 10, 20);
        assertThat(pauses.series("manual").x()).containsExactly(new double[] {0.30103, 1, 2, 3, 4}, within(1e-5));
        Figure breakdown = figure(folder, "time-breakdown");
        assertThat(breakdown.categories()).containsExactly("manual", "mark-sweep");
        assertThat(breakdown.series(TimeBreakdown.MEMORY_MANAGEMENT).y()).containsExactly(1, 2.5);
        assertThat(breakdown.series(TimeBreakdown.MUTATOR).y()).containsExactly(14, 14);
        Figure mmu = figure(folder, "mmu");
        assertThat(mmu.series("manual MMU").y()).containsExactly(MMU);
        assertThat(mmu.series("manual BMU").y()).containsExactly(0.5, 0.8, 0.95);
    }

    @Test
    void readingsNameTheLowestP99AndSayWhereIntervalsOverlap() {
        twoManagers();
        List<Figure> figures = Report.figures(ResultsFolder.read(dir));
        assertThat(figure(ResultsFolder.read(dir), "runtime-vs-heap").reading())
                .isEqualTo("binary-trees tiny (95% intervals): mark-sweep was not distinguishable from manual at 1× and 2× (4 repetitions);"
                        + " at its largest heap, 2×, it took 1.07× manual's median time.");
        assertThat(figures).anySatisfy(f -> assertThat(f.reading())
                .isEqualTo("binary-trees tiny, heap 2x: manual had the lowest 99th-percentile pause (0.500 ms), mark-sweep the highest (5.00 ms)."));
    }

    @Test
    void oneRepetitionGivesNoIntervalAndSoNoDifference() {
        try (HandMadeResults r = new HandMadeResults(dir)) {
            r.ok("binary-trees", "manual", 1, 1, 10, 1, LOW_PAUSES, MMU).ok("binary-trees", "manual", 3, 1, 10, 1, LOW_PAUSES, MMU);
            r.ok("binary-trees", "semispace", 1, 1, 40, 30, HIGH_PAUSES, MMU).ok("binary-trees", "semispace", 3, 1, 20, 10, HIGH_PAUSES, MMU);
        }
        assertThat(figure(ResultsFolder.read(dir), "runtime-vs-heap").reading()).isEqualTo(
                "binary-trees tiny (95% intervals): semispace was not distinguishable from manual at 1× and 3× (1 repetition: no interval);"
                        + " at its largest heap, 3×, it took 2.00× manual's median time.");
    }

    /** Three repetitions: slower where the intervals separate, "not distinguishable" where they overlap, in both documents. */
    @Test
    void aThreeRepetitionReportGivesIntervalsAndSaysNotDistinguishableWhereTheyOverlap() throws Exception {
        try (HandMadeResults r = new HandMadeResults(dir)) {
            double[][] manual = {{10, 10.5, 11}, {10, 11, 12}};
            double[][] markSweep = {{20, 21, 22}, {10.5, 11, 11.5}};
            for (int h = 0; h < 2; h++)
                for (int rep = 1; rep <= 3; rep++) {
                    r.ok("binary-trees", "manual", h + 1, rep, manual[h][rep - 1], 1, LOW_PAUSES, MMU);
                    r.ok("binary-trees", "mark-sweep", h + 1, rep, markSweep[h][rep - 1], 2, HIGH_PAUSES, MMU);
                }
        }
        String reading = "binary-trees tiny (95% intervals): mark-sweep was slower than manual at 1×; not distinguishable from manual at 2×"
                + " (3 repetitions); at its largest heap, 2×, it took 1.00× manual's median time.";
        Figure f = figure(ResultsFolder.read(dir), "runtime-vs-heap");
        assertThat(f.reading()).isEqualTo(reading);
        // manual at 1x: mean 10.5, s = 0.5, t(0.975, 2) = 4.3027: [9.258, 11.742]
        assertThat(f.series("manual 95% low").y()[0]).isCloseTo(10.5 - 4.302653 * 0.5 / Math.sqrt(3), within(1e-5));
        assertThat(f.series("manual 95% high").y()[0]).isCloseTo(10.5 + 4.302653 * 0.5 / Math.sqrt(3), within(1e-5));
        Report.Written w = Report.write(dir, ChartStyle.DEFAULT);
        String md = Files.readString(w.markdown(), StandardCharsets.UTF_8), html = Files.readString(w.html(), StandardCharsets.UTF_8);
        assertThat(md).contains("95% confidence interval of the mean by Student's t", "not distinguishable from manual at 2×",
                "| manual | 1x | 3 of 3 | 10.5 \\[9.26, 11.7\\] |");
        assertThat(html).contains("95% confidence interval of the mean by Student&#39;s t", "not distinguishable from manual at 2×",
                "<td class=\"n\">10.5 [9.26, 11.7]</td>");
    }

    @Test
    void reportHasAPngAndAnSvgOfEveryDrawnChartAndSaysWhichWereNotRecorded() throws Exception {
        twoManagers();
        Report.Written w = Report.write(dir, ChartStyle.DEFAULT);
        List<Figure> figures = Report.figures(ResultsFolder.read(dir));
        String html = Files.readString(w.html(), StandardCharsets.UTF_8);
        for (Figure f : figures) {
            if (f.allZero() && f.hasData()) {
                assertThat(html).contains("<p class=\"sentence\">" + f.reading() + "</p>");
            } else if (f.hasData()) {
                assertThat(dir.resolve("charts/" + f.id() + ".png")).isNotEmptyFile();
                assertThat(Files.readString(dir.resolve("charts/" + f.id() + ".svg"))).contains("<svg");
                assertThat(html).contains("id=\"" + f.id() + "\"").contains("data:image/png;base64,");
            } else {
                assertThat(html).contains("No data recorded: " + f.missing().replace("<", "&lt;").replace(">", "&gt;"));
            }
        }
        assertThat(figures.stream().filter(Figure::hasData).map(f -> f.id().split("_")[0]))
                .containsExactly("runtime-vs-heap", "relative-time", "pause-percentiles", "mmu", "time-breakdown", "bugs");
        assertThat(w.charts()).hasSize(10);   // the bug chart of zeros is its sentence
        assertThat(Files.readString(w.markdown())).contains("![Run time vs heap size: binary-trees tiny](charts/runtime-vs-heap\\_binary-trees\\_tiny.png)");
    }

    @Test
    void lectureStyleDrawsLargerCharts() throws Exception {
        twoManagers();
        Path png = Report.write(dir, ChartStyle.LECTURE).charts().getFirst();
        BufferedImage lecture = ImageIO.read(png.toFile());
        BufferedImage screen = ImageIO.read(Report.write(dir, ChartStyle.DEFAULT).charts().getFirst().toFile());
        assertThat(lecture.getWidth()).isEqualTo(1280).isGreaterThan(screen.getWidth());
    }

    @Test
    void aFolderWithFailedCellsStillRendersAndListsEveryFailure() throws Exception {
        try (HandMadeResults r = new HandMadeResults(dir)) {
            r.ok("binary-trees", "manual", 1, 1, 10, 1, LOW_PAUSES, MMU);
            r.failed("binary-trees", "mark-sweep", 1, 1, "oom", "out of memory: heap of 4m exhausted");
            r.caught("use-after-free", "manual+sanitize", 1, 1, "use_after_free", 0, 0);
            r.failed("binary-trees", "jvm:g1", 1, 1, "crash", "exit status 7: the cell's JVM died");
            r.failed("binary-trees", "semispace", 1, 1, "timeout", "killed after 300 s");
        }
        Report.Written w = Report.write(dir, ChartStyle.DEFAULT);
        String html = Files.readString(w.html());
        String failures = html.substring(html.indexOf("id=\"failures\""), html.indexOf("id=\"environment\""));
        assertThat(failures.split("class=\"failure\"")).hasSize(5);
        assertThat(failures).contains("oom", "out of memory: heap of 4m exhausted", "error", "caught use_after_free", "crash",
                "exit status 7: the cell&#39;s JVM died", "timeout", "killed after 300 s", "jvm:g1", "semispace");
        assertThat(Files.readString(w.markdown())).contains("| binary-trees tiny | semispace | 1x | 1 | 1 | timeout | killed after 300 s |");
        assertThat(dir.resolve("charts/runtime-vs-heap_binary-trees_tiny.png")).isNotEmptyFile();
    }

    @Test
    void htmlInAWorkloadOrManagerNameIsEscapedInBothReports() throws Exception {
        String evil = "<script>alert(1)</script>";
        try (HandMadeResults r = new HandMadeResults(dir)) {
            r.ok(evil, "manual", 1, 1, 10, 1, LOW_PAUSES, MMU);
            r.ok("binary-trees", "<img src=x onerror=alert(2)>", 1, 1, 10, 1, LOW_PAUSES, MMU);
        }
        Report.Written w = Report.write(dir, ChartStyle.DEFAULT);
        String html = Files.readString(w.html());
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script", "<img src=x");
        String md = Files.readString(w.markdown());
        assertThat(md).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script", "<img");
    }

    @Test
    void leaksAndCaughtErrorsAreCountedPerManagerAndRead() {
        try (HandMadeResults r = new HandMadeResults(dir)) {
            r.caught("orders", "manual", 1, 1, "", 3, 96);
            r.caught("orders", "manual", 1, 2, "", 4, 128);
            r.caught("double-free", "manual", 1, 1, "double_free", 0, 0);
            r.caught("print-years-twice", "ownership", 1, 1, "ownership:E0382;ownership:E0505", 0, 0);
            r.caught("orders", "ownership", 1, 1, "", 0, 0);
        }
        List<BugTable.Line> lines = BugTable.lines(ResultsFolder.read(dir));
        assertThat(lines).containsExactly(
                new BugTable.Line("manual", 3, 2, 128, List.of("orders tiny"), List.of(1L, 0L, 0L, 0L)),
                new BugTable.Line("ownership", 2, 0, 0, List.of(), List.of(0L, 0L, 2L, 0L)));
        assertThat(BugTable.reading(lines)).isEqualTo("Manual leaked in 2 of 3 runs (up to 128 B in one run; orders tiny);"
                + " manual caught 1 double frees; ownership caught 2 ownership errors.");
    }

    @Test
    void theReportCarriesTheEnvironmentOfEnvJson() throws Exception {
        twoManagers();
        Files.writeString(dir.resolve("env.json"), """
                {"campaign": {"name": "demo", "file": "scripts/campaigns/demo.yaml"}, "git_revision": "abc123",
                 "jdk": {"java.version": "25.0.1"}, "cell_jvm_flags": ["-XX:+UseSerialGC", "-Xss16m"], "cpus": 2}
                """);
        Report.Written w = Report.write(dir, ChartStyle.DEFAULT);
        String html = Files.readString(w.html());
        assertThat(html).contains("Reclaim report: demo", "<th>campaign.file</th><td>scripts/campaigns/demo.yaml</td>",
                "<th>git_revision</th><td>abc123</td>", "<th>jdk.java.version</th><td>25.0.1</td>",
                "<th>cell_jvm_flags</th><td>-XX:+UseSerialGC -Xss16m</td>", "<th>cpus</th><td>2</td>");
        assertThat(Files.readString(w.markdown())).contains("| git\\_revision | abc123 |");
    }
}
