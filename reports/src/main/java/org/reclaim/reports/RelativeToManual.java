package org.reclaim.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.stats.Estimate;

/**
 * Hertz &amp; Berger's view: each manager's run time, deterministic cost and footprint as a
 * multiple of {@code manual}'s at the same heap, one line per manager. Run time carries a 95% band
 * (the ratio of the two means' t-intervals, by the delta method); cost is deterministic and has
 * none. A heap where a manager ran out of memory (or failed otherwise) is a cross on the x axis and
 * breaks its line: nothing is drawn across it. Footprint is the peak the run sampled, which for a
 * copying collector (semispace, the generational nursery) counts its copy reserve
 * ({@code MemoryManager.footprintBytes}).
 */
final class RelativeToManual {
    private RelativeToManual() {}

    /** The manager the ratios are taken against. */
    static final String REFERENCE = "manual";

    /** What a figure divides. */
    enum Measure {
        TIME("relative-time", "Run time relative to manual", "run time / manual's (median, 95% band)", r -> r.wallNanos() / 1e6),
        COST("relative-cost", "Cost relative to manual", "cost.total / manual's (deterministic)", r -> r.metrics().getOrDefault("cost.total", Double.NaN)),
        FOOTPRINT("relative-footprint", "Footprint relative to manual", "peak footprint with copy reserve / manual's",
                RelativeToManual::footprintWithReserve);

        final String id, title, yTitle;
        final ToDoubleFunction<ResultRow> figure;

        Measure(String id, String title, String yTitle, ToDoubleFunction<ResultRow> figure) {
            this.id = id;
            this.title = title;
            this.yTitle = yTitle;
            this.figure = figure;
        }
    }

    /** Peak footprint, a copying collector's reserve included (see the class comment). */
    static double footprintWithReserve(ResultRow r) {
        Double peak = r.metrics().get("footprint.peak.bytes");
        return peak == null ? Double.NaN : peak;
    }

    /** The three figures of {@code b}. */
    static List<Figure> of(ResultsFolder folder, Benchmark b) {
        List<Figure> out = new ArrayList<>();
        for (Measure m : Measure.values()) out.add(of(folder, b, m));
        return out;
    }

    /** The ratios of one measure, per manager and heap: only heaps where both ran ok and the figure was recorded. */
    static Map<String, TreeMap<Double, Estimate>> ratios(ResultsFolder folder, Benchmark b, Measure measure) {
        List<ResultRow> rows = folder.ok(b).stream().filter(r -> Double.isFinite(measure.figure.applyAsDouble(r))).toList();
        boolean multiples = RunTimeVsHeap.multiples(rows);
        Map<String, TreeMap<Double, Estimate>> est = RunTimeVsHeap.estimates(folder, rows, multiples, measure.figure);
        TreeMap<Double, Estimate> manual = est.get(REFERENCE);
        Map<String, TreeMap<Double, Estimate>> out = new LinkedHashMap<>();
        if (manual == null) return out;
        est.forEach((m, byHeap) -> {
            if (m.equals(REFERENCE)) return;
            TreeMap<Double, Estimate> r = new TreeMap<>();
            byHeap.forEach((x, e) -> {
                Estimate ref = manual.get(x);
                if (ref != null && ref.median() > 0) r.put(x, e.ratioTo(ref));
            });
            if (!r.isEmpty()) out.put(m, r);
        });
        return out;
    }

    static Figure of(ResultsFolder folder, Benchmark b, Measure measure) {
        String id = measure.id + "_" + b.id();
        String title = measure.title + ": " + b.label();
        Map<String, TreeMap<Double, Estimate>> ratios = ratios(folder, b, measure);
        if (ratios.isEmpty())
            return Figure.missing(id, title, measure == Measure.COST
                    ? "no simulated manager and manual ran ok with a cost at the same heap of " + b.label()
                    : "manual and another manager did not both run ok at the same heap of " + b.label());
        boolean multiples = RunTimeVsHeap.multiples(folder.ok(b));
        Map<String, TreeSet<Double>> failed = failedHeaps(folder, b, multiples);
        List<Figure.Series> series = new ArrayList<>();
        double[] one = {ratios.values().stream().mapToDouble(t -> t.firstKey()).min().orElse(0),
                ratios.values().stream().mapToDouble(t -> t.lastKey()).max().orElse(0)};
        series.add(new Figure.Series("manual = 1", REFERENCE, one, new double[] {1, 1}, Figure.Role.REFERENCE));
        ratios.forEach((m, byHeap) -> {
            TreeSet<Double> stops = failed.getOrDefault(m, new TreeSet<>());
            int part = 0;
            for (TreeMap<Double, Estimate> segment : segments(byHeap, stops)) {
                String name = part++ == 0 ? m : m + " (after " + Quantities.heap(stops.lower(segment.firstKey()), multiples) + ")";
                series.add(new Figure.Series(name, m, RunTimeVsHeap.keys(segment),
                        segment.values().stream().mapToDouble(Estimate::median).toArray(), Figure.Role.LINE));
                if (measure == Measure.TIME) {
                    for (Figure.Series band : RunTimeVsHeap.bands(m, segment))
                        series.add(new Figure.Series(band.name() + (part > 1 ? " " + part : ""), m, band.x(), band.y(), band.role()));
                }
            }
            if (!stops.isEmpty())
                series.add(new Figure.Series(m + " out of memory", m, stops.stream().mapToDouble(Double::doubleValue).toArray(),
                        new double[stops.size()], Figure.Role.FAILED));
        });
        String xTitle = multiples ? "heap (multiple of the minimum heap)" : "heap (MiB)";
        return new Figure(id, title, xTitle, measure.yTitle, Figure.Kind.LINES, false, false, List.of(), series,
                reading(b, measure, ratios, failed, multiples), "").withDifferences(differences(id, measure, ratios, multiples));
    }

