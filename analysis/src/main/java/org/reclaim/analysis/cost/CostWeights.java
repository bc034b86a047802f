package org.reclaim.analysis.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The cost weights file: what one unit of each work counter costs, in calibrated nanoseconds and
 * in memory words touched. One versioned CSV in the project
 * ({@code analysis/src/main/resources/org/reclaim/analysis/cost/cost-weights.csv}); its leading
 * {@code # key: value} lines say which format, machine and date the calibration was, and
 * {@code scripts/bench --calibrate} rewrites its nanoseconds from the JMH benchmark named in each
 * row's {@code benchmark} column. Rows are keyed by counter name, so a counter a manager starts to
 * emit is a new row.
 *
 * @param meta the {@code # key: value} lines, in file order
 * @param rows one per counter, in file order
 * @see CostModel
 */
public record CostWeights(Map<String, String> meta, List<Row> rows) {

    /** The format this reader and writer understand, the value of the {@code format} key. */
    public static final String FORMAT = "1";
    /** The weights file's path inside the project's sources, which the calibration command rewrites. */
    public static final String SOURCE_PATH = "analysis/src/main/resources/org/reclaim/analysis/cost/cost-weights.csv";

    /** Which side of the run a counter's work is on. */
    public enum Side {
        /** Work on the program's own path (initialising writes, barrier executions). */
        MUTATOR,
        /** Memory-management work: allocation, freeing, tracing, counting, copying. */
        MANAGER,
        /** Bookkeeping of the simulator that no real manager does: weighed zero. */
        NONE;

        String text() { return name().toLowerCase(Locale.ROOT); }

        static Side parse(String s) {
            for (Side side : values()) if (side.text().equals(s)) return side;
            throw new IllegalArgumentException("side '" + s + "' is not one of mutator, manager, none");
        }
    }

    /**
     * One counter's weights.
     *
     * @param counter      the counter's name, as the manager defines it (or a derived name, see {@link CostModel})
     * @param side         which side its work is on
     * @param nsPerUnit    calibrated nanoseconds per unit
     * @param wordsPerUnit memory words one unit touches (read or written), machine-independent
     * @param benchmark    the {@code Calibration} benchmark that measures one unit, empty for a weight of 0 by definition
     * @param note         what one unit is, in a few words
     */
    public record Row(String counter, Side side, double nsPerUnit, double wordsPerUnit, String benchmark, String note) {
        public Row {
            if (!(nsPerUnit >= 0) || !(wordsPerUnit >= 0))
                throw new IllegalArgumentException("weights of " + counter + " must be non-negative numbers");
        }
    }

    public CostWeights {
        meta = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        rows = List.copyOf(rows);
    }

    private static final List<String> COLUMNS = List.of("counter", "side", "ns_per_unit", "words_per_unit", "benchmark", "note");

    /** The weights shipped with the project. */
    public static CostWeights shipped() {
        try (InputStream in = CostWeights.class.getResourceAsStream("cost-weights.csv")) {
            if (in == null) throw new IllegalStateException("cost-weights.csv is missing from the analysis module");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "cost-weights.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The weights in {@code file}. */
    public static CostWeights read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a weights file's text.
     *
     * @throws IllegalArgumentException naming {@code name} and the line that is wrong
     */
    static CostWeights parse(String text, String name) {
        Map<String, String> meta = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        int line = 0, firstBodyLine = 0;
        for (String l : text.split("\n", -1)) {
            line++;
            if (body.isEmpty() && l.startsWith("#")) {
                int colon = l.indexOf(':');
                if (colon > 0) meta.put(l.substring(1, colon).strip(), l.substring(colon + 1).strip());
                continue;
            }
            if (body.isEmpty()) firstBodyLine = line;
            body.append(l).append('\n');
        }
        if (!FORMAT.equals(meta.get("format")))
            throw new IllegalArgumentException(name + ": not a cost weights file of format " + FORMAT + " (a '# format: 1' line)");
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser p = format.parse(new StringReader(body.toString()))) {
            if (!p.getHeaderNames().equals(COLUMNS))
                throw new IllegalArgumentException(name + ":" + firstBodyLine + ": the header must be " + String.join(",", COLUMNS));
            for (CSVRecord r : p) {
                if (r.size() != COLUMNS.size())      // a note with an unquoted comma would lose its tail
                    throw new IllegalArgumentException(name + ":" + (firstBodyLine + r.getRecordNumber()) + ": " + r.size()
                            + " fields where " + COLUMNS.size() + " are expected (quote a note that holds a comma)");
                try {
                    rows.add(new Row(r.get("counter"), Side.parse(r.get("side")), Double.parseDouble(r.get("ns_per_unit")),
                            Double.parseDouble(r.get("words_per_unit")), r.get("benchmark"), r.get("note")));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(name + ":" + (firstBodyLine + r.getRecordNumber()) + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CostWeights(meta, rows);
    }

    /** The row of {@code counter}, or null. */
    public Row row(String counter) {
        for (Row r : rows) if (r.counter().equals(counter)) return r;
        return null;
    }

    /** The same rows with {@code meta} and each benchmark's nanoseconds replaced by {@code nsByBenchmark}'s. */
    public CostWeights recalibrated(Map<String, String> meta, Map<String, Double> nsByBenchmark) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            Double ns = r.benchmark().isEmpty() ? null : nsByBenchmark.get(r.benchmark());
            if (!r.benchmark().isEmpty() && ns == null)
                throw new IllegalArgumentException("the calibration has no result for benchmark " + r.benchmark() + " (row " + r.counter() + ")");
            out.add(ns == null ? r : new Row(r.counter(), r.side(), ns * unitsPerBenchmarkOp(r), r.wordsPerUnit(), r.benchmark(), r.note()));
        }
        Map<String, String> m = new LinkedHashMap<>(meta);
        m.put("format", FORMAT);
        return new CostWeights(m, out);
    }

    /**
     * A row's benchmark measures one unit, except for a counter of bytes whose benchmark measures
     * one word: such a row is named {@code bytes.*} and weighs an eighth.
     */
    private static double unitsPerBenchmarkOp(Row r) {
        return r.counter().startsWith("bytes.") ? 1.0 / Long.BYTES : 1.0;
    }

    /** The file's text: the {@code # key: value} lines, then the CSV. */
    public String text() {
        StringBuilder b = new StringBuilder();
        meta.forEach((k, v) -> b.append("# ").append(k).append(": ").append(v).append('\n'));
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();
        b.append(format.format(COLUMNS.toArray())).append('\n');
        for (Row r : rows)
            b.append(format.format(r.counter(), r.side().text(), number(r.nsPerUnit()), number(r.wordsPerUnit()),
                    r.benchmark(), r.note())).append('\n');
        return b.toString();
    }

    private static String number(double d) {
        return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
