package org.reclaim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reclaim.workloads.catalog.Workloads;

/**
 * The floor under the simulated managers on this machine: binary-trees by hand on a {@code long[]}
 * heap, one feature of the contract added per rung ({@link LadderRungs}), one rung per JVM, in the
 * same set-up as {@link SimulatedWorkloads} (a fresh zeroed heap made before each run, outside the
 * time). Divided by {@link NativeWorkloads} of the same run it says what no manager can go below:
 * {@code raw} is epsilon's floor, {@code raw-recycled} the floor of a manager that frees.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseG1GC", "-Xss16m"})
public class Ladder {

    /** The rung, one of {@link LadderRungs#NAMES}. */
    @Param({"raw", "raw-recycled", "handles", "handles-recycled", "checked"})
    public String rung;

    /** binary-trees' size name. */
    @Param({"default"})
    public String size;

    private int depth;
    private long expected;
    private long[] heap;
    private long checksum;

    @Setup(Level.Trial)
    public void setUp() {
        depth = Workloads.size(Workloads.find("binary-trees"), size);
        expected = NativeBinaryTrees.run(depth);
    }

    /** A fresh zeroed heap for each run, as the simulated managers get. */
    @Setup(Level.Invocation)
    public void freshHeap() { heap = new long[LadderRungs.heapWords(rung, depth)]; }

    /** One whole run of the rung. */
    @Benchmark
    public long run() {
        checksum = LadderRungs.run(rung, depth, heap);
        return checksum;
    }

    /** A rung that returns another checksum than native binary-trees is no measurement. */
    @TearDown(Level.Invocation)
    public void checkChecksum() {
        if (checksum != expected)
            throw new IllegalStateException("ladder rung " + rung + " returned checksum " + checksum + ", native " + expected);
    }
}
