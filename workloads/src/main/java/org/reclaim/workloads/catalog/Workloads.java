package org.reclaim.workloads.catalog;

import java.util.ArrayList;
import java.util.List;
import org.reclaim.runtime.NearestNames;
import org.reclaim.workloads.AccountLedger;
import org.reclaim.workloads.BinaryTrees;
import org.reclaim.workloads.DocumentTree;
import org.reclaim.workloads.DoublyLinkedList;
import org.reclaim.workloads.LruCache;
import org.reclaim.workloads.QueueChurn;
import org.reclaim.workloads.RequestServer;
import org.reclaim.workloads.TreeDrop;
import org.reclaim.workloads.VecGrowth;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.scenarios.Scenario;
import org.reclaim.workloads.scenarios.Scenarios;

/**
 * The workloads and scenarios the lab knows, by the names {@code --workload} takes. It sits above
 * the benchmark workloads and the scenarios it names, as the runtime's {@code catalog.Managers}
 * above the families.
 */
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

    /** The benchmark workloads, then the seed scenarios ({@link Scenarios}). */
    private static List<Workload> withScenarios(Workload... benchmarks) {
        List<Workload> all = new ArrayList<>(List.of(benchmarks));
        all.addAll(Scenarios.all());
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
     * The seed scenario named {@code name}, as {@link Scenarios#find}, except that the name of a
     * benchmark workload gets its own message: it is a workload, not a scenario.
     *
     * @throws IllegalArgumentException naming the scenarios, or the nearest ones
     */
    public static Scenario scenario(String name) {
        if (!Scenarios.names().contains(name) && names().contains(name))
            throw new IllegalArgumentException("'" + name + "' is a benchmark workload, not a scenario (explain runs scenarios: "
                    + String.join(", ", Scenarios.names()) + ")");
        return Scenarios.find(name);
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
