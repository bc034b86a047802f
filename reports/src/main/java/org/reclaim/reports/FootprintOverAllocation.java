package org.reclaim.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.reclaim.analysis.results.ResultRow;

/**
 * Bytes in use over the allocation clock (bytes allocated so far), one line per manager, from the
 * footprint rows of one run's {@code timeline/<cell>.csv} (the first seed and repetition): columns
 * {@code record} = {@code footprint}, {@code allocated.bytes}, {@code inuse.bytes}. Where the
 * timeline also has {@code reachable.bytes} (the reachability oracle) or {@code live.bytes} (the
 * liveness oracle), they are drawn once, dashed: the least any collector, or anyone, could have held.
 */
final class FootprintOverAllocation {
    private FootprintOverAllocation() {}

    /** A line is thinned to at most this many points (every k-th sample, the last kept). */
    static final int MAX_POINTS = 1500;
    private static final double MIB = 1 << 20;

    static Figure of(ResultsFolder folder, Benchmark b) {
        String id = "footprint_" + b.id();
        String heap = folder.chartHeap(b);
        String title = "Footprint over the allocation clock: " + b.label() + (heap == null ? "" : ", heap " + heap);
        if (heap == null) return Figure.missing(id, title, "no cell of " + b.label() + " ended ok");
        List<Figure.Series> series = new ArrayList<>();
        StringBuilder peaks = new StringBuilder();
        List<Figure.Series> oracle = new ArrayList<>();
        for (String m : folder.managers()) {
            ResultRow first = folder.ok(b, heap, m).stream()
                    .filter(r -> Files.isRegularFile(folder.timeline(r.key())))
                    .min(Comparator.comparingLong((ResultRow r) -> r.key().seed()).thenComparingInt(r -> r.key().repetition()))
                    .orElse(null);
            if (first == null) continue;
            Timeline t = read(folder.timeline(first.key()));
            if (t.allocated.isEmpty()) continue;
            series.add(line(m, m, t.allocated, t.inUse, Figure.Role.LINE));
            // The oracles are the program's, the same under every manager (to the walk's granularity): drawn once.
            if (oracle.isEmpty() && !t.reachable.isEmpty())
                oracle.add(line("reachability oracle", "reachability oracle", t.allocated, t.reachable, Figure.Role.REFERENCE));
            if (oracle.size() < 2 && !t.live.isEmpty())
                oracle.add(line("liveness oracle", "liveness oracle", t.allocated, t.live, Figure.Role.REFERENCE));
            double peak = t.inUse.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            peaks.append(peaks.length() == 0 ? "" : ", ").append(m).append(' ').append(Quantities.bytes(peak));
        }
        series.addAll(oracle);
        if (series.isEmpty())
            return Figure.missing(id, title, "no footprint timeline was recorded for " + b.label() + " at heap " + heap
                    + ": it comes from timeline/<cell>.csv (campaign file: record: [timeline])");
        String reading = b.label() + ", heap " + heap + ": the most bytes in use at once were " + peaks + ".";
        return new Figure(id, title, "allocated so far (MiB)", "in use (MiB)", Figure.Kind.LINES, false, false,
                List.of(), series, reading, "");
    }

    private static Figure.Series line(String name, String group, List<Double> x, List<Double> y, Figure.Role role) {
        int n = x.size(), step = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < n; i += step) keep.add(i);
        if (keep.getLast() != n - 1) keep.add(n - 1);
        return new Figure.Series(name, group, keep.stream().mapToDouble(i -> x.get(i) / MIB).toArray(),
                keep.stream().mapToDouble(i -> y.get(i) / MIB).toArray(), role);
    }

    /** The footprint samples of a timeline file, in bytes. */
    private record Timeline(List<Double> allocated, List<Double> inUse, List<Double> reachable, List<Double> live) {}

    /** The samples of {@code file}; none when it is not a readable timeline, so nothing is drawn from it. */
    private static Timeline read(Path file) {
        Timeline t = new Timeline(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            boolean reachable = p.getHeaderMap().containsKey("reachable.bytes"), live = p.getHeaderMap().containsKey("live.bytes");
            for (CSVRecord r : p) {
                if (!"footprint".equals(r.get("record")) || r.get("allocated.bytes").isEmpty()) continue;
                t.allocated.add(Double.parseDouble(r.get("allocated.bytes")));
                t.inUse.add(Double.parseDouble(r.get("inuse.bytes")));
                if (reachable) t.reachable.add(optional(r, "reachable.bytes"));
                if (live) t.live.add(optional(r, "live.bytes"));
            }
            if (t.allocated.stream().anyMatch(v -> !(v >= 0)) || t.inUse.stream().anyMatch(v -> !(v >= 0)))
                throw new IllegalArgumentException("negative bytes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Not a timeline (empty, cut, garbage): the run is drawn as if none had been recorded.
            return new Timeline(List.of(), List.of(), List.of(), List.of());
        }
        if (t.reachable.contains(Double.NaN)) t.reachable.clear();
        if (t.live.contains(Double.NaN)) t.live.clear();
        return t;
    }

    /** An oracle column's value, NaN where a sample has none (the line is then not drawn). */
    private static double optional(CSVRecord r, String column) {
        String v = r.get(column);
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }
}
