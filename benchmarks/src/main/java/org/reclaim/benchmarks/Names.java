package org.reclaim.benchmarks;

import org.reclaim.runtime.catalog.Managers;

/**
 * Prints the simulated managers of this build, comma-separated, for {@code scripts/bench} to pass
 * as {@code -p manager=...}: managers added later are benchmarked without touching this module.
 */
public final class Names {
    private Names() {}

    public static void main(String[] args) {
        System.out.println(String.join(",", Managers.names()));
    }
}
