package org.reclaim.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;

/**
 * A campaign's results folder as a report reads it: the rows of {@code results.csv}, the
 * environment of {@code env.json}, and the paths of each cell's recordings
 * ({@code pauses/<cell>.hlog}, {@code timeline/<cell>.csv}), which may or may not be there.
 */
public final class ResultsFolder {
    private final Path dir;
    private final List<ResultRow> rows;
    private final Map<String, String> environment;
    private final List<String> skippedRows;

    private ResultsFolder(Path dir, ResultsCsv.Reading reading, Map<String, String> environment) {
        this.dir = dir;
        this.rows = reading.rows();
        this.skippedRows = reading.skipped();
        this.environment = environment;
    }

    /**
     * Reads the folder {@code dir}.
     *
     * Rows that fail {@link ResultsCsv#readChecked validation} are left out and listed in
     * {@link #skippedRows()}.
     *
     * @throws IllegalArgumentException if it holds no {@code results.csv}, its header is damaged, or
     *         it has no valid row
     * @throws UncheckedIOException     if a file cannot be read
     */
    public static ResultsFolder read(Path dir) {
        Path csv = dir.resolve(ResultsCsv.FILE_NAME);
        if (!Files.isRegularFile(csv))
            throw new IllegalArgumentException(dir + " holds no " + ResultsCsv.FILE_NAME
                    + ": give the folder a campaign wrote (lab campaign FILE.yaml --out DIR)");
        ResultsCsv.Reading reading = ResultsCsv.readChecked(csv);
        if (reading.rows().isEmpty())
            throw new IllegalArgumentException(csv + " has no valid result rows"
                    + (reading.skipped().isEmpty() ? " (only its header): run a campaign into " + dir + " first"
                    : ": " + reading.skipped().size() + " rows do not read, the first: " + reading.skipped().getFirst()));
        return new ResultsFolder(dir, reading, environment(dir.resolve("env.json")));
    }

    /** The rows of {@code results.csv} left out because they do not read, each as {@code FILE:LINE: reason}. */
    public List<String> skippedRows() { return skippedRows; }

    /**
     * The same folder with only the rows of {@code managers}: a report of the managers a lecturer chose.
     *
     * @throws IllegalArgumentException naming a manager with no row, and the managers that have some
     */
    public ResultsFolder only(List<String> managers) {
        List<String> present = managers();
        for (String m : managers)
            if (!present.contains(m))
                throw new IllegalArgumentException("no run of manager '" + m + "' in " + dir + "; its managers: " + String.join(", ", present));
        return new ResultsFolder(dir, new ResultsCsv.Reading(rows.stream().filter(r -> managers.contains(r.key().manager())).toList(), skippedRows), environment);
    }

    /** The folder. */
    public Path dir() { return dir; }

    /** Every row, in file order. */
    public List<ResultRow> rows() { return rows; }

    /** The rows whose cell did not end {@code ok}, in file order. */
    public List<ResultRow> failures() {
        return rows.stream().filter(r -> !r.status().equals(ResultRow.OK)).toList();
    }

    /**
     * The environment the campaign recorded, flattened to {@code name: value} lines in the file's
     * order ({@code jdk.java.version: 21.0.5}); empty when the folder has no {@code env.json}.
     */
    public Map<String, String> environment() { return environment; }

    /** The campaign's name: as {@code env.json} records it, else the folder's name. */
    public String campaignName() {
        String name = environment.get("campaign.name");
        return name != null ? name : dir.toAbsolutePath().normalize().getFileName().toString();
    }

    /**
     * The campaign's own description: the {@code description:} of the copy of its file that the
     * campaign keeps in the folder ({@code campaign.yaml}); empty when there is none.
     *
     * @throws IllegalArgumentException if {@code campaign.yaml} is not YAML
     */
    public String description() {
        Path file = dir.resolve("campaign.yaml");
        if (!Files.isRegularFile(file)) return "";
        try {
            JsonNode d = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(file.toFile()).path("description");
            return d.isTextual() ? d.asText().strip() : "";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a campaign file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every manager with a row, in the order of first appearance (the campaign file's order). */
    public List<String> managers() {
        return distinct(rows.stream().map(r -> r.key().manager()).toList());
    }

    /** Every benchmark with a row, in the order of first appearance. */
    public List<Benchmark> benchmarks() {
        return distinct(rows.stream().map(r -> Benchmark.of(r.key())).toList());
    }

    /** The rows of {@code b} that ended ok. */
    public List<ResultRow> ok(Benchmark b) {
        return rows.stream().filter(r -> r.status().equals(ResultRow.OK) && Benchmark.of(r.key()).equals(b)).toList();
    }

    /**
     * The heap a benchmark's per-heap charts (pauses, MMU, footprint, time breakdown) are drawn
     * at: the largest heap of the campaign, where the most managers fit; null when no cell of
     * {@code b} ended ok.
     */
    public String chartHeap(Benchmark b) {
        return ok(b).stream().max(Comparator.comparingLong(ResultRow::heapBytes)).map(r -> r.key().heap()).orElse(null);
    }

    /** The ok rows of {@code b} at heap {@code heap} under {@code manager}. */
    public List<ResultRow> ok(Benchmark b, String heap, String manager) {
        return ok(b).stream().filter(r -> r.key().heap().equals(heap) && r.key().manager().equals(manager)).toList();
    }

    /** Where the cell's pause histogram is kept ({@code pauses/<cell>.hlog}), whether or not it was recorded. */
    public Path hlog(CellKey key) {
        return dir.resolve("pauses").resolve(key.id() + ".hlog");
    }

    /** Where the cell's timeline is kept ({@code timeline/<cell>.csv}), whether or not it was recorded. */
    public Path timeline(CellKey key) {
        return dir.resolve("timeline").resolve(key.id() + ".csv");
    }

    private static <T> List<T> distinct(List<T> items) {
        return new ArrayList<>(new LinkedHashSet<>(items));
    }

    private static Map<String, String> environment(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return out;
        try {
            flatten("", new ObjectMapper().readTree(file.toFile()), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.isValueNode() ? n.asText() : n.toString()));
            out.put(prefix, String.join(" ", items));
        } else if (!node.isNull()) {
            out.put(prefix, Objects.toString(node.asText()));
        }
    }
}
