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
 * One whole run of a workload under a simulated manager, as the lab runs it, with the lab's
 * probe ({@code -p probe=recorder}: a {@link PauseRecorder} sampling footprint at {@code lab run}'s
 * default interval, explicit pauses timed from their 64th object) or with none ({@code -p probe=off}:
 * {@link Probe#OFF}). Each iteration is one run on a fresh manager ({@link Mode#SingleShotTime}),
 * so a fork's iterations are a sample of whole runs. {@link ProbeOverheadRun} runs the two probes
 * in alternating forks and reports the ratio; the default case is the worst one,
 * queue-churn {@code default} under manual (an explicit free per step).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-Xss16m"})
public class ProbeOverhead {
    static final long SEED = 42;
    static final double HEAP_MULTIPLE = 3;

    /** {@code lab run}'s default footprint sampling interval (its {@code RunCommand.defaultSampleEvery}): heap/64, at least 4 KiB and at most 64 KiB. */
    static long sampleEvery(long heapBytes) {
        return Math.min(64 << 10, Math.max(4096, heapBytes / 64));
    }

    /** {@link #HEAP_MULTIPLE} times {@code minimum}, in whole words. */
    static long heapFor(long minimum) {
        return (long) Math.ceil(minimum * HEAP_MULTIPLE / Long.BYTES) * Long.BYTES;
    }

    /** {@code recorder} or {@code off}. */
    @Param({"off", "recorder"})
    public String probe;

    /*
     * The case's parameters are named apart from SimulatedWorkloads' (workload, size, manager), so
     * that a full scripts/bench run, which passes -p manager=<every manager>, runs this class on
     * its one case only.
     */

    /** The workload, by its lab name. */
    @Param({"queue-churn"})
    public String overheadWorkload;

    /** Its size name. */
    @Param({"default"})
    public String overheadSize;

    /** The simulated manager. */
    @Param({"manual"})
    public String overheadManager;

    /** The heap in bytes; 0 is 3x the minimum heap, searched in a child JVM ({@link ProbeOverheadRun} searches once and passes it). */
    @Param({"0"})
    public long heapBytes;

    private Workload program;
    private int sizeValue;
    private Map<String, String> params;
    private Managers.Info info;
    private MemoryManager m;
    private long checksum;
    private long expected;
    private boolean first = true;

    @Setup(Level.Trial)
    public void resolve() {
        program = Workloads.find(overheadWorkload);
        sizeValue = Workloads.size(program, overheadSize);
        params = Parameters.resolve(program, Map.of());
        info = Managers.find(overheadManager);
        if (heapBytes <= 0) heapBytes = heapFor(MinimumHeap.findInChildJvm(overheadWorkload, overheadSize, SEED));
    }

    /** A fresh manager for each run, with the probe under test. */
    @Setup(Level.Iteration)
    public void freshManager() {
        m = BenchmarkProbes.freshManager(info, heapBytes, probe, sampleEvery(heapBytes));
    }

    @Benchmark
    public long run() {
        checksum = program.run(m, sizeValue, SEED, params);
        m.finish();
        return checksum;
    }

    /** Every run must return the same checksum as the fork's first: the probe must not change the program. */
    @TearDown(Level.Iteration)
    public void checkChecksum() {
        if (first) { expected = checksum; first = false; }
        if (checksum != expected)
            throw new IllegalStateException(overheadWorkload + " under " + overheadManager + " returned checksum " + checksum + ", not " + expected);
    }
}
