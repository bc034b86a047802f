package org.reclaim.runtime.oracle;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Hertz &amp; Berger's two lifetime oracles, recorded during a run of any manager: for every object
 * (by identity) the times it was allocated, last used, found unreachable and freed, on two clocks:
 * the <em>allocation clock</em> (bytes allocated so far) and the <em>operation clock</em> (a
 * tick as each operation of the mutator contract begins, at each scope end and at each scenario
 * step), so that a program that allocates nothing more, like the seeds' {@code orders}, still
 * shows time passing. On the operation clock an object is live through the end of the operation
 * that last used it, and an object freed by the very next operation has no drag.
 *
 * <p>A use is any read or write of an object's data or slots and any borrow of it. Unreachability
 * is found by a reachability walk (an {@link ObjectGraph}'s, strong references only) every
 * {@link #granularityBytes()} of allocation, at every scenario {@link #step()}, before every
 * collection, and at the end: the time recorded is the first walk that found the object
 * unreachable, so it is exact to that granularity. Roots that point at freed blocks (a C
 * program's dangling pointers) are not roots.
 *
 * <p>Bookkeeping lives in primitive side arrays indexed by object identity; with the oracle off
 * the managers pay one null check per hook.
 */
public final class LifetimeOracle {
    /** "Never": an object not yet freed or found unreachable. */
    public static final long NEVER = Long.MAX_VALUE;

    private final long granularity;
    private long nextWalk;
    private long opClock;
    private boolean stepBegun;
    private long walks;
    private int maxId;

    private int[] words = new int[1024];
    private long[] allocA = new long[1024], allocO = new long[1024];
    private long[] firstUseO = new long[1024];
    private long[] lastUseA = new long[1024], lastUseO = new long[1024];
    private long[] unreachA = new long[1024], unreachO = new long[1024];
    private long[] freedA = new long[1024], freedO = new long[1024];

    /** An oracle that walks every {@code granularityBytes} of allocation. */
    public LifetimeOracle(long granularityBytes) {
        if (granularityBytes <= 0) throw new IllegalArgumentException("oracle granularity must be positive: " + granularityBytes);
        this.granularity = granularityBytes;
        this.nextWalk = granularityBytes;
    }

    /** Bytes of allocation between reachability walks. */
    public long granularityBytes() { return granularity; }

    /** Walks made so far. */
    public long walks() { return walks; }

    // ---- events (called by MemoryManager) ----

    /** A new object of {@code sizeWords}; {@code allocClock} is the clock after it. Returns true when a walk is due. */
    public boolean allocated(int id, int sizeWords, long allocClock) {
        ensure(id);
        tick();
        long o = opClock;
        words[id] = sizeWords;
        allocA[id] = allocClock;
        allocO[id] = o;
        firstUseO[id] = NEVER;
        lastUseA[id] = allocClock;
        lastUseO[id] = o + 1;
        unreachA[id] = unreachO[id] = NEVER;
        freedA[id] = freedO[id] = NEVER;
        if (id > maxId) maxId = id;
        return allocClock >= nextWalk;
    }

    /** The object {@code id} was used by the current operation. */
    public void used(int id, long allocClock) {
        if (firstUseO[id] == NEVER) firstUseO[id] = opClock;
        lastUseA[id] = allocClock;
        lastUseO[id] = opClock + 1;
    }

    /** The object {@code id} was freed by the manager, during the current operation. */
    public void freed(int id, long allocClock) {
        freedA[id] = allocClock;
        freedO[id] = opClock;
    }

    /**
     * One tick of the operation clock: an operation begins, or a scope ends. The first operation
     * of a scenario step shares the step's tick: the step is that operation's source line.
     */
    public void tick() {
        if (stepBegun) stepBegun = false;
        else opClock++;
    }

    /** A scenario step (a source line) begins: one tick. */
    public void step() {
        opClock++;
        stepBegun = true;
    }

    /**
     * Finds the objects of {@code heap} no longer strongly reachable from its roots and records the
     * clocks for those not found before.
     */
    public void walk(ObjectGraph heap, long allocClock) {
        walks++;
        nextWalk = allocClock - allocClock % granularity + granularity;
        BitSet reachable = heap.stronglyReachableIds();
        BitSet allocated = heap.allocatedIds();
        long o = opClock;
        for (int id = allocated.nextSetBit(0); id >= 0 && id <= maxId; id = allocated.nextSetBit(id + 1)) {
            if (unreachA[id] == NEVER && freedA[id] == NEVER && !reachable.get(id)) {
                unreachA[id] = allocClock;
                unreachO[id] = o;
            }
        }
    }

    private void ensure(int id) {
        if (id < words.length) return;
        int n = Math.max(id + 1, words.length * 2);
        words = Arrays.copyOf(words, n);
        allocA = Arrays.copyOf(allocA, n);
        allocO = Arrays.copyOf(allocO, n);
        firstUseO = Arrays.copyOf(firstUseO, n);
        lastUseA = Arrays.copyOf(lastUseA, n);
        lastUseO = Arrays.copyOf(lastUseO, n);
        unreachA = Arrays.copyOf(unreachA, n);
        unreachO = Arrays.copyOf(unreachO, n);
        freedA = Arrays.copyOf(freedA, n);
        freedO = Arrays.copyOf(freedO, n);
    }

    // ---- reading ----

    /** The largest identity recorded; identities run from 1. */
    public int maxId() { return maxId; }
    /** The operation clock now. */
    public long opClock() { return opClock; }
    public long bytes(int id) { return (long) words[id] * Long.BYTES; }
    /** Never used after allocation (Röjemo &amp; Runciman's void). */
    public boolean isVoid(int id) { return firstUseO[id] == NEVER; }

    /** The clock values of object {@code id} on one clock: allocated, last use, unreachable, freed. */
    public record Lifetime(long allocated, long lastUse, long unreachable, long freed) {}

    /** Object {@code id}'s lifetime on the allocation clock. */
    public Lifetime onAllocationClock(int id) { return new Lifetime(allocA[id], lastUseA[id], unreachA[id], freedA[id]); }

    /** Object {@code id}'s lifetime on the operation clock. */
    public Lifetime onOperationClock(int id) { return new Lifetime(allocO[id], lastUseO[id], unreachO[id], freedO[id]); }
}
