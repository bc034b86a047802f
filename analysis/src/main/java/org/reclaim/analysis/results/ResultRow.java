package org.reclaim.analysis.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.reclaim.runtime.RunRecord;

/**
 * One row of a campaign's {@code results.csv}: one measured run of one cell, or the reason it
 * did not produce a record. Times are nanoseconds, sizes bytes.
 *
 * @param key              the cell
 * @param heapBytes        the heap the cell ran with (simulated capacity, or {@code -Xmx} for {@code jvm:*})
 * @param minHeapBytes     the minimum heap a multiple was taken of; 0 when the heap was given in bytes
 * @param status           one of {@link #STATUSES}
 * @param message          why the cell did not end ok (one line), else empty
 * @param checksum         the workload's result (0 when it did not finish)
 * @param wallNanos        the measured run's wall time, memory management included
 * @param mmNanos          memory-management time: the sum of the recorded pauses
 * @param pauseCount       pauses recorded
 * @param pauseMaxNanos    the longest pause
 * @param metrics          figures of {@link ResultsCsv#FIGURES} the run computed (others absent)
 * @param objectsAllocated objects allocated
 * @param bytesAllocated   bytes allocated
 * @param objectsFreed     objects freed
 * @param bytesFreed       bytes freed
 * @param leakedObjects    objects leaked
 * @param leakedBytes      bytes leaked
 * @param errors           memory errors caught
 * @param errorKinds       their kinds and Rust codes, {@code kind:code;kind}, in order
 * @param counters         the manager's work counters
 * @param cellNanos        the whole cell's wall time: fork, warm-up and run
 */
public record ResultRow(CellKey key, long heapBytes, long minHeapBytes, String status, String message, long checksum,
                        long wallNanos, long mmNanos, long pauseCount, long pauseMaxNanos, Map<String, Double> metrics,
                        long objectsAllocated, long bytesAllocated, long objectsFreed, long bytesFreed,
                        long leakedObjects, long leakedBytes, long errors, String errorKinds,
                        Map<String, Long> counters, long cellNanos) {

    /** The measured run finished and the workload's result is in. */
    public static final String OK = RunRecord.OK;
    /** The heap was too small: the simulated manager, or the real JVM, ran out of memory. */
    public static final String OOM = RunRecord.OOM;
    /** A memory error was caught (use after free, double free, an ownership error...). */
    public static final String ERROR = RunRecord.ERROR;
    /** The cell ran past its time limit and was killed. */
    public static final String TIMEOUT = "timeout";
    /** The cell's JVM exited without a run record (non-zero exit, a bug, a JVM that did not start). */
    public static final String CRASH = "crash";
    /** Every status a row can have. */
    public static final List<String> STATUSES = List.of(OK, OOM, ERROR, TIMEOUT, CRASH);

    public ResultRow {
        message = oneLine(message);
        metrics = Map.copyOf(metrics);
        counters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    }

    /** The row of a cell whose run produced {@code r}. */
    public static ResultRow of(CellKey key, long minHeapBytes, RunRecord r, long cellNanos) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        r.metrics().forEach((k, v) -> { if (v != null && ResultsCsv.FIGURES.contains(k)) metrics.put(k, v); });
        StringJoiner kinds = new StringJoiner(";");
        r.errors().forEach(e -> kinds.add(e.code().isEmpty() ? e.kind() : e.kind() + ":" + e.code()));
        return new ResultRow(key, r.heapBytes(), minHeapBytes, r.status(), r.message(), r.checksum(), r.wallNanos(),
                r.pauseTotalNanos(), r.pauseCount(), r.pauseMaxNanos(), metrics, r.objectsAllocated(),
                r.bytesAllocated(), r.objectsFreed(), r.bytesFreed(), r.leakedObjects(), r.leakedBytes(),
                r.errors().size(), kinds.toString(), r.counters(), cellNanos);
    }

    /** The row of a cell that produced no run record ({@link #TIMEOUT}, {@link #CRASH}, or a JVM's {@link #OOM}). */
    public static ResultRow failed(CellKey key, long heapBytes, long minHeapBytes, String status, String message,
                                   long cellNanos) {
        return new ResultRow(key, heapBytes, minHeapBytes, status, message, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0,
                0, "", Map.of(), cellNanos);
    }

    /** The counters as one CSV cell: {@code name=value;name=value}, in the manager's order. */
    public String countersText() {
        StringJoiner j = new StringJoiner(";");
        counters.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /** Parses {@link #countersText()}. */
    public static Map<String, Long> parseCounters(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) return out;
        for (String pair : text.split(";")) {
            int eq = pair.lastIndexOf('=');
            out.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return out;
    }

    /** A row is one line of the file: line breaks in a message become {@code " | "}. */
    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " | ");
    }
}