    /** Per manager, the heaps (x) where a cell of {@code b} did not end ok and none of its repetitions did. */
    static Map<String, TreeSet<Double>> failedHeaps(ResultsFolder folder, Benchmark b, boolean multiples) {
        Map<String, TreeSet<Double>> out = new LinkedHashMap<>();
        List<ResultRow> ok = folder.ok(b);
        for (ResultRow r : folder.failures()) {
            if (!Benchmark.of(r.key()).equals(b) || (multiples && r.minHeapBytes() == 0)) continue;
            double x = RunTimeVsHeap.heapX(r, multiples);
            boolean anyOk = ok.stream().anyMatch(o -> o.key().manager().equals(r.key().manager()) && RunTimeVsHeap.heapX(o, multiples) == x);
            if (!anyOk) out.computeIfAbsent(r.key().manager(), k -> new TreeSet<>()).add(x);
        }
        return out;
    }

    /** The runs of consecutive heaps with no failed heap between them. */
    private static List<TreeMap<Double, Estimate>> segments(TreeMap<Double, Estimate> byHeap, TreeSet<Double> stops) {
        List<TreeMap<Double, Estimate>> out = new ArrayList<>();
        TreeMap<Double, Estimate> current = new TreeMap<>();
        for (var e : byHeap.entrySet()) {
            if (!current.isEmpty() && stops.subSet(current.lastKey(), false, e.getKey(), false).size() > 0) {
                out.add(current);
                current = new TreeMap<>();
            }
            current.put(e.getKey(), e.getValue());
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }

    /** Per manager: its ratio at its smallest and largest heap, and for run time whether 1 is inside the interval there. */
    static String reading(Benchmark b, Measure measure, Map<String, TreeMap<Double, Estimate>> ratios,
                          Map<String, TreeSet<Double>> failed, boolean multiples) {
        List<String> sentences = new ArrayList<>();
        ratios.forEach((m, byHeap) -> {
            var first = byHeap.firstEntry();
            var last = byHeap.lastEntry();
            StringBuilder s = new StringBuilder(m).append(": ").append(ratio(first.getValue(), measure))
                    .append(" at ").append(Quantities.heap(first.getKey(), multiples));
            if (byHeap.size() > 1)
                s.append(", ").append(ratio(last.getValue(), measure)).append(" at ").append(Quantities.heap(last.getKey(), multiples));
            if (measure == Measure.TIME && last.getValue().hasInterval()) {
                Estimate r = last.getValue();
                s.append(r.low() <= 1 && 1 <= r.high() ? " (not distinguishable from manual there at " + r.count() + " repetitions)"
                        : r.low() > 1 ? " (slower than manual there)" : " (faster than manual there)");
            }
            if (failed.containsKey(m))
                s.append("; out of memory at ").append(RunTimeVsHeap.list(failed.get(m).stream().map(x -> Quantities.heap(x, multiples)).toList()));
            sentences.add(s.toString());
        });
        return b.label() + ", " + measure.title.toLowerCase(java.util.Locale.ROOT) + ": " + String.join("; ", sentences) + ".";
    }

    /**
     * The differences {@link #reading} states: for run time, at each manager's largest heap, that
     * it was slower or faster than manual, where the ratio's interval leaves out 1.
     */
    static List<Difference> differences(String id, Measure measure, Map<String, TreeMap<Double, Estimate>> ratios, boolean multiples) {
        if (measure != Measure.TIME) return List.of();
        List<Difference> out = new ArrayList<>();
        ratios.forEach((m, byHeap) -> {
            var last = byHeap.lastEntry();
            Estimate r = last.getValue();
            if (!r.hasInterval() || (r.low() <= 1 && 1 <= r.high())) return;
            String quantity = "run time at " + Quantities.heap(last.getKey(), multiples);
            out.add(r.low() > 1 ? new Difference(id, quantity, REFERENCE, m) : new Difference(id, quantity, m, REFERENCE));
        });
        return out;
    }

    private static String ratio(Estimate r, Measure measure) {
        String median = Quantities.significant(r.median()) + "×";
        return measure == Measure.TIME && r.hasInterval() && r.high() > r.low()
                ? median + " [" + Quantities.significant(r.low()) + ", " + Quantities.significant(r.high()) + "]" : median;
    }
}
