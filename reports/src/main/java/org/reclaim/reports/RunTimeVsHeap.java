package org.reclaim.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.stats.Estimate;

/**
 * Run time against heap size, one line per manager: Hertz &amp; Berger's curve. Each point is
 * the median wall time of the cell's repetitions and seeds, with its 95% interval drawn as a band
 * (two thin lines) and the single runs as points beside it; explicit managers (manual, ownership)
 * are drawn dashed as the reference level a tracing collector approaches as its heap grows. The x
 * axis is the heap as a multiple of the minimum heap when every cell's heap was given so, else the
 * heap in MiB. Only rows that ended ok are read.
 */
final class RunTimeVsHeap {
    private RunTimeVsHeap() {}

    static Figure of(ResultsFolder folder, Benchmark b) {
        String id = "runtime-vs-heap_" + b.id();
        String title = "Run time vs heap size: " + b.label();
        List<ResultRow> rows = folder.ok(b);
        if (rows.isEmpty()) return Figure.missing(id, title, "no cell of " + b.label() + " ended ok");
        boolean multiples = multiples(rows);
        Map<String, TreeMap<Double, Estimate>> estimates = estimates(folder, rows, multiples, r -> r.wallNanos() / 1e6);
        List<Figure.Series> series = new ArrayList<>();
        for (String m : folder.managers()) {
            TreeMap<Double, Estimate> byHeap = estimates.get(m);
            double[] oom = outOfMemory(folder, b, m, multiples).stream()
                    .filter(x -> byHeap == null || !byHeap.containsKey(x)).mapToDouble(Double::doubleValue).toArray();
            if (oom.length > 0) series.add(new Figure.Series(m + " (out of memory)", m, oom, new double[oom.length], Figure.Role.FAILED));
            if (byHeap == null) continue;
            boolean explicit = ManagerFamily.of(m) == ManagerFamily.EXPLICIT;
            // A heap where every run of the manager ran out of memory is a gap in its line (and a cross on the axis), never bridged.
            TreeMap<Double, Double> line = new TreeMap<>();
            byHeap.forEach((x, e) -> line.put(x, e.median()));
            for (double x : oom) if (x > byHeap.firstKey() && x < byHeap.lastKey()) line.put(x, Double.NaN);
            series.add(new Figure.Series(m, m, line.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    line.values().stream().mapToDouble(Double::doubleValue).toArray(),
                    explicit ? Figure.Role.REFERENCE : Figure.Role.LINE));
            series.addAll(bands(m, byHeap));
            List<double[]> points = new ArrayList<>();
            for (ResultRow r : rows)
                if (r.key().manager().equals(m)) points.add(new double[] {heapX(r, multiples), r.wallNanos() / 1e6});
            if (points.size() > byHeap.size())
                series.add(new Figure.Series(m + " (each run)", m, points.stream().mapToDouble(p -> p[0]).toArray(),
                        points.stream().mapToDouble(p -> p[1]).toArray(), Figure.Role.POINTS));
        }
        String xTitle = multiples ? "heap (multiple of the minimum heap)" : "heap (MiB)";
        return new Figure(id, title, xTitle, "run time (ms, median of runs, 95% band)", Figure.Kind.LINES, false, false,
                List.of(), series, reading(b, estimates, multiples), "").withDifferences(differences(id, estimates, multiples));
    }

    /** Whether every row's heap is a multiple of its minimum heap. */
    static boolean multiples(List<ResultRow> rows) {
        return rows.stream().allMatch(r -> r.minHeapBytes() > 0);
    }

    /** Per manager (in the folder's order), the estimate of {@code figure} over the ok rows at each heap. */
    static Map<String, TreeMap<Double, Estimate>> estimates(ResultsFolder folder, List<ResultRow> rows, boolean multiples,
                                                           ToDoubleFunction<ResultRow> figure) {
        Map<String, TreeMap<Double, Estimate>> out = new LinkedHashMap<>();
        for (String m : folder.managers()) {
            TreeMap<Double, List<Double>> byHeap = new TreeMap<>();
            for (ResultRow r : rows)
                if (r.key().manager().equals(m)) byHeap.computeIfAbsent(heapX(r, multiples), k -> new ArrayList<>()).add(figure.applyAsDouble(r));
            if (byHeap.isEmpty()) continue;
            TreeMap<Double, Estimate> e = new TreeMap<>();
            byHeap.forEach((x, ys) -> e.put(x, Estimate.of(ys)));
            out.put(m, e);
        }
        return out;
    }

    /** The two edges of a manager's 95% band, where it has an interval; none when no point has one. */
    static List<Figure.Series> bands(String manager, TreeMap<Double, Estimate> byHeap) {
        if (byHeap.values().stream().noneMatch(Estimate::hasInterval)) return List.of();
        double[] x = keys(byHeap);
        double[] low = byHeap.values().stream().mapToDouble(e -> e.hasInterval() ? e.low() : e.median()).toArray();
        double[] high = byHeap.values().stream().mapToDouble(e -> e.hasInterval() ? e.high() : e.median()).toArray();
        return List.of(new Figure.Series(manager + " 95% low", manager, x, low, Figure.Role.BAND),
                new Figure.Series(manager + " 95% high", manager, x, high, Figure.Role.BAND));
    }

    /** The heaps at which {@code manager}'s runs of {@code b} ran out of memory. */
    private static SortedSet<Double> outOfMemory(ResultsFolder folder, Benchmark b, String manager, boolean multiples) {
        SortedSet<Double> heaps = new TreeSet<>();
        for (ResultRow r : folder.rows())
            if (r.status().equals(ResultRow.OOM) && r.key().manager().equals(manager) && Benchmark.of(r.key()).equals(b)
                    && (!multiples || r.minHeapBytes() > 0))
                heaps.add(heapX(r, multiples));
        return heaps;
    }

