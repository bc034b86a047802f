package org.reclaim.analysis.results;

import java.io.IOException;
import java.io.Reader;
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
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();

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
     * Every row of {@code csv}, in file order. Columns are found by name, so files written with an
     * older column list read too (a missing figure reads as absent, a missing count as 0).
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException naming the line of a row that does not parse
     */
    public static List<ResultRow> read(Path csv) {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return read(in, csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    static List<ResultRow> read(Reader in, String name) throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        try (CSVParser p = READ.parse(in)) {
            for (CSVRecord r : p) {
                try {
                    rows.add(row(r));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(name + ":" + (r.getRecordNumber() + 1) + ": not a results row: "
                            + e.getMessage(), e);
                }
            }
        }
        return rows;
    }

    private static ResultRow row(CSVRecord r) {
        CellKey key = new CellKey(text(r, "workload"), text(r, "size"), CellKey.parseParams(text(r, "params")),
                text(r, "manager"), text(r, "heap"), number(r, "seed"), (int) number(r, "repetition"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String m : FIGURES) {
            String t = text(r, m);
            if (!t.isEmpty()) metrics.put(m, Double.parseDouble(t));
        }
        return new ResultRow(key, number(r, "heap_bytes"), number(r, "min_heap_bytes"), text(r, "status"),
                text(r, "message"), number(r, "checksum"), number(r, "wall_ns"), number(r, "mm_ns"),
                number(r, "pause_count"), number(r, "pause_max_ns"), metrics, number(r, "objects_allocated"),
                number(r, "bytes_allocated"), number(r, "objects_freed"), number(r, "bytes_freed"),
                number(r, "leaked_objects"), number(r, "leaked_bytes"), number(r, "errors"), text(r, "error_kinds"),
                ResultRow.parseCounters(text(r, "counters")), number(r, "cell_ns"));
    }

    private static String text(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
    }

    private static long number(CSVRecord r, String column) {
        String t = text(r, column);
        return t.isEmpty() ? 0 : Long.parseLong(t);
    }
}
