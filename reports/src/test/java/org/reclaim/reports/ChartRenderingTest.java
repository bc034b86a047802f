package org.reclaim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Charts for a projector: nothing clipped, twins told apart, failed cells marked, empty charts replaced by words. */
class ChartRenderingTest {
    @TempDir Path dir;

    /** Managers enough to need a legend beside the plot, with long names, twins and a cell that ran out of memory. */
    private static final List<String> MANAGERS = List.of("manual", "manual+sanitize", "mark-sweep", "mark-compact", "semispace",
            "generational", "refcount", "refcount-deferred+cycles", "ownership", "ownership-trusted");

    private void crowdedCampaign() {
        try (HandMadeResults r = new HandMadeResults(dir)) {
            for (String m : MANAGERS)
                for (int h = 1; h <= 3; h++) {
                    if (m.equals("semispace") && h == 2) {
                        r.failed("binary-trees", m, h, 1, "oom", "out of memory: the heap is full");
                        continue;
                    }
                    double wall = m.startsWith("mark") ? 30.0 / h : 10 + MANAGERS.indexOf(m);
                    r.ok("binary-trees", m, h, 1, wall, 1, m.startsWith("mark") ? ReportTest.HIGH_PAUSES : ReportTest.LOW_PAUSES,
                            ReportTest.MMU);
                }
            r.caught("use-after-free", "manual", 1, 1, "use_after_free", 0, 0);
        }
    }

    @Test
    void everyChartInBothStylesKeepsItsTextInsideTheImage() {
        crowdedCampaign();
        List<Figure> drawn = Report.figures(ResultsFolder.read(dir)).stream().filter(Figure::hasData).toList();
        assertThat(drawn).hasSizeGreaterThanOrEqualTo(4);
        for (ChartStyle style : ChartStyle.values())
            for (Figure f : drawn) assertNothingClipped(new ChartRenderer(style), style, f);
    }

    /**
     * Run with {@code -Dreclaim.charts=DIR} on a results folder (the demo's: {@code reports/demo}) to
     * check its every chart in both styles.
     */
    @Test
    void everyChartOfAGivenResultsFolderKeepsItsTextInsideTheImage() {
        String folder = System.getProperty("reclaim.charts");
        Assumptions.assumeTrue(folder != null, "no -Dreclaim.charts=DIR given");
        List<Figure> drawn = Report.figures(ResultsFolder.read(Path.of(folder))).stream().filter(Figure::hasData).toList();
        for (ChartStyle style : ChartStyle.values())
            for (Figure f : drawn) assertNothingClipped(new ChartRenderer(style), style, f);
    }

    /**
     * Text that does not fit is cut at the edge of the image (or of the chart under the header):
     * a clipped title or axis title leaves ink in the outermost pixels, a fitting one leaves them white.
     */
    private static void assertNothingClipped(ChartRenderer renderer, ChartStyle style, Figure f) {
        assertThat(inkOnTheEdge(renderer.image(f), 3)).as("%s in %s: ink on the image's edge", f.id(), style).isEmpty();
        int height = style.height - 150;
        Chart<?, ?> chart = renderer.chart(f, height);
        BufferedImage alone = Canvas.bitmap(style.width, height, g -> chart.paint(g, style.width, height));
        assertThat(inkOnTheEdge(alone, 3)).as("%s in %s: ink on the chart's edge", f.id(), style).isEmpty();
    }

    @Test
    void theClippingCheckSeesAnAxisTitleWiderThanTheChart() {
        XYChart chart = new org.knowm.xchart.XYChartBuilder().width(400).height(300)
                .xAxisTitle("an axis title far too long to fit under a plot only four hundred pixels wide").build();
        chart.addSeries("a", new double[] {1, 2}, new double[] {1, 2});
        assertThat(inkOnTheEdge(Canvas.bitmap(400, 300, g -> chart.paint(g, 400, 300)), 3)).isNotEmpty();
    }

    /** The non-white pixels within {@code band} pixels of the border, as "x,y". */
    private static List<String> inkOnTheEdge(BufferedImage image, int band) {
        List<String> ink = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++)
            for (int x = 0; x < image.getWidth(); x++) {
                boolean edge = x < band || y < band || x >= image.getWidth() - band || y >= image.getHeight() - band;
                if (edge && (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) ink.add(x + "," + y);
            }
        return ink.size() > 10 ? ink.subList(0, 10) : ink;
    }

