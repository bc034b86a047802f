package org.reclaim.analysis.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reclaim.runtime.RunRecord;

/**
 * The deterministic cost of a run: each work counter times its calibrated weight
 * ({@link CostWeights}), summed per side. {@code cost.mutator} and {@code cost.manager} are in
 * calibrated nanoseconds, {@code cost.total} their sum, {@code cost.words} the memory words the
 * counted work touches (machine-independent). The same counters give the same cost on every run
 * of a cell and seed.
 *
 * <p>A few units of work are not (yet) counters of the managers, so the model derives them from
 * the run record, each only when no counter of the run already counts it:
 * <ul>
 *   <li>{@code words.allocated}: bytes allocated / 8, the program's initialising write of every word it allocates;</li>
 *   <li>{@code alloc.bump} or {@code alloc.free-list}: objects allocated, by the allocator the
 *       manager allocates with (bump: epsilon, mark-compact, semispace, the generational nursery;
 *       free list: the rest); derived only when the run has no {@code alloc.*} counter;</li>
 *   <li>{@code counts.increments.atomic} and {@code counts.decrements.atomic}: the count changes of a
 *       manager whose counts are atomic ({@code refcount-atomic}), which counts them under the plain names.</li>
 * </ul>
 * A {@code jvm:*} run has no counters and so no cost.
 */
public final class CostModel {
    /** The metrics the model adds to a run record, in the order results.csv lists them. */
    public static final List<String> METRICS = List.of("cost.mutator", "cost.manager", "cost.total", "cost.words");

    /** Managers whose objects come from a bump allocator (the generational collector's nursery). */
    private static final Set<String> BUMP_ALLOCATING = Set.of("epsilon", "mark-compact", "semispace", "generational");

    private final CostWeights weights;

    public CostModel(CostWeights weights) {
        this.weights = weights;
    }

    /** The model with the project's shipped weights. */
    public static CostModel shipped() {
        return new CostModel(CostWeights.shipped());
    }

    public CostWeights weights() { return weights; }

    /**
     * The units of work of a run: its counters, with the derived ones above.
     *
     * @param manager          the manager's name
     * @param counters         the run's work counters
     * @param objectsAllocated objects the run allocated
     * @param bytesAllocated   bytes the run allocated
     */
    public static Map<String, Long> work(String manager, Map<String, Long> counters, long objectsAllocated, long bytesAllocated) {
        Map<String, Long> work = new LinkedHashMap<>();
        boolean atomic = manager.endsWith("-atomic");
        counters.forEach((name, n) -> {
            if (atomic && (name.equals("counts.increments") || name.equals("counts.decrements"))) work.put(name + ".atomic", n);
            else work.put(name, n);
        });
        work.putIfAbsent("words.allocated", bytesAllocated / Long.BYTES);
        if (counters.keySet().stream().noneMatch(n -> n.startsWith("alloc.")))
            work.put(BUMP_ALLOCATING.contains(manager) ? "alloc.bump" : "alloc.free-list", objectsAllocated);
        return work;
    }

    /** The names among {@code work} that have no row in the weights. */
    public List<String> unweighed(Map<String, Long> work) {
        List<String> missing = new ArrayList<>();
        for (String name : work.keySet()) if (weights.row(name) == null) missing.add(name);
        return missing;
    }

    /**
     * The cost metrics of a run of a simulated manager ({@link #METRICS}); empty for a run without
     * counters (a {@code jvm:*} run).
     *
     * @throws IllegalStateException naming the counters that have no row in the weights: a cost
     *                               that left them out would be too low without saying so
     */
    public Map<String, Double> metrics(String manager, Map<String, Long> counters, long objectsAllocated, long bytesAllocated) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (manager.startsWith("jvm:")) return m;
        Map<String, Long> work = work(manager, counters, objectsAllocated, bytesAllocated);
        List<String> missing = unweighed(work);
        if (!missing.isEmpty())
            throw new IllegalStateException("the cost weights have no row for counter(s) " + String.join(", ", missing)
                    + " of " + manager + ": add them to " + CostWeights.SOURCE_PATH);
        double mutator = 0, manag = 0, words = 0;
        for (Map.Entry<String, Long> e : work.entrySet()) {
            CostWeights.Row r = weights.row(e.getKey());
            double n = e.getValue();
            switch (r.side()) {
                case MUTATOR -> mutator += n * r.nsPerUnit();
                case MANAGER -> manag += n * r.nsPerUnit();
                case NONE -> { continue; }
            }
            words += n * r.wordsPerUnit();
        }
        m.put("cost.mutator", mutator);
        m.put("cost.manager", manag);
        m.put("cost.total", mutator + manag);
        m.put("cost.words", words);
        return m;
    }

    /** The cost metrics of {@code r}, as {@link #metrics(String, Map, long, long)}. */
    public Map<String, Double> metrics(RunRecord r) {
        return metrics(r.manager(), r.counters(), r.objectsAllocated(), r.bytesAllocated());
    }
}
