package org.reclaim.workloads.rust;

/**
 * Where a program is in its source: the {@link Interpreter} calls {@link #at} before the
 * operations of each line. A plain run ignores it; {@code lab explain} attributes what happens
 * next to that line.
 */
@FunctionalInterface
public interface Steps {
    /** The operations that follow stand for the source line at index {@code line} (from 0, as the scenario listing counts). */
    void at(int line);

    /** Steps that record nothing: a scenario run as a workload. */
    Steps NONE = line -> {};
}
