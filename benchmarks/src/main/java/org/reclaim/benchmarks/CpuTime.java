package org.reclaim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.workloads.Parameters;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.run.Runner;

/**
 * Whole runs timed in <em>thread CPU time</em>, for a shared machine where other processes take
 * the CPUs away and JMH's wall-clock scores spread wider than the differences they should show.
 * The CPU time a run's own thread used does not count the time it waited for a CPU (it still
 * counts what contention does to caches). One manager per JVM: run it once per manager, as
 * {@code SimulatedWorkloads} is run, and divide by the {@code native} run of the same session.
 *
 * <p>Usage: {@code CpuTime <manager|native|ladder:RUNG> <workload> <size> <heapBytes> <warmups> <runs>}
 * (a ladder rung, {@link LadderRungs}, runs binary-trees only and sizes its own heap);
 * prints one line: the manager, the median and the minimum and maximum CPU milliseconds of the
 * measured runs, and the checksum.
 */
public final class CpuTime {
    private CpuTime() {}

    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("usage: CpuTime <manager|native|ladder:RUNG> <workload> <size> <heapBytes> <warmups> <runs>");
            System.exit(2);
        }
        String manager = args[0], workloadName = args[1], size = args[2];
        long heapBytes = Long.parseLong(args[3]);
        int warmups = Integer.parseInt(args[4]), runs = Integer.parseInt(args[5]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Workload workload = Workloads.find(workloadName);
        int sizeValue = Workloads.size(workload, size);
        Map<String, String> params = Parameters.resolve(workload, Map.of());
        double[] ms = new double[runs];
        long checksum = 0;
        for (int i = -warmups; i < runs; i++) {
            MemoryManager m = null;
            long[] ladderHeap = null;
            if (manager.startsWith("ladder:")) {
                ladderHeap = new long[LadderRungs.heapWords(manager.substring(7), sizeValue)];
            } else if (!manager.equals("native")) {
                m = Managers.find(manager).factory().create(heapBytes, new PauseRecorder(Math.max(4096, heapBytes / 64)));
                m.timeExplicitPausesFrom(Runner.EXPLICIT_PAUSES_TIMED_FROM);
            }
            long t0 = threads.getCurrentThreadCpuTime();
            if (ladderHeap != null) {
                checksum = LadderRungs.run(manager.substring(7), sizeValue, ladderHeap);
            } else if (m == null) {
                checksum = NativeWorkloads.program(workloadName).run(sizeValue);
            } else {
                checksum = workload.run(m, sizeValue, 42, params);
                m.finish();
            }
            long t1 = threads.getCurrentThreadCpuTime();
            if (i >= 0) ms[i] = (t1 - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%s %.1f %.1f %.1f %d%n", manager, ms[runs / 2], ms[0], ms[runs - 1], checksum);
    }
}
