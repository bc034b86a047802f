package org.reclaim.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link Figure} with XChart and saves it as {@code <id>.png} and {@code <id>.svg}
 * (through {@link Canvas}: Java2D and VectorGraphics2D). Colours follow the series' groups, in the
 * Okabe–Ito palette that colour-blind readers can tell apart; sizes follow the {@link ChartStyle}.
 *
 * <p>Made to survive a projector: the title and the figure's takeaway are drawn above the chart,
 * wrapped to the image's width; axis titles shrink until they fit; ticks are spaced for the tick
 * font; a series identical to an earlier one is drawn dotted with its own marker and says "same
 * as" in the legend; a manager's dashed companion line (BMU beside MMU) shares its legend entry,
 * with the key in the subtitle; a gap in a line (an out-of-memory cell) stays a gap, and the
 * failed cells are crosses on the x axis. Needs {@code java.awt.headless=true} where there is no
 * display.
 */
public final class ChartRenderer {
    /** Okabe &amp; Ito's eight colours, black last. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};
    private static final Color SUBTITLE = new Color(0x333333);

    private final ChartStyle style;

    public ChartRenderer(ChartStyle style) {
        this.style = style;
    }

    /**
     * Writes {@code figure} as {@code dir/<id>.png} and {@code dir/<id>.svg}.
     *
     * @return the two files, PNG first
     * @throws IllegalArgumentException if the figure has no data
     * @throws UncheckedIOException     if a file cannot be written
     */
    public List<Path> write(Figure figure, Path dir) {
        if (!figure.hasData()) throw new IllegalArgumentException(figure.id() + " has no data: " + figure.missing());
        return Canvas.write(dir, figure.id(), style.width, style.height, g -> paint(figure, g));
    }

    /** The figure as the PNG shows it. */
    BufferedImage image(Figure figure) {
        return Canvas.bitmap(style.width, style.height, g -> paint(figure, g));
    }

    private void paint(Figure figure, Graphics2D g) {
        Header header = header(figure);
        int y = MARGIN;
        g.setColor(Color.BLACK);
        g.setFont(header.titleFont);
        for (String line : header.title) {
            y += g.getFontMetrics().getAscent();
            g.drawString(line, (style.width - g.getFontMetrics().stringWidth(line)) / 2, y);
            y += g.getFontMetrics().getDescent();
        }
        g.setColor(SUBTITLE);
        g.setFont(header.subtitleFont);
        for (String line : header.subtitle) {
            y += g.getFontMetrics().getAscent();
            g.drawString(line, (style.width - g.getFontMetrics().stringWidth(line)) / 2, y);
            y += g.getFontMetrics().getDescent();
        }
        Chart<?, ?> chart = chart(figure, style.height - header.height);
        Graphics2D c = (Graphics2D) g.create(0, header.height, style.width, style.height - header.height);
        try {
            chart.paint(c, style.width, style.height - header.height);
        } finally {
            c.dispose();
        }
    }

    private static final int MARGIN = 12;

    /** The lines above the chart: its title, then its takeaway and the key to its line styles. */
    private record Header(Font titleFont, List<String> title, Font subtitleFont, List<String> subtitle, int height) {}

