package org.reclaim.workloads;

import java.util.List;
import org.reclaim.runtime.NearestNames;

/** The workloads and scenarios the lab knows, by the names {@code --workload} takes. */
public final class Workloads {
    private Workloads() {}

    private static final List<Workload> ALL = withScenarios(
            new BinaryTrees(),
            new QueueChurn(),
            new LruCache(),
            new DoublyLinkedList(),
            new RequestServer(),
            new TreeDrop(),
            new VecGrowth(),
            new DocumentTree(),
            new AccountLedger()
    );

    /** The benchmark workloads, then the seed scenarios ({@link org.reclaim.workloads.scenarios.Scenarios}). */
    private static List<Workload> withScenarios(Workload... benchmarks) {
        List<Workload> all = new java.util.ArrayList<>(List.of(benchmarks));
        all.addAll(org.reclaim.workloads.scenarios.Scenarios.all());
        return List.copyOf(all);
    }

    /** Every workload, in the order {@code lab list} prints them. */
    public static List<Workload> all() { return ALL; }

    public static List<String> names() { return ALL.stream().map(Workload::name).toList(); }

    /**
     * The workload named {@code name}.
     *
     * @throws IllegalArgumentException naming the nearest valid names if there is none
     */
    public static Workload find(String name) {
        for (Workload w : ALL) if (w.name().equals(name)) return w;
        throw new IllegalArgumentException(NearestNames.unknown("workload", name, names()));
    }

    /**
     * The size parameter for {@code sizeName} of {@code w}.
     *
     * @throws IllegalArgumentException listing the valid size names
     */
    public static int size(Workload w, String sizeName) {
        Integer s = w.sizes().get(sizeName);
        if (s == null)
            throw new IllegalArgumentException("unknown size '" + sizeName + "' for " + w.name() + "; valid sizes: "
                    + String.join(", ", w.sizeNames()));
        return s;
    }
}
