package org.reclaim.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reclaim.analysis.results.ResultRow;

/**
 * Run time against heap size, one line per manager: Hertz &amp; Berger's curve. Each point is
 * the median wall time of the cell's repetitions and seeds (the single runs are drawn as points
 * beside it); explicit managers (manual, ownership) are drawn dashed as the reference level a
 * tracing collector approaches as its heap grows. The x axis is the heap as a multiple of the
 * minimum heap when every cell's heap was given so, else the heap in MiB.
 */
final class RunTimeVsHeap {
    private RunTimeVsHeap() {}

    /** How close counts as "came within reach": 10% above the explicit level. */
    static final double WITHIN = 1.10;

    static Figure of(ResultsFolder folder, Benchmark b) {
        String id = "runtime-vs-heap_" + b.id();
        String title = "Run time vs heap size: " + b.label();
        List<ResultRow> rows = folder.ok(b);
        if (rows.isEmpty()) return Figure.missing(id, title, "no cell of " + b.label() + " ended ok");
        boolean multiples = rows.stream().allMatch(r -> r.minHeapBytes() > 0);
        List<Figure.Series> series = new ArrayList<>();
        Map<String, TreeMap<Double, Spread>> medians = new java.util.LinkedHashMap<>();
        for (String m : folder.managers()) {
            TreeMap<Double, List<Double>> byHeap = new TreeMap<>();
            for (ResultRow r : rows)
                if (r.key().manager().equals(m)) byHeap.computeIfAbsent(heapX(r, multiples), k -> new ArrayList<>()).add(r.wallNanos() / 1e6);
            if (byHeap.isEmpty()) {
                double[] oom = outOfMemory(folder, b, m, multiples).stream().mapToDouble(Double::doubleValue).toArray();
                if (oom.length > 0) series.add(new Figure.Series(m + " (out of memory)", m, oom, new double[oom.length], Figure.Role.FAILED));
                continue;
            }
            TreeMap<Double, Spread> spread = new TreeMap<>();
            byHeap.forEach((x, ys) -> spread.put(x, Spread.of(ys)));
            medians.put(m, spread);
            boolean explicit = ManagerFamily.of(m) == ManagerFamily.EXPLICIT;
            // A heap where every run of the manager ran out of memory is a gap in its line and a cross on the axis.
            TreeMap<Double, Double> line = new TreeMap<>();
            spread.forEach((x, s) -> line.put(x, s.median()));
            double[] oom = outOfMemory(folder, b, m, multiples).stream().filter(x -> !spread.containsKey(x))
                    .mapToDouble(Double::doubleValue).toArray();
            for (double x : oom) if (x > spread.firstKey() && x < spread.lastKey()) line.put(x, Double.NaN);
            series.add(new Figure.Series(m, m, line.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    line.values().stream().mapToDouble(Double::doubleValue).toArray(),
                    explicit ? Figure.Role.REFERENCE : Figure.Role.LINE));
            if (oom.length > 0) series.add(new Figure.Series(m + " (out of memory)", m, oom, new double[oom.length], Figure.Role.FAILED));
            if (byHeap.values().stream().anyMatch(ys -> ys.size() > 1)) {
                List<double[]> points = new ArrayList<>();
                byHeap.forEach((x, ys) -> ys.forEach(y -> points.add(new double[] {x, y})));
                series.add(new Figure.Series(m + " (each run)", m, points.stream().mapToDouble(p -> p[0]).toArray(),
                        points.stream().mapToDouble(p -> p[1]).toArray(), Figure.Role.POINTS));
            }
        }
        String xTitle = multiples ? "heap (multiple of the minimum heap)" : "heap (MiB)";
        return new Figure(id, title, xTitle, "run time (ms, median of runs)", Figure.Kind.LINES, false, false, List.of(),
                series, reading(b, medians, multiples), "");
    }

    /** The heaps at which {@code manager}'s runs of {@code b} ran out of memory. */
    private static java.util.SortedSet<Double> outOfMemory(ResultsFolder folder, Benchmark b, String manager, boolean multiples) {
        java.util.SortedSet<Double> heaps = new java.util.TreeSet<>();
        for (ResultRow r : folder.rows())
            if (r.status().equals(ResultRow.OOM) && r.key().manager().equals(manager) && Benchmark.of(r.key()).equals(b)
                    && (!multiples || r.minHeapBytes() > 0))
                heaps.add(heapX(r, multiples));
        return heaps;
    }

    private static double heapX(ResultRow r, boolean multiples) {
        return multiples ? (double) r.heapBytes() / r.minHeapBytes() : r.heapBytes() / (double) (1 << 20);
    }

    private static double[] keys(TreeMap<Double, Spread> m) {
        return m.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * For each tracing collector, the smallest heap at which its median run time came within 10%
     * of the best explicit manager's at the same heap (or, where no explicit manager ran at that
     * heap, its best level at any heap).
     */
    static String reading(Benchmark b, Map<String, TreeMap<Double, Spread>> medians, boolean multiples) {
        Map<String, TreeMap<Double, Spread>> explicit = new java.util.LinkedHashMap<>(), tracing = new java.util.LinkedHashMap<>();
        medians.forEach((m, s) -> {
            if (ManagerFamily.of(m) == ManagerFamily.EXPLICIT) explicit.put(m, s);
            if (ManagerFamily.of(m) == ManagerFamily.TRACING) tracing.put(m, s);
        });
        StringBuilder sb = new StringBuilder();
        if (explicit.isEmpty()) {
            sb.append("No manual or ownership run of ").append(b.label()).append(" ended ok, so there is no explicit level to compare with.");
        } else if (tracing.isEmpty()) {
            sb.append("No tracing collector ran on ").append(b.label())
                    .append(", so there is no Hertz & Berger comparison; the lines show ").append(String.join(", ", medians.keySet())).append('.');
        } else {
            for (var t : tracing.entrySet()) {
                String verdict = null;
                double lastRatio = Double.NaN, lastX = Double.NaN;
                for (var p : t.getValue().entrySet()) {
                    double x = p.getKey();
                    Best ref = best(explicit, x);
                    lastRatio = p.getValue().median() / ref.ms();
                    lastX = x;
                    if (lastRatio <= WITHIN) {
                        verdict = t.getKey() + (lastRatio <= 1 ? " was already as fast as " : " came within 10% of ")
                                + ref.manager() + " at " + Quantities.heap(x, multiples)
                                + (multiples ? " the minimum heap" : "") + " (" + Quantities.ms(p.getValue().median())
                                + " against " + Quantities.ms(ref.ms()) + ").";
                        break;
                    }
                }
                if (verdict == null)
                    verdict = t.getKey() + " never came within 10% of the explicit managers in the heaps tried: at "
                            + Quantities.heap(lastX, multiples) + ", its largest, it took " + Quantities.significant(lastRatio)
                            + " times as long.";
                if (sb.length() > 0) sb.append(' ');
                sb.append(verdict);
            }
        }
        return b.label() + ": " + sb;
    }

    private record Best(String manager, double ms) {}

    private static Best best(Map<String, TreeMap<Double, Spread>> explicit, double x) {
        Best best = null;
        for (var e : explicit.entrySet()) {
            Spread at = e.getValue().get(x);
            if (at != null && (best == null || at.median() < best.ms())) best = new Best(e.getKey(), at.median());
        }
        if (best != null) return best;
        for (var e : explicit.entrySet())
            for (Spread s : e.getValue().values())
                if (best == null || s.median() < best.ms()) best = new Best(e.getKey(), s.median());
        return best;
    }
}
