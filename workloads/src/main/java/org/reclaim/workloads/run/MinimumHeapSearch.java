package org.reclaim.workloads.run;

import java.util.function.LongPredicate;
import org.reclaim.runtime.RunRecord;

/**
 * The one search for a minimum heap, used by campaigns, the benchmarks and the tests alike: the
 * smallest heap, a whole number of words, that a predicate says is enough. It doubles from a start
 * until a heap fits, then bisects between the last that did not and the first that did until they
 * are within 1% of each other or 64 KiB, whichever is less. It assumes what a heap sweep checks
 * (the lab's {@code HeapSweepTest}): a heap larger than one that fits fits too.
 */
public final class MinimumHeapSearch {
    private MinimumHeapSearch() {}

    /** The bracket's width at which the search stops, at most: 64 KiB. */
    public static final long MAX_PRECISION_BYTES = 64 << 10;

    /**
     * The smallest heap of whole words from {@code startBytes} up that {@code fits}, or -1 if no
     * heap up to {@code maxBytes} does.
     */
    public static long smallest(LongPredicate fits, long startBytes, long maxBytes) {
        long lo = 0, hi = wholeWords(startBytes);
        while (!fits.test(hi)) {
            lo = hi;
            hi *= 2;
            if (hi > maxBytes) return -1;
        }
        while (hi - lo > Math.max(Long.BYTES, Math.min(hi / 100, MAX_PRECISION_BYTES))) {
            long mid = wholeWords(lo + (hi - lo) / 2);
            if (mid <= lo || mid >= hi) break;
            if (fits.test(mid)) hi = mid;
            else lo = mid;
        }
        return hi;
    }

    /**
     * The smallest heap in which {@code workload} at {@code size} completes under {@code manager}
     * (a run in this JVM per heap tried), or -1 if none up to {@code maxBytes} does.
     *
     * @throws IllegalStateException if the workload fails otherwise than by running out of memory
     */
    public static long smallest(String workload, String size, String manager, long seed, long startBytes, long maxBytes) {
        return smallest(heap -> completes(workload, size, manager, heap, seed), startBytes, maxBytes);
    }

    private static boolean completes(String workload, String size, String manager, long heapBytes, long seed) {
        RunRecord r = Runner.run(new Runner.Request(workload, size, manager, heapBytes, seed)).record();
        if (r.status().equals(RunRecord.ERROR))
            throw new IllegalStateException(workload + " fails under " + manager + ": " + r.message());
        return r.status().equals(RunRecord.OK);
    }

    private static long wholeWords(long bytes) { return (bytes + Long.BYTES - 1) / Long.BYTES * Long.BYTES; }
}
