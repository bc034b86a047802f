package org.reclaim.benchmarks;

import java.util.Map;
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
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.Parameters;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.catalog.Workloads;

/**
 * Whole workloads under each simulated manager, as the lab runs them (a fresh manager per run, a
 * {@link PauseRecorder} sampling footprint every heap/64 bytes), at {@code heapMultiple} times
 * the workload's minimum heap ({@link MinimumHeap}, searched in a child JVM so that this one runs
 * one manager only). Divided by {@link NativeWorkloads}' score for
 * the same workload and size, this is the simulation's cost over plain Java objects.
 *
 * <p>Epsilon never frees, so its heap is the larger of that and the run's total allocation.
 * Each run's checksum is checked against the native program's, or for a workload that has none
 * (queue-churn, for the probe's overhead), against the trial's first run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseG1GC", "-Xss16m"})
public class SimulatedWorkloads {
    private static final long SEED = 42;
    /** The expected checksum of a workload with no native version, until its first run gives it. */
    private static final long NO_NATIVE = Long.MIN_VALUE;

    /** The workload, by its lab name. */
    @Param({"binary-trees"})
    public String workload;

    /** The workload's size name. */
    @Param({"default"})
    public String size;

    /**
     * The simulated manager. The default list is what {@code Managers.names()} held when this was
     * written; {@code scripts/bench} passes the build's current list with {@code -p manager=...}.
     */
    @Param({"epsilon", "manual", "manual+sanitize"})
    public String manager;

    /**
     * The probe: {@code recorder} (the lab's {@link PauseRecorder}) or {@code off}
     * ({@link Probe#OFF}); the two side by side are the probe's overhead.
     */
    @Param({"recorder"})
    public String probe;

    /** The heap, as a multiple of the workload's minimum heap. */
    @Param({"3"})
    public double heapMultiple;

    /** The minimum heap in bytes if known (skips the search); 0 searches it in the trial's setup. */
    @Param({"0"})
    public long minimumHeap;

    private Workload program;
    private int sizeValue;
    private Map<String, String> params;
    private Managers.Info info;
    private long heapBytes;
    private long expected;
    private MemoryManager m;
    private long checksum;

    /** Finds the heap this trial runs in, and the checksum every run must return. */
    @Setup(Level.Trial)
    public void sizeHeap() {
        program = Workloads.find(workload);
        sizeValue = Workloads.size(program, size);
        params = Parameters.resolve(program, Map.of());
        info = Managers.find(manager);
        long minimum = minimumHeap > 0 ? minimumHeap : MinimumHeap.findInChildJvm(workload, size, SEED);
        heapBytes = (long) Math.ceil(minimum * heapMultiple / Long.BYTES) * Long.BYTES;
        if (info.family().equals("epsilon"))
            heapBytes = Math.max(heapBytes, MinimumHeap.totalAllocationInChildJvm(workload, size, SEED, heapBytes));
        expected = NativeWorkloads.hasProgram(workload) ? NativeWorkloads.program(workload).run(sizeValue) : NO_NATIVE;
        System.out.printf("%n%s (%s) under %s: heap %d bytes (%.1fx the minimum of %d bytes found with %s)%n",
                workload, size, manager, heapBytes, (double) heapBytes / minimum, minimum,
                minimumHeap > 0 ? "-p minimumHeap" : MinimumHeap.reference());
    }

    /** A fresh manager and heap for each run (a manager runs one workload once). */
    @Setup(Level.Invocation)
    public void freshManager() {
        m = BenchmarkProbes.freshManager(info, heapBytes, probe, Math.max(4096, heapBytes / 64));
    }

    /** One whole run of the workload. */
    @Benchmark
    public long run() {
        checksum = program.run(m, sizeValue, SEED, params);
        m.finish();
        return checksum;
    }

    /**
     * A run that returns another checksum than the native program's (or, for a workload with no
     * native version, than its own first run's) is no measurement.
     */
    @TearDown(Level.Invocation)
    public void checkChecksum() {
        if (expected == NO_NATIVE) expected = checksum;
        if (checksum != expected)
            throw new IllegalStateException(workload + " under " + manager + " returned checksum " + checksum
                    + ", the native program " + expected);
    }
}
