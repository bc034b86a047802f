package org.reclaim.analysis.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.reclaim.analysis.cost.CostModel;
import org.reclaim.runtime.RunRecord;

/**
 * The schema of a campaign's {@code results.csv} (one row per measured run; the README's
 * "results.csv columns" section documents each column), with its writer and reader. RFC 4180
 * CSV with a header, {@code \n} line ends, numbers in {@link java.util.Locale#ROOT} form, an
 * empty cell for a figure the run did not compute.
 *
 * @see ResultsFile the durable, resumable appender
 */
public final class ResultsCsv {
    private ResultsCsv() {}

    /** The file's name inside a results folder. */
    public static final String FILE_NAME = "results.csv";

    private static final List<String> HEAD = List.of("workload", "size", "params", "manager", "heap", "heap_bytes",
            "min_heap_bytes", "seed", "repetition", "status", "message", "checksum", "wall_ns", "mm_ns", "pause_count",
            "pause_max_ns");
    private static final List<String> TAIL = List.of("objects_allocated", "bytes_allocated", "objects_freed",
            "bytes_freed", "leaked_objects", "leaked_bytes", "errors", "error_kinds", "counters", "cell_ns");

    /** The figure that says how many warm-up iterations a campaign cell ran before its measured run. */
    public static final String WARMUP_ITERATIONS = "warmup.iterations";

    /**
     * The figures a row carries: every key of {@link RunRecord#METRICS}, then the cost model's
     * ({@link CostModel#METRICS}), then {@link #WARMUP_ITERATIONS}.
     */
    public static final List<String> FIGURES;
    /** Every column, in order: the cell, its outcome, the {@link #FIGURES}, then the counts. */
    public static final List<String> COLUMNS;
    static {
        List<String> f = new ArrayList<>(RunRecord.METRICS);
        f.addAll(CostModel.METRICS);
        f.add(WARMUP_ITERATIONS);
        FIGURES = List.copyOf(f);
        List<String> c = new ArrayList<>(HEAD);
        c.addAll(FIGURES);
        c.addAll(TAIL);
        COLUMNS = List.copyOf(c);
    }

    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();

    /** The header line, {@code \n} included. */
    public static String headerLine() {
        return line(COLUMNS);
    }

    /** {@code row} as one CSV line, {@code \n} included. */
    public static String line(ResultRow row) {
        return line(values(row));
    }

