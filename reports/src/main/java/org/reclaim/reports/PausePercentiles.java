package org.reclaim.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.stats.Estimate;

/**
 * The pause-time distribution per manager, drawn the way HdrHistogram's plotter draws it:
 * percentiles counted in nines ({@code -log10(1-p)}: 1 is 90%, 2 is 99%, 3 is 99.9%), so the tail
 * is as wide as the body; the longest pause at 4, the right end; pause times on a log axis. The figures come from the cells'
 * {@code pauses/<cell>.hlog} histograms (all runs of a manager merged) when every run has one, else
 * from the medians of the runs' {@code pause.p*} metrics and longest pause in {@code results.csv}.
 */
final class PausePercentiles {
    private PausePercentiles() {}

    /** The percentiles plotted, with the longest pause as the last point. */
    static final double[] PERCENTILES = {50, 90, 99, 99.9};
    /** Their run-record metrics. */
    static final String[] METRICS = {"pause.p50.ns", "pause.p90.ns", "pause.p99.ns", "pause.p999.ns"};
    /** Where the longest pause is drawn on the nines axis: at 4. */
    static final double MAX_X = 4;
    /** A log axis cannot show 0: a pause shorter than this (ms) is drawn at it. */
    static final double FLOOR_MS = 1e-4;

    static Figure of(ResultsFolder folder, Benchmark b) {
        String id = "pause-percentiles_" + b.id();
        String heap = folder.chartHeap(b);
        String title = "Pause time percentiles: " + b.label() + (heap == null ? "" : ", heap " + heap);
        if (heap == null) return Figure.missing(id, title, "no cell of " + b.label() + " ended ok");
        List<Figure.Series> series = new ArrayList<>();
        List<String> never = new ArrayList<>();
        String best = null;
        double bestP99 = Double.MAX_VALUE, worstP99 = -1;
        String worst = null;
        Map<String, Estimate> p99 = new HashMap<>();
        for (String m : folder.managers()) {
            List<ResultRow> rows = folder.ok(b, heap, m);
            if (rows.isEmpty()) continue;
            if (rows.stream().allMatch(r -> r.pauseCount() == 0)) { never.add(m); continue; }
            double[] ms = fromHistograms(folder, rows);
            if (ms == null) ms = fromMetrics(rows);
            if (ms == null) continue;
            double[] x = new double[ms.length], y = new double[ms.length];
            for (int i = 0; i < ms.length; i++) {
                x[i] = i < PERCENTILES.length ? nines(PERCENTILES[i]) : MAX_X;
                y[i] = Math.max(FLOOR_MS, ms[i]);
            }
            series.add(new Figure.Series(m, m, x, y, Figure.Role.LINE));
            if (rows.stream().allMatch(r -> r.metrics().containsKey("pause.p99.ns")))
                p99.put(m, Estimate.of(rows.stream().map(r -> r.metrics().get("pause.p99.ns")).toList()));
            if (ms[2] < bestP99) { bestP99 = ms[2]; best = m; }
            if (ms[2] > worstP99) { worstP99 = ms[2]; worst = m; }
        }
        if (series.isEmpty())
            return Figure.missing(id, title, "no pause percentiles were recorded for " + b.label() + " at heap " + heap
                    + (never.isEmpty() ? "" : " (" + String.join(", ", never) + " never paused)")
                    + ": they come from pauses/<cell>.hlog (campaign file: record: [hlog]) or the pause.p* columns of results.csv");
        String reading = b.label() + ", heap " + heap + ": " + best + " had the lowest 99th-percentile pause ("
                 + Quantities.ms(bestP99) + ")" + (!worst.equals(best) ? ", " + worst + " the highest (" + Quantities.ms(worstP99) + ")"
                 + Quantities.unlessDistinguishable(p99.get(best), p99.get(worst)) : "")
                + "." + (never.isEmpty() ? "" : " " + String.join(", ", never) + " never paused.");
        return new Figure(id, title, "percentile in nines (1 = 90%, 2 = 99%, 3 = 99.9%, 4 = max)",
                "pause (ms)", Figure.Kind.LINES, false, true, List.of(), series, reading, "")
                .withDifferences(Quantities.stated(id, "99th-percentile pause at heap " + heap, best, worst, p99));
    }

    /** A percentile in nines: {@code -log10(1 - p/100)}; 90 is 1, 99 is 2. */
    static double nines(double percentile) {
        return -Math.log10(1 - percentile / 100);
    }

    /** Percentiles and maximum (ms) of the runs' histograms merged, or null when a run has none. */
    private static double[] fromHistograms(ResultsFolder folder, List<ResultRow> rows) {
        Histogram all = null;
        for (ResultRow r : rows) {
            var file = folder.hlog(r.key());
            if (!Files.isRegularFile(file)) return null;
            try {
                HistogramLogReader reader = new HistogramLogReader(file.toFile());
                EncodableHistogram h;
                while ((h = reader.nextIntervalHistogram()) != null) {
                    Histogram one = (Histogram) h;
                    if (all == null) all = new Histogram(one.getNumberOfSignificantValueDigits());
                    all.add(one);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        if (all == null || all.getTotalCount() == 0) return null;
        double[] ms = new double[PERCENTILES.length + 1];
        for (int i = 0; i < PERCENTILES.length; i++) ms[i] = all.getValueAtPercentile(PERCENTILES[i]) / 1e6;
        ms[PERCENTILES.length] = all.getMaxValue() / 1e6;
        return ms;
    }

    /** The medians over the runs of each percentile metric and the longest pause (ms), or null when a metric is absent. */
    private static double[] fromMetrics(List<ResultRow> rows) {
        double[] ms = new double[METRICS.length + 1];
        for (int i = 0; i < METRICS.length; i++) {
            String key = METRICS[i];
            if (!rows.stream().allMatch(r -> r.metrics().containsKey(key))) return null;
            ms[i] = Spread.of(rows.stream().map(r -> r.metrics().get(key) / 1e6).toList()).median();
        }
        ms[METRICS.length] = Spread.of(rows.stream().map(r -> r.pauseMaxNanos() / 1e6).toList()).median();
        return ms;
    }
}
