package org.reclaim.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.stats.Estimate;

/**
 * Where each manager's run time went: the mutator (the program) and memory management (the sum
 * of the recorded pauses), stacked, medians of the runs at the benchmark's chart heap.
 */
final class TimeBreakdown {
    private TimeBreakdown() {}

    static final String MUTATOR = "mutator", MEMORY_MANAGEMENT = "memory management";

    static Figure of(ResultsFolder folder, Benchmark b) {
        String id = "time-breakdown_" + b.id();
        String heap = folder.chartHeap(b);
        String title = "Time breakdown: " + b.label() + (heap == null ? "" : ", heap " + heap);
        if (heap == null) return Figure.missing(id, title, "no cell of " + b.label() + " ended ok");
        List<String> managers = new ArrayList<>();
        List<Double> mutator = new ArrayList<>(), mm = new ArrayList<>();
        String most = null, least = null;
        double mostShare = -1, leastShare = 2;
        Map<String, Estimate> shares = new HashMap<>();
        for (String m : folder.managers()) {
            List<ResultRow> rows = folder.ok(b, heap, m);
            if (rows.isEmpty()) continue;
            double mu = Spread.of(rows.stream().map(r -> (r.wallNanos() - r.mmNanos()) / 1e6).toList()).median();
            double gc = Spread.of(rows.stream().map(r -> r.mmNanos() / 1e6).toList()).median();
            managers.add(m);
            mutator.add(mu);
            mm.add(gc);
            double share = mu + gc > 0 ? gc / (mu + gc) : 0;
            shares.put(m, Estimate.of(rows.stream().map(r -> r.wallNanos() > 0 ? (double) r.mmNanos() / r.wallNanos() : 0.0).toList()));
            if (share > mostShare) { mostShare = share; most = m; }
            if (share < leastShare) { leastShare = share; least = m; }
        }
        double[] x = new double[managers.size()];
        for (int i = 0; i < x.length; i++) x[i] = i;
        List<Figure.Series> series = List.of(
                new Figure.Series(MUTATOR, MUTATOR, x, mutator.stream().mapToDouble(Double::doubleValue).toArray(), Figure.Role.BAR),
                new Figure.Series(MEMORY_MANAGEMENT, MEMORY_MANAGEMENT, x.clone(),
                        mm.stream().mapToDouble(Double::doubleValue).toArray(), Figure.Role.BAR));
        String reading = b.label() + ", heap " + heap + ": memory management took the largest share of the run under "
                + most + " (" + Quantities.percent(mostShare) + ")"
                + (!least.equals(most) ? " and the smallest under " + least + " (" + Quantities.percent(leastShare) + ")"
                + Quantities.unlessDistinguishable(shares.get(most), shares.get(least)) : "") + ".";
        return new Figure(id, title, "manager", "time (ms, median of runs)", Figure.Kind.STACKED_BARS, false, false,
                managers, series, reading, "")
                .withDifferences(Quantities.stated(id, "memory management's share of the run at heap " + heap, least, most, shares));
    }
}
