package org.reclaim.analysis.oracle;

import java.util.BitSet;
import org.reclaim.runtime.oracle.LifetimeOracle;

/**
 * What a run's bytes in use were, split by the lifetime oracles (Hertz &amp; Berger 2005; the names
 * are Röjemo &amp; Runciman's): for each object, on one clock,
 * <pre>
 *   allocated ──live── last use ──drag── unreachable ──garbage held (or leaked)── freed
 * </pre>
 * <em>live</em> until its last use, <em>drag</em> while still reachable but never used again,
 * <em>garbage held</em> while unreachable but not yet freed, and <em>leaked</em> from unreachable
 * to the end for an object nothing ever frees. The <em>liveness</em> curve counts the live part
 * (the physical lower bound any manager could reach); the <em>reachability</em> curve counts live
 * and drag (the earliest a collector or a counter could free).
 *
 * <p>Unreachable is taken as the earlier of the oracle's walk and the manager's own free (a
 * correct manager frees nothing reachable), and the last use as no later than that (a use after
 * free belongs to no interval).
 */
public final class LifetimeSplit {
    /** The two clocks the oracle keeps. */
    public enum Clock { ALLOCATION, OPERATION }

    private final LifetimeOracle oracle;
    private final BitSet leaked;
    private final Clock clock;
    private final long end;

    /**
     * @param oracle    the run's oracle
     * @param leakedIds identities of the objects the manager reported as leaked at exit
     * @param clock     which clock
     * @param end       the clock's value at the end of the run
     */
    public LifetimeSplit(LifetimeOracle oracle, BitSet leakedIds, Clock clock, long end) {
        this.oracle = oracle;
        this.leaked = leakedIds;
        this.clock = clock;
        this.end = end;
    }

    private long freed(int id) {
        return (clock == Clock.ALLOCATION ? oracle.onAllocationClock(id) : oracle.onOperationClock(id)).freed();
    }

    /** The intervals of one object, clamped so that allocated <= lastUse <= unreachable <= freed <= end. */
    private long[] bounds(int id) {
        LifetimeOracle.Lifetime l = clock == Clock.ALLOCATION ? oracle.onAllocationClock(id) : oracle.onOperationClock(id);
        long f = Math.min(l.freed(), end);
        long a = Math.min(l.allocated(), f);
        long r = Math.max(a, Math.min(l.unreachable(), f));
        long u = Math.max(a, Math.min(l.lastUse(), r));
        return new long[] {a, u, r, f};
    }

    /** Curves evaluated at clock values {@code at}: each array has one value per point. */
    public record Curves(long[] at, long[] liveness, long[] reachability, long[] inUse,
                         long[] live, long[] drag, long[] garbageHeld, long[] leaked) {}

    /** Time-weighted means of each part over the run (bytes), and the count of void objects. */
    public record Means(double inUse, double live, double drag, double garbageHeld, double leaked, long voidObjects) {}

    /** The bytes of each part at each clock value of {@code at} (ascending). */
    public Curves curves(long[] at) {
        int n = at.length;
        long[] live = new long[n], drag = new long[n], held = new long[n], leak = new long[n], inUse = new long[n];
        for (int id = 1; id <= oracle.maxId(); id++) {
            long[] b = bounds(id);
            long size = oracle.bytes(id);
            boolean isLeak = leaked.get(id);
            boolean neverFreed = freed(id) == LifetimeOracle.NEVER;
            for (int k = 0; k < n; k++) {
                long t = at[k];
                if (t < b[0] || (!neverFreed && t >= b[3])) continue;
                inUse[k] += size;
                if (t < b[1]) live[k] += size;
                else if (t < b[2]) drag[k] += size;
                else if (isLeak) leak[k] += size;
                else held[k] += size;
            }
        }
        long[] liveness = live.clone();
        long[] reach = new long[n];
        for (int k = 0; k < n; k++) reach[k] = live[k] + drag[k];
        return new Curves(at.clone(), liveness, reach, inUse, live, drag, held, leak);
    }

    /** Exact time-weighted means: each object's bytes times the length of each of its intervals, over the run's length. */
    public Means means() {
        double inUse = 0, live = 0, drag = 0, held = 0, leak = 0;
        long voids = 0;
        for (int id = 1; id <= oracle.maxId(); id++) {
            long[] b = bounds(id);
            long size = oracle.bytes(id);
            long stop = b[3];
            inUse += (double) size * (stop - b[0]);
            live += (double) size * (b[1] - b[0]);
            drag += (double) size * (b[2] - b[1]);
            if (leaked.get(id)) leak += (double) size * (stop - b[2]);
            else held += (double) size * (stop - b[2]);
            if (oracle.isVoid(id)) voids++;
        }
        double len = Math.max(1, end);
        return new Means(inUse / len, live / len, drag / len, held / len, leak / len, voids);
    }
}