    @Test
    void aSeriesIdenticalToAnEarlierOneSaysSoInTheLegend() {
        Figure f = new Figure("twins", "Twins", "x", "y", Figure.Kind.LINES, false, false, List.of(), List.of(
                new Figure.Series("mark-compact", "mark-compact", new double[] {1, 2}, new double[] {3, 4}, Figure.Role.LINE),
                new Figure.Series("mark-sweep", "mark-sweep", new double[] {1, 2}, new double[] {3, 4}, Figure.Role.LINE)),
                "Both are the same.", "");
        XYChart chart = (XYChart) new ChartRenderer(ChartStyle.LECTURE).chart(f, 600);
        assertThat(chart.getSeriesMap().keySet()).containsExactly("mark-compact", "mark-sweep (same as mark-compact)");
    }

    @Test
    void mmuAndBmuShareOneLegendEntryPerManagerAndTheSubtitleSaysWhichIsDashed() {
        crowdedCampaign();
        Figure mmu = Report.figures(ResultsFolder.read(dir)).stream().filter(f -> f.id().startsWith("mmu")).findFirst().orElseThrow();
        XYChart chart = (XYChart) new ChartRenderer(ChartStyle.DEFAULT).chart(mmu, 500);
        long inLegend = chart.getSeriesMap().values().stream().filter(s -> s.isShowInLegend()).count();
        assertThat(inLegend).isEqualTo(MANAGERS.size());
        assertThat(ChartRenderer.key(mmu)).isEqualTo("Solid: MMU; dashed: BMU.");
    }

    @Test
    void aHeapWhereEveryRunRanOutOfMemoryIsAGapInTheLineAndACrossOnTheAxis() {
        crowdedCampaign();
        Figure f = Report.figures(ResultsFolder.read(dir)).stream().filter(x -> x.id().startsWith("runtime-vs-heap")).findFirst().orElseThrow();
        assertThat(f.series("semispace").x()).containsExactly(1, 2, 3);
        assertThat(Double.isNaN(f.series("semispace").y()[1])).isTrue();
        assertThat(f.series("semispace (out of memory)").x()).containsExactly(2);
        assertThat(f.series("semispace (out of memory)").role()).isEqualTo(Figure.Role.FAILED);
        assertThat(ChartRenderer.key(f)).contains("out of memory");
    }

    @Test
    void aBugChartOfZerosIsReplacedByItsSentence() throws Exception {
        try (HandMadeResults r = new HandMadeResults(dir)) {
            r.ok("binary-trees", "manual", 1, 1, 10, 1, ReportTest.LOW_PAUSES, ReportTest.MMU);
        }
        Report.Written w = Report.write(dir, ChartStyle.DEFAULT);
        assertThat(w.charts()).noneMatch(p -> p.getFileName().toString().startsWith("bugs"));
        String html = Files.readString(w.html(), StandardCharsets.UTF_8);
        assertThat(html).contains("<p class=\"sentence\">Nothing leaked; no manager caught a memory error.</p>");
    }

    @Test
    void theTakeawayIsTheReadingsFirstSentenceAndHeadsTheCaption() throws Exception {
        Figure f = new Figure("f", "F", "x", "y", Figure.Kind.LINES, false, false, List.of(), List.of(
                new Figure.Series("a", "a", new double[] {1}, new double[] {1}, Figure.Role.LINE)),
                "binary-trees tiny: manual paused 99.9% less (0.5 ms). mark-sweep paused more.", "");
        assertThat(f.takeaway()).isEqualTo("binary-trees tiny: manual paused 99.9% less (0.5 ms).");
        crowdedCampaign();
        String md = Files.readString(Report.write(dir, ChartStyle.DEFAULT).markdown(), StandardCharsets.UTF_8);
        assertThat(md).contains("**binary-trees tiny, heap 3x: manual had the lowest 99th-percentile pause");
    }

    @Test
    void theReportCarriesTheCampaignsDescription() throws Exception {
        crowdedCampaign();
        Files.writeString(dir.resolve("campaign.yaml"), "name: crowd\ndescription: ten managers on binary-trees, one out of memory\n");
        String html = Files.readString(Report.write(dir, ChartStyle.LECTURE).html(), StandardCharsets.UTF_8);
        assertThat(html).contains("<p class=\"description\">ten managers on binary-trees, one out of memory</p>");
    }

}
