package org.reclaim.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.reclaim.analysis.JfrPauses;
import org.reclaim.analysis.PauseSummary;
import org.reclaim.analysis.RunMetrics;
import org.reclaim.lab.input.HeapSize;
import org.reclaim.runtime.RunRecord;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.run.Runner;

/**
 * Runs a {@code jvm:*} request: forks a JVM with the chosen collector, {@code -Xms} = {@code -Xmx}
 * = the heap, and a JFR recording of its GC events; the child ({@link JvmCell}) runs the workload
 * on plain Java objects, after its warm-up iterations, and prints its record; the pauses (count,
 * total, max, percentiles, MMU) and footprint (heap used after each collection) come from reading
 * the recording back, from the measured iteration's window only ({@link JfrPauses.Recording#measured()}):
 * JVM start-up, warm-up and the collection between warm-up and measurement are left out.
 */
public final class JvmRunner {
    private JvmRunner() {}

    /**
     * A finished {@code jvm:*} run.
     *
     * @param record    its run record, pauses and metrics filled in from JFR
     * @param recording what its JFR recording held in the measured iteration's window
     */
    public record Result(RunRecord record, JfrPauses.Recording recording) {}

    /**
     * Runs {@code r} in a forked JVM, recording to {@code jfrFile} (kept, whole), or to a
     * temporary file (deleted) when it is null.
     *
     * @param warmup the least number of warm-up iterations before the measured one ({@link SteadyState})
     * @throws IllegalArgumentException for an unknown manager, workload, size or parameter; a
     *         collector this JDK does not have; or a child JVM that did not produce a record
     */
    public static Result run(Runner.Request r, int warmup, Path jfrFile) throws IOException, InterruptedException {
        return run(r, JvmManagers.find(r.manager()), warmup, jfrFile);
    }

    /** Runs {@code r} under the collector {@code jvm} selects. */
    static Result run(Runner.Request r, JvmManagers.Info jvm, int warmup, Path jfrFile) throws IOException, InterruptedException {
        Workloads.size(Workloads.find(r.workload()), r.size());
        Path jfr = jfrFile != null ? jfrFile.toAbsolutePath() : Files.createTempFile("reclaim-", ".jfr");
        try {
            if (jfr.getParent() != null) Files.createDirectories(jfr.getParent());
            List<String> cmd = new ArrayList<>(List.of(javaCommand(), jvm.flag(),
                    "-Xms" + r.heapBytes(), "-Xmx" + r.heapBytes(), "-Xss16m",
                    "-XX:StartFlightRecording:filename=" + jfr + ",settings=default,dumponexit=true",
                    "-Xlog:jfr+startup=warning",
                    "-cp", System.getProperty("java.class.path"), JvmCell.class.getName(),
                    r.workload(), r.size(), Long.toString(r.seed()), Long.toString(r.heapBytes()), r.manager(),
                    Integer.toString(warmup)));
            r.params().forEach((k, v) -> cmd.add(k + "=" + v));
            Process p = new ProcessBuilder(cmd).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> slurp(p.getErrorStream()));
            String out = slurp(p.getInputStream());
            int exit = p.waitFor();
            String stderr = err.join();
            String line = lastJsonLine(out);
            if (line == null) throw childFailed(jvm, r, exit, stderr + "\n" + out);
            RunRecord child = RunCommand.json().readValue(line, RunRecord.class);
            JfrPauses.Recording recording = JfrPauses.read(jfr).measured();
            return new Result(withPauses(child, recording), recording);
        } finally {
            if (jfrFile == null) Files.deleteIfExists(jfr);
        }
    }

    /** The java launcher of this JVM: the child runs on the same JDK. */
    static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static RunRecord withPauses(RunRecord c, JfrPauses.Recording recording) {
        PauseSummary all = recording.summaries().getLast();
        RunRecord r = new RunRecord(c.workload(), c.size(), c.manager(), c.heapBytes(), c.seed(), c.status(), c.message(),
                c.checksum(), c.wallNanos(), all.count(), all.totalNanos(), all.maxNanos(), c.objectsAllocated(),
                c.bytesAllocated(), c.objectsFreed(), c.bytesFreed(), c.leakedObjects(), c.leakedBytes(), c.leaks(),
                c.errors(), c.counters(), new java.util.LinkedHashMap<>(c.metrics() == null ? java.util.Map.of() : c.metrics()));
        r.metrics().putAll(RunMetrics.of(recording));
        return r;
    }

    /** Why a child gave no record, from what it printed (the JVM reports start-up errors on either stream). */
    private static IllegalArgumentException childFailed(JvmManagers.Info jvm, Runner.Request r, int exit, String printed) {
        String s = printed.toLowerCase(Locale.ROOT);
        if (s.contains("unrecognized vm option") || s.contains("not supported") || s.contains("unsupported"))
            return new IllegalArgumentException(jvm.name() + ": " + jvm.collector() + " is not available in this JDK ("
                    + System.getProperty("java.vm.name") + " " + Runtime.version() + ")");
        String why = String.join("; ", printed.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(2).toList());
        return new IllegalArgumentException(jvm.name() + ": the forked JVM (heap " + HeapSize.format(r.heapBytes())
                + ") exited with status " + exit + " without a run record: " + (why.isEmpty() ? "no message" : why));
    }

    private static String lastJsonLine(String out) {
        String found = null;
        for (String l : out.split("\n")) if (l.startsWith("{")) found = l;
        return found;
    }

    private static String slurp(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