    private Header header(Figure f) {
        int width = style.width - 2 * MARGIN;
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, style.titleSize);
        Font subtitleFont = new Font(Font.SANS_SERIF, Font.PLAIN, style.legendSize);
        List<String> title = Canvas.wrap(f.title(), titleFont, width);
        String key = key(f);
        String sub = (f.takeaway() + (key.isEmpty() ? "" : " " + key)).strip();
        List<String> subtitle = Canvas.wrap(sub, subtitleFont, width);
        int height = MARGIN + title.size() * lineHeight(titleFont) + subtitle.size() * lineHeight(subtitleFont) + MARGIN / 2;
        return new Header(titleFont, title, subtitleFont, subtitle, height);
    }

    private static int lineHeight(Font f) {
        java.awt.FontMetrics fm = Canvas.metrics(f);
        return fm.getAscent() + fm.getDescent();
    }

    /** What the line styles mean, where the legend does not say it. */
    static String key(Figure f) {
        List<String> parts = new ArrayList<>();
        Companions companions = Companions.of(f);
        if (companions != null) parts.add("Solid: " + companions.lineSuffix + "; dashed: " + companions.referenceSuffix + ".");
        if (f.series().stream().anyMatch(s -> s.role() == Figure.Role.FAILED)) parts.add("A cross on the x axis: out of memory.");
        return String.join(" ", parts);
    }

    /** The XChart chart of {@code figure}, {@code height} pixels high, without a title (the header holds it). */
    Chart<?, ?> chart(Figure figure, int height) {
        return figure.kind() == Figure.Kind.LINES ? lines(figure, height) : bars(figure, height);
    }

    /**
     * Every group has one solid line and one dashed companion named "group suffix" (MMU and BMU):
     * one legend entry per group says it, and the subtitle says which style is which.
     */
    private record Companions(String lineSuffix, String referenceSuffix) {
        static Companions of(Figure f) {
            Map<String, List<Figure.Series>> byGroup = new LinkedHashMap<>();
            for (Figure.Series s : f.series()) byGroup.computeIfAbsent(s.group(), k -> new ArrayList<>()).add(s);
            String line = null, reference = null;
            for (var e : byGroup.entrySet()) {
                List<Figure.Series> ss = e.getValue();
                if (ss.size() != 2 || ss.get(0).role() != Figure.Role.LINE || ss.get(1).role() != Figure.Role.REFERENCE) return null;
                String l = suffix(ss.get(0).name(), e.getKey()), r = suffix(ss.get(1).name(), e.getKey());
                if (l == null || r == null || (line != null && (!line.equals(l) || !reference.equals(r)))) return null;
                line = l;
                reference = r;
            }
            return line == null ? null : new Companions(line, reference);
        }

        private static String suffix(String name, String group) {
            return name.startsWith(group + " ") ? name.substring(group.length() + 1) : null;
        }
    }

    private XYChart lines(Figure f, int height) {
        XYChart c = new XYChartBuilder().width(style.width).height(height).xAxisTitle(f.xTitle()).yAxisTitle(f.yTitle()).build();
        Companions companions = Companions.of(f);
        List<String> legendEntries = new ArrayList<>();
        List<String> legends = new ArrayList<>();
        List<Boolean> twins = new ArrayList<>();
        List<Figure.Series> seen = new ArrayList<>();
        for (Figure.Series s : f.series()) {
            Figure.Series same = s.role() == Figure.Role.LINE || s.role() == Figure.Role.REFERENCE
                    ? seen.stream().filter(d -> d.role() == s.role() && d.sameData(s)).findFirst().orElse(null) : null;
            String legend = companions != null && s.role() == Figure.Role.LINE ? s.group() : s.name();
            if (same != null) legend += " (same as " + (companions != null ? same.group() : same.name()) + ")";
            legends.add(legend);
            twins.add(same != null);
            seen.add(s);
            boolean shown = s.role() != Figure.Role.POINTS && s.role() != Figure.Role.FAILED && s.role() != Figure.Role.BAND
                    && (companions == null || s.role() == Figure.Role.LINE);
            if (shown) legendEntries.add(legend);
        }
        styleCommon(c.getStyler(), f, height, legendEntries);
        c.getStyler().setXAxisLogarithmic(f.logX()).setYAxisLogarithmic(f.logY());
        if (!f.logX()) c.getStyler().setXAxisDecimalPattern("#,##0.##");
        if (!f.logY()) c.getStyler().setYAxisDecimalPattern("#,##0.##");
        c.getStyler().setMarkerSize(style.markerSize);
        if (!f.logY()) c.getStyler().setYAxisMin(0.0);
        // A linear x axis whose data start near 0 starts at 0, so its ticks fall on round numbers, not at the first sample.
        double minX = f.series().stream().flatMapToDouble(s -> Arrays.stream(s.x())).min().orElse(0);
        double maxX = f.series().stream().flatMapToDouble(s -> Arrays.stream(s.x())).max().orElse(0);
        if (!f.logX() && minX >= 0 && minX <= 0.1 * maxX) c.getStyler().setXAxisMin(0.0);
        List<String> groups = groups(f);
        List<Figure.Series> drawn = new ArrayList<>();
        for (Figure.Series s : f.series()) {
            int i = drawn.size();
            boolean same = twins.get(i);
            XYSeries xy = c.addSeries(legends.get(i), boxed(s.x()), boxedWithGaps(s.y()));
            Color colour = PALETTE[groups.indexOf(s.group()) % PALETTE.length];
            xy.setLineColor(colour);
            xy.setMarkerColor(colour);
            boolean dense = s.x().length > 200;
            switch (s.role()) {
                case LINE -> {
                    xy.setLineStyle(same ? dotted() : new BasicStroke(style.strokeWidth));
                    xy.setMarker(dense ? SeriesMarkers.NONE : same ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE);
                }
                case REFERENCE -> {
                    xy.setLineStyle(same ? dotted() : dashed());
                    xy.setMarker(dense ? SeriesMarkers.NONE : same ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.DIAMOND);
                    if (companions != null) xy.setShowInLegend(false);
                }
                case POINTS -> {
                    xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xy.setMarker(SeriesMarkers.CIRCLE);
                    xy.setMarkerColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110));
                    xy.setShowInLegend(false);
                }
                case BAND -> {
                    xy.setLineStyle(new BasicStroke(Math.max(1f, style.strokeWidth / 2), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                            10f, new float[] {style.strokeWidth, style.strokeWidth}, 0f));
                    xy.setMarker(SeriesMarkers.NONE);
                    xy.setShowInLegend(false);
                }
                case FAILED -> {
                    xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xy.setMarker(SeriesMarkers.CROSS);
                    xy.setShowInLegend(false);
                }
                case BAR -> throw new IllegalArgumentException(f.id() + ": a bar series in a line chart");
            }
            drawn.add(s);
        }
        return c;
    }

    private BasicStroke dashed() {
        return new BasicStroke(style.strokeWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {3 * style.strokeWidth, 2 * style.strokeWidth}, 0f);
    }

    /** A series that repeats an earlier one is drawn over it dotted, so both stay visible. */
    private BasicStroke dotted() {
        return new BasicStroke(style.strokeWidth * 0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                new float[] {0.1f, 2.5f * style.strokeWidth}, 0f);
    }

    private static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    /** NaN is a missing value: XChart leaves a gap for a null rather than joining its neighbours. */
    private static List<Double> boxedWithGaps(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) out.add(Double.isNaN(d) ? null : d);
        return out;
    }

    private CategoryChart bars(Figure f, int height) {
        CategoryChart c = new CategoryChartBuilder().width(style.width).height(height).xAxisTitle(f.xTitle()).yAxisTitle(f.yTitle()).build();
        styleCommon(c.getStyler(), f, height, f.series().stream().map(Figure.Series::name).toList());
        c.getStyler().setYAxisDecimalPattern("#,##0.##");
        if (f.categories().size() > 5) c.getStyler().setXAxisLabelRotation(30);   // long manager names side by side overlap
        c.getStyler().setStacked(f.kind() == Figure.Kind.STACKED_BARS);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setOverlapped(false);
        List<String> groups = groups(f);
        for (Figure.Series s : f.series()) {
            List<String> x = new ArrayList<>();
            for (double i : s.x()) x.add(f.categories().get((int) i));
            List<Double> y = new ArrayList<>();
            for (double v : s.y()) y.add(v);
            CategorySeries cs = c.addSeries(s.name(), x, y);
            cs.setFillColor(PALETTE[groups.indexOf(s.group()) % PALETTE.length]);
        }
        return c;
    }

    /** Up to this many legend entries fit in one row below the plot; more are listed beside it. */
    private static final int LEGEND_BELOW = 4;

    private void styleCommon(Styler s, Figure f, int height, List<String> legendEntries) {
        s.setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE).setPlotBorderVisible(true);
        s.setChartTitleVisible(false);
        Font legendFont = new Font(Font.SANS_SERIF, Font.PLAIN, style.legendSize);
        s.setLegendFont(legendFont);
        boolean beside = legendEntries.size() > LEGEND_BELOW;
        s.setLegendPosition(beside ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.OutsideS);
        s.setLegendLayout(beside ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
        s.setChartPadding(MARGIN);
        s.setAntiAlias(true);
        if (s instanceof AxesChartStyler a) {
            Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, style.tickSize);
            Font axisTitle = new Font(Font.SANS_SERIF, Font.PLAIN, style.axisTitleSize);
            // XChart centres each axis title on the plot and never wraps it: estimate the plot's size
            // (the image less the legend and the other axis) and shrink the titles' one font until both fit.
            int legendWidth = beside ? legendEntries.stream().mapToInt(Canvas.metrics(legendFont)::stringWidth).max().orElse(0)
                    + 4 * style.legendSize : 0;
            int yAxisWidth = lineHeight(axisTitle) + Canvas.metrics(ticks).stringWidth("0.0001") + 3 * MARGIN;
            int plotWidth = style.width - 2 * MARGIN - legendWidth - yAxisWidth;
            int legendHeight = beside || legendEntries.isEmpty() ? 0 : lineHeight(legendFont) + 3 * MARGIN;
            int plotHeight = height - 2 * MARGIN - legendHeight - lineHeight(ticks) - lineHeight(axisTitle) - 3 * MARGIN
                    - (f.categories().size() > 5 ? Canvas.metrics(ticks).stringWidth("refcount-deferred") / 2 : 0);
            Font fitsX = Canvas.fitted(axisTitle, f.xTitle(), (int) (plotWidth * 0.95));
            Font fitsY = Canvas.fitted(axisTitle, f.yTitle(), (int) (plotHeight * 0.95));
            a.setAxisTitleFont(fitsX.getSize() < fitsY.getSize() ? fitsX : fitsY);
            a.setAxisTickLabelsFont(ticks);
            a.setXAxisTickMarkSpacingHint(Math.max(74, style.tickSize * 5));
            a.setYAxisTickMarkSpacingHint(Math.max(44, style.tickSize * 3));
            a.setPlotGridLinesColor(new Color(0xDDDDDD));
        }
    }

    private static List<String> groups(Figure f) {
        List<String> groups = new ArrayList<>();
        for (Figure.Series s : f.series()) if (!groups.contains(s.group())) groups.add(s.group());
        return groups;
    }
}
