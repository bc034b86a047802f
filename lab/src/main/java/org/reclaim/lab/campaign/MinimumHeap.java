package org.reclaim.lab.campaign;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.reclaim.analysis.results.ResultsFile;
import org.reclaim.lab.input.HeapSize;
import org.reclaim.workloads.run.MinimumHeapSearch;

/**
 * Minimum heaps: for a workload at a size (with its parameters), the smallest heap in which it
 * completes under the search manager ({@code mark-compact} unless the campaign names another),
 * or, for {@code jvm:*} cells, the smallest {@code -Xmx} in which it completes under the JVM's
 * serial collector. Found by {@link #search bisection}, cached in the results folder's
 * {@code min-heap.json} and reused by every later run and shard that reads the folder.
 */
final class MinimumHeap {

    /** The cache file's name inside a results folder. */
    static final String FILE_NAME = "min-heap.json";

    /** What the real JVM's minimum heap is searched under. */
    static final String JVM_SEARCH_MANAGER = "jvm:serial";

    /**
     * One cached minimum heap.
     *
     * @param workload workload name
     * @param size     size name
     * @param params   the workload parameters set
     * @param seed     the seed it was searched with
     * @param manager  the manager it was searched under
     * @param bytes    the smallest heap found to complete
     */
    record Entry(String workload, String size, Map<String, String> params, long seed, String manager, long bytes) {
        Entry {
            params = new TreeMap<>(params);
        }

        boolean matches(String w, String s, Map<String, String> p, long sd, String m) {
            return workload.equals(w) && size.equals(s) && params.equals(new TreeMap<>(p)) && seed == sd && manager.equals(m);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final List<Entry> entries;
    private final Consumer<String> log;

    private MinimumHeap(Path file, List<Entry> entries, Consumer<String> log) {
        this.file = file;
        this.entries = entries;
        this.log = log;
    }

    /** The cache in {@code folder} (empty when there is none yet). */
    static MinimumHeap in(Path folder, Consumer<String> log) {
        Path file = folder.resolve(FILE_NAME);
        return new MinimumHeap(file, new ArrayList<>(read(file)), log);
    }

    /** The entries of a cache file, or none when it does not exist. */
    static List<Entry> read(Path file) {
        if (!Files.exists(file)) return List.of();
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code entries} as the cache file {@code file}, atomically. */
    static void write(Path file, List<Entry> entries) {
        try {
            ResultsFile.writeWhole(file, JSON.writeValueAsString(entries) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The minimum heap of the workload under {@code manager}: cached, or searched with
     * {@code fits} from {@code start} bytes up to {@code max} and then cached.
     */
    long of(String workload, String size, Map<String, String> params, long seed, String manager, long start, long max,
           LongPredicate fits) {
        String what = workload + " " + size + (params.isEmpty() ? "" : " " + params) + " under " + manager;
        for (Entry e : entries)
            if (e.matches(workload, size, params, seed, manager)) return e.bytes();
        log.accept("searching the minimum heap of " + what + "...");
        long bytes = search(fits, start, max);
        entries.add(new Entry(workload, size, params, seed, manager, bytes));
        write(file, entries);
        log.accept("minimum heap of " + what + ": " + HeapSize.format(bytes) + " (" + bytes + " bytes)");
        return bytes;
    }

    /** The largest simulated heap a search tries. */
    static final long MAX_BYTES = 64L << 30;

    /**
     * The smallest heap that {@code fits} accepts ({@link MinimumHeapSearch#smallest}: doubling
     * from {@code start}, then bisection to 1% or 64 KiB).
     *
     * @throws IllegalStateException when nothing up to {@code max} fits
     */
    static long search(LongPredicate fits, long start, long max) {
        long bytes = MinimumHeapSearch.smallest(fits, start, max);
        if (bytes < 0) throw new IllegalStateException("does not complete even in " + HeapSize.format(max));
        return bytes;
    }
}
