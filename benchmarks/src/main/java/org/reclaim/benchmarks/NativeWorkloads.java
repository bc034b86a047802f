package org.reclaim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reclaim.workloads.catalog.Workloads;

/**
 * The workloads on plain Java objects under the host JVM's collector (G1): the denominator of
 * {@link SimulatedWorkloads}' ratios. Same workload names, sizes and checksums.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseG1GC", "-Xss16m"})
public class NativeWorkloads {

    /** The workload, by its lab name; each has a native version in {@link #program}. */
    @Param({"binary-trees"})
    public String workload;

    /** The workload's size name. */
    @Param({"default"})
    public String size;

    private int sizeValue;
    private Program program;

    /** A workload written on plain Java objects. */
    @FunctionalInterface
    interface Program {
        /** Runs once at {@code size}; returns the same checksum as the simulated workload. */
        long run(int size);
    }

    /** True if the workload named {@code name} has a native version. */
    static boolean hasProgram(String name) { return name.equals("binary-trees"); }

    /**
     * The native version of the workload named {@code name}.
     *
     * @throws IllegalArgumentException if it has none yet
     */
    static Program program(String name) {
        return switch (name) {
            case "binary-trees" -> NativeBinaryTrees::run;
            default -> throw new IllegalArgumentException("workload " + name
                    + " has no native version yet: write one beside NativeBinaryTrees and add it to NativeWorkloads.program");
        };
    }

    @Setup
    public void setUp() {
        sizeValue = Workloads.size(Workloads.find(workload), size);
        program = program(workload);
    }

    /** One whole run of the workload on Java objects. */
    @Benchmark
    public long run() { return program.run(sizeValue); }
}
