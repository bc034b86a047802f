package org.reclaim.analysis.results;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * What makes one campaign cell one cell: a resumed campaign skips a cell whose key already has a
 * row, and {@code lab merge} keeps one row per key.
 *
 * @param workload   workload name
 * @param size       size name
 * @param params     the workload parameters the campaign file sets (sorted by name; empty when none)
 * @param manager    manager name, variant included ({@code jvm:*} too)
 * @param heap       the heap as the campaign file gives it, normalised: {@code 64m} or {@code 2x}
 * @param seed       the workload's seed
 * @param repetition 1-based repetition number
 */
public record CellKey(String workload, String size, Map<String, String> params, String manager, String heap,
                      long seed, int repetition) {

    public CellKey {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** The parameters as one CSV cell: {@code name=value;name=value}, sorted by name, empty when none. */
    public String paramsText() {
        StringJoiner j = new StringJoiner(";");
        params.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /** Parses {@link #paramsText()}. */
    public static Map<String, String> parseParams(String text) {
        Map<String, String> out = new TreeMap<>();
        if (text == null || text.isEmpty()) return out;
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("workload parameters '" + text + "' are not name=value;name=value");
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    /**
     * A file-name-safe name for the cell's files ({@code pauses/<id>.hlog}, {@code timeline/<id>.csv},
     * {@code jfr/<id>.jfr}): the key's fields joined by {@code _}, characters other than letters,
     * digits, {@code . + = -} replaced by {@code -}.
     */
    public String id() {
        StringJoiner j = new StringJoiner("_");
        j.add(workload).add(size);
        params.forEach((k, v) -> j.add(k + "=" + v));
        j.add(manager).add(heap).add("s" + seed).add("r" + repetition);
        return j.toString().replaceAll("[^A-Za-z0-9.+=_-]", "-");
    }

    /** One line for logs: {@code binary-trees tiny manual 2x seed 1 rep 1}. */
    @Override
    public String toString() {
        String p = params.isEmpty() ? "" : " " + paramsText();
        return workload + " " + size + p + " " + manager + " " + heap + " seed " + seed + " rep " + repetition;
    }
}
