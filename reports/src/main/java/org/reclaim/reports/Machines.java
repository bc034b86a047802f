package org.reclaim.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.reclaim.analysis.results.ResultRow;

/**
 * Which machine measured which cell, from a results folder's {@code machines.csv} (written by the
 * campaign, one line per cell: node, CPU model, Slurm job and array ids): the machines of a report,
 * and a warning for each benchmark whose cells ran on more than one CPU model, since their times
 * then compare machines as well as managers.
 */
public final class Machines {
    private Machines() {}

    /** The file's name in a results folder. */
    public static final String FILE_NAME = "machines.csv";

    /** Cell id to {@code node, cpu_model}; empty when the folder has no {@code machines.csv}. */
    static Map<String, List<String>> read(Path dir) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Path f = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) return out;
        try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            for (CSVRecord r : p)
                if (r.isMapped("cell") && r.isSet("cpu_model") && r.isSet("node"))
                    out.put(r.get("cell"), List.of(r.get("node"), r.get("cpu_model")));
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), new IOException(e));
        }
        return out;
    }

    /** One line per CPU model the folder's cells ran on: the model, its nodes and how many cells. */
    public static List<String> lines(ResultsFolder folder) {
        Map<String, List<String>> byCell = read(folder.dir());
        Map<String, TreeSet<String>> nodes = new LinkedHashMap<>();
        Map<String, Integer> cells = new LinkedHashMap<>();
        for (ResultRow r : folder.rows()) {
            List<String> m = byCell.get(r.key().id());
            if (m == null) continue;
            nodes.computeIfAbsent(m.get(1), k -> new TreeSet<>()).add(m.get(0));
            cells.merge(m.get(1), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        nodes.forEach((model, n) -> out.add(model + ": " + cells.get(model) + " cells on " + String.join(", ", n)));
        return out;
    }

    /** A warning for each benchmark whose cells ran on more than one CPU model. */
    public static List<String> warnings(ResultsFolder folder) {
        Map<String, List<String>> byCell = read(folder.dir());
        List<String> out = new ArrayList<>();
        for (Benchmark b : folder.benchmarks()) {
            Map<String, Integer> models = new LinkedHashMap<>();
            for (ResultRow r : folder.rows()) {
                List<String> m = byCell.get(r.key().id());
                if (m != null && Benchmark.of(r.key()).equals(b)) models.merge(m.get(1), 1, Integer::sum);
            }
            if (models.size() < 2) continue;
            List<String> parts = new ArrayList<>();
            models.forEach((model, n) -> parts.add(model + " (" + n + " cells)"));
            out.add("The cells of " + b.label() + " ran on " + models.size() + " CPU models: " + String.join(", ", parts)
                    + "; its times compare machines as well as managers.");
        }
        return out;
    }
}