    static double heapX(ResultRow r, boolean multiples) {
        return multiples ? (double) r.heapBytes() / r.minHeapBytes() : r.heapBytes() / (double) (1 << 20);
    }

    static double[] keys(TreeMap<Double, Estimate> m) {
        return m.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * For each tracing collector, at which heaps it was slower than, faster than, or not
     * distinguishable from the fastest explicit manager at the same heap: a difference is stated
     * only where the two 95% intervals do not overlap.
     */
    static String reading(Benchmark b, Map<String, TreeMap<Double, Estimate>> estimates, boolean multiples) {
        Map<String, TreeMap<Double, Estimate>> explicit = new LinkedHashMap<>(), tracing = new LinkedHashMap<>();
        estimates.forEach((m, s) -> {
            if (ManagerFamily.of(m) == ManagerFamily.EXPLICIT) explicit.put(m, s);
            if (ManagerFamily.of(m) == ManagerFamily.TRACING) tracing.put(m, s);
        });
        if (explicit.isEmpty())
            return b.label() + ": no manual or ownership run ended ok, so there is no explicit level to compare with.";
        if (tracing.isEmpty())
            return b.label() + ": no tracing collector ran, so there is no Hertz & Berger comparison; the lines show "
                    + String.join(", ", estimates.keySet()) + ".";
        List<String> sentences = new ArrayList<>();
        for (var t : tracing.entrySet()) {
            Map<Estimate.Order, List<String>> heaps = new LinkedHashMap<>();
            List<String> references = new ArrayList<>();
            int runs = Integer.MAX_VALUE;
            for (var p : t.getValue().entrySet()) {
                String ref = fastest(explicit, p.getKey());
                if (ref == null) continue;
                Estimate e = explicit.get(ref).get(p.getKey());
                if (!references.contains(ref)) references.add(ref);
                runs = Math.min(runs, Math.min(p.getValue().count(), e.count()));
                heaps.computeIfAbsent(p.getValue().compareTo(e), k -> new ArrayList<>()).add(Quantities.heap(p.getKey(), multiples));
            }
            if (heaps.isEmpty()) {
                sentences.add(t.getKey() + " ran at no heap an explicit manager ran at.");
                continue;
            }
            String ref = references.size() == 1 ? references.getFirst() : "the fastest explicit manager";
            String reps = " (" + runs + (runs == 1 ? " repetition: no interval)" : " repetitions)");
            List<String> parts = new ArrayList<>();
            if (heaps.containsKey(Estimate.Order.HIGHER)) parts.add("slower than " + ref + " at " + list(heaps.get(Estimate.Order.HIGHER)));
            if (heaps.containsKey(Estimate.Order.LOWER)) parts.add("faster than " + ref + " at " + list(heaps.get(Estimate.Order.LOWER)));
            if (heaps.containsKey(Estimate.Order.NOT_DISTINGUISHABLE))
                parts.add("not distinguishable from " + ref + " at " + list(heaps.get(Estimate.Order.NOT_DISTINGUISHABLE)));
            var largest = t.getValue().lastEntry();
            String largestRef = fastest(explicit, largest.getKey());
            String ratio = largestRef == null ? ""
                    : "; at its largest heap, " + Quantities.heap(largest.getKey(), multiples) + ", it took "
                    + Quantities.significant(largest.getValue().median() / explicit.get(largestRef).get(largest.getKey()).median())
                    + "× " + largestRef + "'s median time";
            sentences.add(t.getKey() + " was " + String.join("; ", parts) + reps + ratio + ".");
        }
        return b.label() + " (95% intervals): " + String.join(" ", sentences);
    }

    /**
     * The differences {@link #reading} states: at each heap where a tracing collector's interval
     * and the fastest explicit manager's do not overlap, which of the two took less time.
     */
    static List<Difference> differences(String id, Map<String, TreeMap<Double, Estimate>> estimates, boolean multiples) {
        Map<String, TreeMap<Double, Estimate>> explicit = new LinkedHashMap<>();
        estimates.forEach((m, s) -> { if (ManagerFamily.of(m) == ManagerFamily.EXPLICIT) explicit.put(m, s); });
        List<Difference> out = new ArrayList<>();
        estimates.forEach((t, byHeap) -> {
            if (ManagerFamily.of(t) != ManagerFamily.TRACING) return;
            byHeap.forEach((x, e) -> {
                String ref = fastest(explicit, x);
                if (ref == null) return;
                String quantity = "run time at " + Quantities.heap(x, multiples);
                switch (e.compareTo(explicit.get(ref).get(x))) {
                    case HIGHER -> out.add(new Difference(id, quantity, ref, t));
                    case LOWER -> out.add(new Difference(id, quantity, t, ref));
                    case NOT_DISTINGUISHABLE -> { }
                }
            });
        });
        return out;
    }

    /** The explicit manager with the lowest median at heap {@code x}, or null when none ran there. */
    private static String fastest(Map<String, TreeMap<Double, Estimate>> explicit, double x) {
        String best = null;
        for (var e : explicit.entrySet()) {
            Estimate at = e.getValue().get(x);
            if (at != null && (best == null || at.median() < explicit.get(best).get(x).median())) best = e.getKey();
        }
        return best;
    }

    /** {@code 1×}, {@code 1× and 2×}, {@code 1×, 2× and 3×}. */
    static String list(List<String> items) {
        if (items.size() == 1) return items.getFirst();
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
