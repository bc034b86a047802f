package org.reclaim.workloads.scenarios;

/**
 * Where a scenario is in its source: it calls {@link #at} before the operations of each line.
 * A plain run ignores it; {@code lab explain} attributes what happens next to that line.
 */
@FunctionalInterface
public interface Steps {
    /** The operations that follow stand for line {@code line} of the scenario's {@link Listing}. */
    void at(int line);

    /** Steps that record nothing: a scenario run as a workload. */
    Steps NONE = line -> {};
}
