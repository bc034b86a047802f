package org.reclaim.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reclaim.analysis.results.ResultRow;

/**
 * What the bytes in use were, by the lifetime oracles (Hertz &amp; Berger; the names are Röjemo
 * &amp; Runciman's): <em>live</em> (used again later), <em>drag</em> (reachable, never used again),
 * <em>garbage held</em> (unreachable, not yet freed) and <em>leaked</em> (never freed); the
 * time-weighted means on the allocation clock, stacked per manager (medians of the runs at the
 * chart heap). From the {@code oracle.*.mean.bytes} metrics, present when cells ran with the oracle.
 */
final class LifetimeSplitFigure {
    private LifetimeSplitFigure() {}

    /** The parts, bottom to top, and their run-record metrics. */
    static final Map<String, String> PARTS = new LinkedHashMap<>();
    static {
        PARTS.put("live", "oracle.live.mean.bytes");
        PARTS.put("drag", "oracle.drag.mean.bytes");
        PARTS.put("garbage held", "oracle.garbage-held.mean.bytes");
        PARTS.put("leaked", "oracle.leaked.mean.bytes");
    }

    private static final double MIB = 1 << 20;

    static Figure of(ResultsFolder folder, Benchmark b) {
        String id = "lifetime-split_" + b.id();
        String heap = folder.chartHeap(b);
        String title = "Lifetime split: " + b.label() + (heap == null ? "" : ", heap " + heap);
        if (heap == null) return Figure.missing(id, title, "no cell of " + b.label() + " ended ok");
        List<String> managers = new ArrayList<>();
        Map<String, List<Double>> parts = new LinkedHashMap<>();
        PARTS.keySet().forEach(p -> parts.put(p, new ArrayList<>()));
        StringBuilder reading = new StringBuilder();
        for (String m : folder.managers()) {
            List<ResultRow> rows = folder.ok(b, heap, m);
            if (rows.isEmpty() || !rows.stream().allMatch(r -> r.metrics().keySet().containsAll(PARTS.values()))) continue;
            managers.add(m);
            double total = 0, live = 0;
            for (var p : PARTS.entrySet()) {
                double v = Spread.of(rows.stream().map(r -> r.metrics().get(p.getValue())).toList()).median();
                parts.get(p.getKey()).add(v / MIB);
                total += v;
                if (p.getKey().equals("live")) live = v;
            }
            reading.append(reading.length() == 0 ? "" : "; ").append(m).append(" held ").append(Quantities.bytes(total))
                    .append(" on average, ").append(total > 0 ? Quantities.percent(live / total) : "0%").append(" of it live");
        }
        if (managers.isEmpty())
            return Figure.missing(id, title, "no lifetime oracle was recorded for " + b.label() + " at heap " + heap
                    + ": it comes from the oracle.*.mean.bytes columns of results.csv (cells run with lab run --oracle)");
        double[] x = new double[managers.size()];
        for (int i = 0; i < x.length; i++) x[i] = i;
        List<Figure.Series> series = new ArrayList<>();
        parts.forEach((p, v) -> series.add(new Figure.Series(p, p, x.clone(), v.stream().mapToDouble(Double::doubleValue).toArray(),
                Figure.Role.BAR)));
        return new Figure(id, title, "manager", "mean bytes in use (MiB)", Figure.Kind.STACKED_BARS, false, false,
                managers, series, b.label() + ", heap " + heap + ": " + reading + ".", "");
    }
}