    /** The values of {@code row}, one per {@link #COLUMNS} entry. */
    public static List<String> values(ResultRow row) {
        CellKey k = row.key();
        List<String> v = new ArrayList<>(COLUMNS.size());
        v.addAll(List.of(k.workload(), k.size(), k.paramsText(), k.manager(), k.heap(), Long.toString(row.heapBytes()),
                row.minHeapBytes() == 0 ? "" : Long.toString(row.minHeapBytes()), Long.toString(k.seed()),
                Integer.toString(k.repetition()), row.status(), row.message(), Long.toString(row.checksum()),
                Long.toString(row.wallNanos()), Long.toString(row.mmNanos()), Long.toString(row.pauseCount()),
                Long.toString(row.pauseMaxNanos())));
        for (String m : FIGURES) {
            Double d = row.metrics().get(m);
            v.add(d == null || d.isNaN() || d.isInfinite() ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        }
        v.addAll(List.of(Long.toString(row.objectsAllocated()), Long.toString(row.bytesAllocated()),
                Long.toString(row.objectsFreed()), Long.toString(row.bytesFreed()), Long.toString(row.leakedObjects()),
                Long.toString(row.leakedBytes()), Long.toString(row.errors()), row.errorKinds(), row.countersText(),
                Long.toString(row.cellNanos())));
        return v;
    }

    static String line(List<String> values) {
        return WRITE.format(values.toArray()) + "\n";
    }

    /**
     * What reading a {@code results.csv} gave: its valid rows in file order, and the rows it left
     * out, each as {@code FILE:LINE: reason}.
     *
     * @param rows    the rows that passed validation
     * @param skipped one entry per row left out
     */
    public record Reading(List<ResultRow> rows, List<String> skipped) {
        public Reading {
            rows = List.copyOf(rows);
            skipped = List.copyOf(skipped);
        }
    }

    /** The columns a file must have for its rows to mean anything: the cell key and the status. */
    private static final List<String> REQUIRED = List.of("workload", "size", "manager", "heap", "seed", "repetition", "status");

    /**
     * The valid rows of {@code csv}, in file order: see {@link #readChecked(Path)}.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if its header line is missing or damaged
     */
    public static List<ResultRow> read(Path csv) {
        return readChecked(csv).rows();
    }

    /**
     * Every row of {@code csv}, checked. Columns are found by name, so files written with an older
     * column list read too (a missing figure reads as absent, a missing count as 0). A row is
     * left out, and said so, when it does not parse as CSV, has another number of values than the
     * header, lacks a cell key field, has a status not in {@link ResultRow#STATUSES}, or a count,
     * time or size that is not a whole number of at least 0 (a metric: a finite number of at
     * least 0, MMU at most 1). Bytes that are not UTF-8 read as U+FFFD, so garbage spoils only
     * the rows it is in.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if its header line is missing or damaged
     */
    public static Reading readChecked(Path csv) {
        List<String> lines;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(csv),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)))) {
            lines = in.lines().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        return read(lines, csv.toString());
    }

    static Reading read(List<String> lines, String name) {
        if (lines.isEmpty() || lines.getFirst().isBlank())
            throw new IllegalArgumentException(name + ":1: empty: a results.csv starts with its header line ("
                    + String.join(",", COLUMNS.subList(0, 4)) + ",...); a campaign writes it");
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> header = fields(lines.getFirst());
        if (header != null) for (int i = 0; i < header.size(); i++) columns.putIfAbsent(header.get(i).strip(), i);
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (header == null || !missing.isEmpty())
            throw new IllegalArgumentException(name + ":1: not a results.csv header line: "
                    + (header == null ? "it does not parse as CSV" : "it lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing)) + " (a results.csv starts " + String.join(",", COLUMNS.subList(0, 4))
                    + ",...)");
        List<ResultRow> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) continue;
            List<String> values = fields(line);
            String where = name + ":" + (n + 1) + ": ";
            if (values == null) { skipped.add(where + "does not parse as CSV"); continue; }
            if (values.size() != header.size()) {
                skipped.add(where + "has " + values.size() + " values, the header " + header.size());
                continue;
            }
            try {
                rows.add(row(c -> { Integer i = columns.get(c); return i == null ? "" : values.get(i); }));
            } catch (RuntimeException e) {
                skipped.add(where + e.getMessage());
            }
        }
        return new Reading(rows, skipped);
    }

    /** The fields of one CSV line, or null when it does not parse as one record. */
    private static List<String> fields(String line) {
        try (CSVParser p = WRITE.parse(new java.io.StringReader(line))) {
            List<CSVRecord> records = p.getRecords();
            return records.size() == 1 ? records.getFirst().toList() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ResultRow row(java.util.function.Function<String, String> r) {
        for (String k : List.of("workload", "size", "manager", "heap"))
            if (r.apply(k).isBlank()) throw new IllegalArgumentException("no " + k);
        String status = r.apply("status");
        if (!ResultRow.STATUSES.contains(status))
            throw new IllegalArgumentException("status '" + abbreviate(status) + "' is not one of " + String.join(", ", ResultRow.STATUSES));
        long repetition = count(r, "repetition");
        if (repetition < 1 || repetition > Integer.MAX_VALUE) throw new IllegalArgumentException("repetition " + repetition + " is not 1 or more");
        CellKey key = new CellKey(r.apply("workload"), r.apply("size"), CellKey.parseParams(r.apply("params")),
                r.apply("manager"), r.apply("heap"), number(r, "seed"), (int) repetition);
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String m : FIGURES) {
            String t = r.apply(m);
            if (t.isEmpty()) continue;
            double d;
            try {
                d = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(m + " '" + abbreviate(t) + "' is not a number");
            }
            if (!Double.isFinite(d) || d < 0 || (m.startsWith("mmu.") && d > 1))
                throw new IllegalArgumentException(m + " " + t + " is out of range (" + (m.startsWith("mmu.") ? "0 to 1" : "0 or more") + ")");
            metrics.put(m, d);
        }
        return new ResultRow(key, count(r, "heap_bytes"), count(r, "min_heap_bytes"), status,
                r.apply("message"), number(r, "checksum"), count(r, "wall_ns"), count(r, "mm_ns"),
                count(r, "pause_count"), count(r, "pause_max_ns"), metrics, count(r, "objects_allocated"),
                count(r, "bytes_allocated"), count(r, "objects_freed"), count(r, "bytes_freed"),
                count(r, "leaked_objects"), count(r, "leaked_bytes"), count(r, "errors"), r.apply("error_kinds"),
                counters(r.apply("counters")), count(r, "cell_ns"));
    }

    private static Map<String, Long> counters(String text) {
        try {
            Map<String, Long> c = ResultRow.parseCounters(text);
            if (c.values().stream().anyMatch(v -> v < 0)) throw new IllegalArgumentException();
            return c;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("counters '" + abbreviate(text) + "' are not name=count;name=count");
        }
    }

    private static long number(java.util.function.Function<String, String> r, String column) {
        String t = r.apply(column);
        try {
            return t.isEmpty() ? 0 : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + abbreviate(t) + "' is not a whole number");
        }
    }

    /** A count, time or size: a whole number of at least 0. */
    private static long count(java.util.function.Function<String, String> r, String column) {
        long v = number(r, column);
        if (v < 0) throw new IllegalArgumentException(column + " " + v + " is negative");
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
