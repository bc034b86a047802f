package org.reclaim.reports;

import java.util.ArrayList;
import java.util.List;
import org.reclaim.analysis.results.ResultRow;

/**
 * Minimum mutator utilisation (Cheng &amp; Blelloch) per manager at the windows the run record
 * keeps ({@code mmu.1ms}, {@code mmu.10ms}, {@code mmu.100ms}; medians of the runs), with the
 * bounded mutator utilisation dashed beside it: BMU at a window is the least MMU at that window or
 * any larger one, so it never falls as the window grows.
 */
final class MutatorUtilisation {
    private MutatorUtilisation() {}

    /** The windows (ms) and their run-record metrics. */
    static final double[] WINDOWS_MS = {1, 10, 100};
    static final String[] METRICS = {"mmu.1ms", "mmu.10ms", "mmu.100ms"};

    static Figure of(ResultsFolder folder, Benchmark b) {
        String id = "mmu_" + b.id();
        String heap = folder.chartHeap(b);
        String title = "Minimum mutator utilisation: " + b.label() + (heap == null ? "" : ", heap " + heap);
        if (heap == null) return Figure.missing(id, title, "no cell of " + b.label() + " ended ok");
        List<Figure.Series> series = new ArrayList<>();
        String best = null, worst = null;
        double bestAt10 = -1, worstAt10 = 2;
        for (String m : folder.managers()) {
            List<ResultRow> rows = folder.ok(b, heap, m);
            if (rows.isEmpty() || !rows.stream().allMatch(r -> r.metrics().keySet().containsAll(List.of(METRICS)))) continue;
            double[] mmu = new double[METRICS.length];
            for (int i = 0; i < METRICS.length; i++) {
                String key = METRICS[i];
                mmu[i] = Spread.of(rows.stream().map(r -> r.metrics().get(key)).toList()).median();
            }
            double[] bmu = new double[mmu.length];
            double least = 1;
            for (int i = mmu.length - 1; i >= 0; i--) bmu[i] = least = Math.min(least, mmu[i]);
            series.add(new Figure.Series(m + " MMU", m, WINDOWS_MS.clone(), mmu, Figure.Role.LINE));
            series.add(new Figure.Series(m + " BMU", m, WINDOWS_MS.clone(), bmu, Figure.Role.REFERENCE));
            if (mmu[1] > bestAt10) { bestAt10 = mmu[1]; best = m; }
            if (mmu[1] < worstAt10) { worstAt10 = mmu[1]; worst = m; }
        }
        if (series.isEmpty())
            return Figure.missing(id, title, "no MMU was recorded for " + b.label() + " at heap " + heap
                    + ": it comes from the mmu.1ms, mmu.10ms and mmu.100ms columns of results.csv");
        String reading = b.label() + ", heap " + heap + ": in every 10 ms window, " + best + " left the program at least "
                + Quantities.percent(bestAt10) + " of the time"
                + (!worst.equals(best) ? "; " + worst + " only " + Quantities.percent(worstAt10) : "") + ".";
        return new Figure(id, title, "window (ms)", "mutator utilisation (0 to 1)", Figure.Kind.LINES, true, false,
                List.of(), series, reading, "");
    }
}
