package org.reclaim.reports;

import org.reclaim.analysis.results.CellKey;

/**
 * What a chart compares managers on: one workload at one size with one set of parameters.
 * Figures from different benchmarks are never mixed in one median.
 *
 * @param workload workload name
 * @param size     size name
 * @param params   parameters as {@link CellKey#paramsText()} (empty when none)
 */
public record Benchmark(String workload, String size, String params) {

    /** The benchmark a cell belongs to. */
    public static Benchmark of(CellKey key) {
        return new Benchmark(key.workload(), key.size(), key.paramsText());
    }

    /** How titles name it: {@code binary-trees tiny} or {@code binary-trees tiny depth=4}. */
    public String label() {
        return workload + " " + size + (params.isEmpty() ? "" : " " + params);
    }

    /** A file-name-safe form of {@link #label()}, for chart file names. */
    public String id() {
        return label().replace(' ', '_').replaceAll("[^A-Za-z0-9.+=_-]", "-");
    }
}
