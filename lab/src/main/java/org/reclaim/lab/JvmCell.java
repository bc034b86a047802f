package org.reclaim.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.RunInfoEvent;
import org.reclaim.runtime.RunRecord;
import org.reclaim.runtime.jvm.JavaHeap;
import org.reclaim.workloads.Parameters;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.catalog.Workloads;

/**
 * The forked JVM's side of a {@code jvm:*} run: runs one workload on {@link JavaHeap} under
 * whatever collector this JVM was started with, and prints the run record as one line of JSON.
 * The parent ({@link JvmRunner}) fills in the pauses and footprint from this JVM's JFR recording.
 *
 * <p>With a warm-up of N, the workload first runs as warm-up iterations, each on a fresh
 * {@link JavaHeap}, until {@link SteadyState}'s rule holds (at least N); then a full collection
 * ({@code System.gc()}) clears their garbage, and the measured iteration runs inside the
 * {@code reclaim.RunInfo} event, whose span is the window the parent takes the JVM's pauses from.
 * The record's {@code warmup.iterations} metric says how many warm-up iterations ran.
 *
 * <p>Arguments: {@code workload size seed heapBytes manager warmup [key=value ...]}.
 */
public final class JvmCell {
    private JvmCell() {}

    public static void main(String[] args) throws Exception {
        Workload workload = Workloads.find(args[0]);
        String sizeName = args[1];
        int size = Workloads.size(workload, sizeName);
        long seed = Long.parseLong(args[2]);
        long heapBytes = Long.parseLong(args[3]);
        String manager = args[4];
        int warmup = Integer.parseInt(args[5]);
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 6; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            given.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Map<String, String> params = Parameters.resolve(workload, given);

        int warmed = SteadyState.warmUp(warmup, () -> {
            long t0 = System.nanoTime();
            try {
                workload.run(new JavaHeap(), size, seed, params);
            } catch (OutOfMemoryError | MemoryFault e) {
                return -1;              // the measured iteration meets the same failure and reports it
            }
            return System.nanoTime() - t0;
        }).size();
        if (warmed > 0) System.gc();    // the warm-up's garbage is not the measured iteration's to collect

        String status = RunRecord.OK, message = "";
        long checksum = 0, objects = 0, bytes = 0;
        List<RunRecord.CaughtError> errors = new java.util.ArrayList<>();
        RunInfoEvent event = RunInfoEvent.begun();
        long t0 = System.nanoTime();
        try {
            JavaHeap heap = new JavaHeap();
            try {
                checksum = workload.run(heap, size, seed, params);
            } finally {
                objects = heap.objectsAllocated();
                bytes = heap.bytesAllocated();
            }
        } catch (OutOfMemoryError e) {
            status = RunRecord.OOM;
            message = "out of memory: java.lang.OutOfMemoryError: " + e.getMessage() + " with -Xmx" + heapBytes;
        } catch (MemoryFault e) {
            status = RunRecord.ERROR;
            message = e.getMessage();
            errors.add(new RunRecord.CaughtError(e.kind().name().toLowerCase(java.util.Locale.ROOT),
                    e.code() == null ? "" : e.code(), e.getMessage()));
        }
        long wall = System.nanoTime() - t0;
        RunRecord r = new RunRecord(workload.name(), sizeName, manager, heapBytes, seed, status, message, checksum, wall,
                0, 0, 0, objects, bytes, 0, 0, 0, 0, List.of(), errors, Map.of(), new LinkedHashMap<>());
        event.finish(r);
        r.metrics().put(ResultsCsv.WARMUP_ITERATIONS, (double) warmed);
        System.out.println(RunCommand.json().writeValueAsString(r));
    }
}
