package org.reclaim.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link Figure} with XChart and saves it as {@code <id>.png} and {@code <id>.svg}
 * (VectorGraphics2D through XChart's {@link VectorGraphicsEncoder}). Colours follow the series'
 * groups, in the Okabe–Ito palette that colour-blind readers can tell apart; sizes follow the
 * {@link ChartStyle}. Needs {@code java.awt.headless=true} where there is no display.
 */
public final class ChartRenderer {
    /** Okabe &amp; Ito's eight colours, black last. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};

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
        Chart<?, ?> chart = chart(figure);
        Path png = dir.resolve(figure.id() + ".png"), svg = dir.resolve(figure.id() + ".svg");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(png)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            try (OutputStream out = Files.newOutputStream(svg)) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + figure.id() + " into " + dir + ": " + e.getMessage(), e);
        }
        return List.of(png, svg);
    }

    /** The XChart chart of {@code figure}. */
    Chart<?, ?> chart(Figure figure) {
        return figure.kind() == Figure.Kind.LINES ? lines(figure) : bars(figure);
    }

    private XYChart lines(Figure f) {
        XYChart c = new XYChartBuilder().width(style.width).height(style.height).title(f.title())
                .xAxisTitle(f.xTitle()).yAxisTitle(f.yTitle()).build();
        styleCommon(c.getStyler());
        legendBeside(c.getStyler(), f.series().stream().filter(s -> s.role() != Figure.Role.POINTS && s.role() != Figure.Role.BAND).count());
        c.getStyler().setXAxisLogarithmic(f.logX()).setYAxisLogarithmic(f.logY());
        if (!f.logX()) c.getStyler().setXAxisDecimalPattern("#,##0.##");
        if (!f.logY()) c.getStyler().setYAxisDecimalPattern("#,##0.##");
        c.getStyler().setMarkerSize(style.markerSize);
        if (!f.logY()) c.getStyler().setYAxisMin(0.0);
        List<String> groups = groups(f);
        for (Figure.Series s : f.series()) {
            XYSeries xy = c.addSeries(s.name(), s.x(), s.y());
            Color colour = PALETTE[groups.indexOf(s.group()) % PALETTE.length];
            xy.setLineColor(colour);
            xy.setMarkerColor(colour);
            switch (s.role()) {
                case LINE -> {
                    xy.setLineStyle(new BasicStroke(style.strokeWidth));
                    xy.setMarker(s.x().length > 200 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
                }
                case REFERENCE -> {
                    xy.setLineStyle(new BasicStroke(style.strokeWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {3 * style.strokeWidth, 2 * style.strokeWidth}, 0f));
                    xy.setMarker(s.x().length > 200 ? SeriesMarkers.NONE : SeriesMarkers.DIAMOND);
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
                }
                case BAR -> throw new IllegalArgumentException(f.id() + ": a bar series in a line chart");
            }
        }
        return c;
    }

    private CategoryChart bars(Figure f) {
        CategoryChart c = new CategoryChartBuilder().width(style.width).height(style.height).title(f.title())
                .xAxisTitle(f.xTitle()).yAxisTitle(f.yTitle()).build();
        styleCommon(c.getStyler());
        legendBeside(c.getStyler(), f.series().size());
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

    /** Many series do not fit in one row below the plot: list them beside it instead. */
    private static void legendBeside(Styler s, long entries) {
        if (entries <= 5) return;
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
    }

    private void styleCommon(Styler s) {
        s.setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE).setPlotBorderVisible(true);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, style.titleSize));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, style.legendSize));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, style.axisTitleSize));
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, style.tickSize));
            a.setPlotGridLinesColor(new Color(0xDDDDDD));
        }
    }

    private static List<String> groups(Figure f) {
        List<String> groups = new ArrayList<>();
        for (Figure.Series s : f.series()) if (!groups.contains(s.group())) groups.add(s.group());
        return groups;
    }
}
