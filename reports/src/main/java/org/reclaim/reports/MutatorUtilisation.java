package org.reclaim.reports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.reclaim.analysis.Mmu;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.stats.Estimate;

/**
 * Minimum mutator utilisation (Cheng &amp; Blelloch) per manager, with the bounded mutator
 * utilisation dashed beside it: BMU at a window is the least MMU at that window or any larger one,
 * so it never falls as the window grows. Where a simulated run's timeline was recorded
 * ({@code timeline/<cell>.csv}: the first seed and repetition), the whole curve from 10 µs to the
 * run's length is computed from its pauses ({@link Mmu}); otherwise the three windows the run record
 * keeps ({@code mmu.1ms}, {@code mmu.10ms}, {@code mmu.100ms}; medians of the runs).
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
        Map<String, Estimate> mmu10 = new HashMap<>();
        for (String m : folder.managers()) {
            List<ResultRow> rows = folder.ok(b, heap, m);
            if (!rows.isEmpty() && rows.stream().allMatch(r -> r.metrics().containsKey(METRICS[1])))
                mmu10.put(m, Estimate.of(rows.stream().map(r -> r.metrics().get(METRICS[1])).toList()));
            Optional<Mmu> fromTimeline = m.startsWith("jvm:") ? Optional.empty() : rows.stream()
                    .filter(r -> Files.isRegularFile(folder.timeline(r.key())))
                    .min(Comparator.comparingLong((ResultRow r) -> r.key().seed()).thenComparingInt(r -> r.key().repetition()))
                    .flatMap(r -> timelineMmu(folder.timeline(r.key()), r.wallNanos()));
            if (fromTimeline.isPresent()) {
                List<Mmu.Point> curve = fromTimeline.get().curve();
                double[] x = curve.stream().mapToDouble(p -> p.windowNanos() / 1e6).toArray();
                series.add(new Figure.Series(m + " MMU", m, x, curve.stream().mapToDouble(Mmu.Point::mmu).toArray(), Figure.Role.LINE));
                series.add(new Figure.Series(m + " BMU", m, x.clone(), curve.stream().mapToDouble(Mmu.Point::bmu).toArray(), Figure.Role.REFERENCE));
                double at10 = fromTimeline.get().at(10_000_000);
                if (at10 > bestAt10) { bestAt10 = at10; best = m; }
                if (at10 < worstAt10) { worstAt10 = at10; worst = m; }
                continue;
            }
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
                + (!worst.equals(best) ? "; " + worst + " only " + Quantities.percent(worstAt10)
                + Quantities.unlessDistinguishable(mmu10.get(best), mmu10.get(worst)) : "") + ".";
        return new Figure(id, title, "window (ms)", "mutator utilisation (0 to 1)", Figure.Kind.LINES, true, false,
                List.of(), series, reading, "")
                .withDifferences(Quantities.stated(id, "MMU at 10 ms at heap " + heap, worst, best, mmu10));
    }

    /**
     * The MMU of a run from its timeline's pause rows (start from the run's start, duration), over
     * {@code wallNanos}; empty when the file is not a readable timeline (empty, cut, garbage,
     * negative times), so the run's MMU columns of results.csv are used instead of reading a
     * missing timeline as a run without pauses.
     */
    private static Optional<Mmu> timelineMmu(Path file, long wallNanos) {
        if (wallNanos <= 0) return Optional.empty();
        List<long[]> pauses = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            if (!p.getHeaderMap().keySet().containsAll(List.of("record", "start.ns", "duration.ns"))) return Optional.empty();
            for (CSVRecord r : p)
                if ("pause".equals(r.get("record")) && !r.get("start.ns").isEmpty()) {
                    long start = Long.parseLong(r.get("start.ns")), duration = Long.parseLong(r.get("duration.ns"));
                    if (start < 0 || duration < 0) return Optional.empty();
                    pauses.add(new long[] {start, duration});
                }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        long[] starts = pauses.stream().mapToLong(x -> x[0]).toArray(), durations = pauses.stream().mapToLong(x -> x[1]).toArray();
        return Optional.of(Mmu.of(0, wallNanos, starts, durations, starts.length));
    }
}
