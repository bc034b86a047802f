package org.reclaim.analysis.oracle;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.oracle.LifetimeOracle;

/** The oracle's figures of a finished run, as the run record's {@code oracle.*} metrics. */
public final class OracleMetrics {
    private OracleMetrics() {}

    /** The split of a run on the allocation clock. */
    public static LifetimeSplit split(MemoryManager m, List<Leak> leaks, LifetimeSplit.Clock clock) {
        LifetimeOracle o = m.oracle();
        BitSet leaked = new BitSet();
        for (Leak l : leaks) leaked.set(l.id());
        long end = clock == LifetimeSplit.Clock.ALLOCATION ? m.bytesAllocated() : o.opClock();
        return new LifetimeSplit(o, leaked, clock, end);
    }

    /**
     * Puts {@code oracle.live.mean.bytes}, {@code oracle.drag.mean.bytes},
     * {@code oracle.garbage-held.mean.bytes}, {@code oracle.leaked.mean.bytes} (time-weighted mean
     * bytes on the allocation clock), the same four as {@code oracle.operations.*.mean.bytes} on the
     * operation clock, {@code oracle.void.objects} and
     * {@code oracle.granularity.bytes} into {@code metrics}; nothing if the oracle was off.
     */
    public static void fill(MemoryManager m, List<Leak> leaks, Map<String, Double> metrics) {
        if (m.oracle() == null) return;
        LifetimeSplit.Means means = split(m, leaks, LifetimeSplit.Clock.ALLOCATION).means();
        metrics.put("oracle.live.mean.bytes", means.live());
        metrics.put("oracle.drag.mean.bytes", means.drag());
        metrics.put("oracle.garbage-held.mean.bytes", means.garbageHeld());
        metrics.put("oracle.leaked.mean.bytes", means.leaked());
        metrics.put("oracle.void.objects", (double) means.voidObjects());
        // A scenario allocates once and then only computes: its drag passes on the operation clock alone.
        LifetimeSplit.Means ops = split(m, leaks, LifetimeSplit.Clock.OPERATION).means();
        metrics.put("oracle.operations.live.mean.bytes", ops.live());
        metrics.put("oracle.operations.drag.mean.bytes", ops.drag());
        metrics.put("oracle.operations.garbage-held.mean.bytes", ops.garbageHeld());
        metrics.put("oracle.operations.leaked.mean.bytes", ops.leaked());
        metrics.put("oracle.granularity.bytes", (double) m.oracle().granularityBytes());
    }
}
