package org.reclaim.workloads;

import java.util.List;
import java.util.Map;
import org.reclaim.runtime.Mutator;

/**
 * A deterministic program written once against the {@link Mutator} contract: it takes a size and
 * a seed, runs unchanged under every manager, and returns a checksum.
 */
public interface Workload {

    /** The name {@code --workload} takes. */
    String name();

    /** One line for {@code lab list}. */
    String description();

    /** Size names this workload accepts, smallest first, each with the parameter it stands for. */
    Map<String, Integer> sizes();

    /**
     * The live heap each size reaches: peak bytes in use, measured under {@code manual} (which frees
     * exactly what the program frees) with the default parameters and seed 1. Empty if not measured.
     */
    default Map<String, Long> liveBytes() { return Map.of(); }

    /** The workload's own parameters (for example {@code back}), with their defaults. */
    default Map<String, String> parameters() { return Map.of(); }

    /**
     * Checks the values of {@code params} (defaults filled in) before anything runs, so a campaign
     * file or a command line with a bad value is refused up front rather than failing mid-run.
     *
     * @throws IllegalArgumentException naming the parameter and the values it takes
     */
    default void checkParameters(Map<String, String> params) {}

    /**
     * Runs the workload once and returns its checksum.
     *
     * @param m    the mutator: the manager under test
     * @param size the size parameter (a value of {@link #sizes()})
     * @param seed the seed of any pseudo-random choice
     * @param params values of {@link #parameters()} (defaults filled in)
     */
    long run(Mutator m, int size, long seed, Map<String, String> params);

    /** The size names, as listed. */
    default List<String> sizeNames() { return List.copyOf(sizes().keySet()); }
}
