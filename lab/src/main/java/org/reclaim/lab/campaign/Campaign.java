package org.reclaim.lab.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.reclaim.analysis.results.CellKey;

/**
 * A campaign, as its file describes it (see {@code scripts/campaigns/campaign.schema.json}):
 * workloads with sizes and parameters, managers, heaps, seeds, repetitions, warm-up, a time
 * limit per cell, the manager the minimum heap is searched under, and the recordings to keep.
 * {@link CampaignFile} reads and checks it.
 *
 * @param name           the campaign's name (the file name without extension unless given)
 * @param file           the file it was read from
 * @param sha256         the file's SHA-256, hex: results folders and merges compare it
 * @param text           the file's text, copied into the results folder
 * @param workloads      workloads to run
 * @param managers       manager names ({@code jvm:*} included)
 * @param heaps          heap sizes
 * @param seeds          seeds
 * @param repetitions    measured runs per cell combination (each its own fork)
 * @param warmup         runs before the measured one in the same JVM, discarded
 * @param timeLimit      how long one cell (fork, warm-up and run) may take before it is killed
 * @param minHeapManager the simulated manager whose smallest completing heap is "1x"
 * @param recordings     what each cell also records: {@code hlog}, {@code timeline}, {@code jfr}
 */
public record Campaign(String name, String file, String sha256, String text, List<WorkloadSpec> workloads,
                       List<String> managers, List<HeapSpec> heaps, List<Long> seeds, int repetitions, int warmup,
                       Duration timeLimit, String minHeapManager, Set<String> recordings) {

    /** Managers run on the real JVM, in a forked JVM with that collector. */
    public static final Pattern JVM_MANAGER = Pattern.compile("jvm:(serial|parallel|g1|zgc|shenandoah)");

    /** Recordings a cell can keep, each passed to {@code lab run} as {@code --<name> FILE}. */
    public static final List<String> RECORDINGS = List.of("hlog", "timeline", "jfr", "oracle");

    /**
     * One workload entry: a workload at some sizes, under each combination of its parameter values.
     *
     * @param name         workload name
     * @param sizes        size names
     * @param paramCombos  every combination of the given parameter values (one empty map when none)
     */
    public record WorkloadSpec(String name, List<String> sizes, List<Map<String, String>> paramCombos) {}

    /** Whether {@code manager} runs on the real JVM. */
    public static boolean isJvm(String manager) {
        return JVM_MANAGER.matcher(manager).matches();
    }

    /**
     * Every cell of the campaign, in a fixed order: workload, size, parameters, heap, manager,
     * seed, repetition. Shards and resumption rely on the order and the keys being the same on
     * every run of the same file.
     */
    public List<CellKey> cells() {
        List<CellKey> cells = new ArrayList<>();
        for (WorkloadSpec w : workloads)
            for (String size : w.sizes())
                for (Map<String, String> params : w.paramCombos())
                    for (HeapSpec heap : heaps)
                        for (String manager : managers)
                            for (long seed : seeds)
                                for (int rep = 1; rep <= repetitions; rep++)
                                    cells.add(new CellKey(w.name(), size, params, manager, heap.text(), seed, rep));
        return cells;
    }

    /** The heap named {@code text} in a cell key. */
    public HeapSpec heap(String text) {
        return heaps.stream().filter(h -> h.text().equals(text)).findFirst().orElseThrow();
    }
}
