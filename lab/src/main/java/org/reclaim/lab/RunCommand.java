package org.reclaim.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jfr.Recording;
import org.HdrHistogram.Histogram;
import org.reclaim.analysis.HistogramLogs;
import org.reclaim.analysis.RunMetrics;
import org.reclaim.analysis.TimelineCsv;
import org.reclaim.analysis.cost.CostModel;
import org.reclaim.analysis.oracle.LifetimeSplit;
import org.reclaim.analysis.oracle.OracleMetrics;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.lab.input.BadInput;
import org.reclaim.lab.input.HeapSize;
import org.reclaim.runtime.NearestNames;
import org.reclaim.runtime.RunInfoEvent;
import org.reclaim.runtime.RunRecord;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.probe.FootprintEvent;
import org.reclaim.runtime.probe.PauseEvent;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.Parameters;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.run.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code lab run}: one workload, once, under one manager. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one workload once under one memory manager and prints a summary (or, with --json, its run record).",
                "A workload's own parameters are options too, for example: --back weak.",
                "Exit status: 0 ok, 3 out of memory, 4 a memory error was caught, 2 bad input."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--workload", required = true, description = "workload or scenario (see `lab list`)")
    String workload;

    @Option(names = "--size", defaultValue = "small", description = "size name: tiny, small, default, large (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--manager", required = true, description = "memory manager (see `lab list`)")
    String manager;

    @Option(names = "--heap", defaultValue = "64m", description = "simulated heap size, e.g. 512k, 64m, 1g (default: ${DEFAULT-VALUE})")
    String heap;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print the run record as one JSON object")
    boolean json;

    @Option(names = "--oracle", arity = "0..1", fallbackValue = "auto", paramLabel = "EVERY",
            description = "record the lifetime oracles (liveness, reachability) and split bytes in use into live, drag, "
                    + "garbage held and leaked; a reachability walk every EVERY bytes of allocation (default: the larger of 64k and heap/32)")
    String oracle;

    @Option(names = "--hlog", paramLabel = "FILE", description = "write the pause histogram (ns) as an HdrHistogram .hlog file")
    Path hlog;

    @Option(names = "--timeline", paramLabel = "FILE", description = "write every pause and footprint sample as CSV")
    Path timeline;

    @Option(names = "--jfr", paramLabel = "FILE", description = "write a JFR recording of the run (reclaim.* events; for jvm:*, the JVM's GC events too)")
    Path jfr;

    @Option(names = "--warmup", paramLabel = "N",
            description = "before the measured run, run the workload as warm-up iterations in the same JVM (the forked one for jvm:*): "
                    + "at least N, until the last three iteration times agree within 5%%, at most N+3; the record's warmup.iterations says how many ran")
    Integer warmup;

    @Option(names = "--no-probe", description = "record nothing (Probe.OFF): for measuring the probe's own cost")
    boolean noProbe;

    @Option(names = "--sample-every", paramLabel = "BYTES", description = "footprint sample every BYTES allocated, e.g. 64k (default: heap/64, at least 4k and at most 64k)")
    String sampleEvery;

    @Unmatched List<String> workloadOptions;

    @Override
    public Integer call() throws Exception {
        Map<String, String> params = workloadParameters(workloadOptions);
        long heapBytes = HeapSize.parse(heap);
        if (JvmManagers.isJvm(manager)) HeapSize.checkForCells(heapBytes, heap);
        else HeapSize.checkInThisJvm(heapBytes, heap);
        Workload w = Workloads.find(workload);
        Workloads.size(w, size);
        Parameters.resolve(w, params);
        long every = sampleEvery == null ? defaultSampleEvery(heapBytes) : HeapSize.parse(sampleEvery, "--sample-every");
        if (warmup != null && warmup < 0) throw new BadInput("--warmup must be 0 or more, not " + warmup);
        if (noProbe && (hlog != null || timeline != null || jfr != null))
            throw new BadInput("--no-probe records nothing, so --hlog, --timeline and --jfr cannot be written with it");
        for (Path p : new Path[] {hlog, timeline, jfr}) if (p != null) OutputFiles.checkWritable(p);
        Runner.Request request = new Runner.Request(workload, size, manager, heapBytes, seed, params, every);
        if (oracle != null)
            request = request.withOracle(oracle.equals("auto") ? Math.max(64 << 10, heapBytes / 32)
                    : HeapSize.parse(oracle, "--oracle (bytes of allocation between reachability walks)"));
        Recordings written = new Recordings();
        RunRecord r = JvmManagers.isJvm(manager) ? runJvm(request, written) : runSimulated(request, written);
        if (json) {
            if (written.failure != null) throw written.failure;    // a cell must not take a record whose files are missing
            System.out.println(json().writeValueAsString(r));
        } else {
            summary(r, System.out);
            if (written.failure != null) throw written.failure;
        }
        return exitCode(r);
    }

    /**
     * The default footprint sampling interval: heap/64, at least 4 KiB and at most 64 KiB, so that
     * a small run allocating less than a big heap's 64th part is still sampled.
     */
    static long defaultSampleEvery(long heapBytes) {
        return Math.min(64 << 10, Math.max(4096, heapBytes / 64));
    }

    /** The first recording that could not be written after the run, kept until the summary is out. */
    private static final class Recordings {
        java.io.UncheckedIOException failure;

        void write(Path file, String what, OutputFiles.Writer writer) {
            if (file == null || failure != null) return;
            try {
                writer.write();
            } catch (IOException e) {
                failure = new java.io.UncheckedIOException("cannot write the " + what + " to " + file + ": "
                        + OutputFiles.reason(e), e);
            }
        }
    }

    private RunRecord runJvm(Runner.Request request, Recordings written) throws IOException, InterruptedException {
        JvmRunner.Result result = JvmRunner.run(request, warmup == null ? 0 : warmup, jfr);
        RunRecord r = result.record();
        written.write(jfr, "JFR recording", () -> OutputFiles.applyUmask(jfr));
        written.write(hlog, "pause histogram", () -> {
            Histogram h = new Histogram(1, PauseRecorder.HIGHEST_NANOS, 3);
            result.recording().pauses().forEach(p -> h.recordValue(Math.max(1, Math.min(p.nanos(), PauseRecorder.HIGHEST_NANOS))));
            if (result.recording().start() != null) {
                h.setStartTimeStamp(result.recording().start().toEpochMilli());
                h.setEndTimeStamp(result.recording().end().toEpochMilli());
            }
            HistogramLogs.write(hlog, h, tag(r));
        });
        written.write(timeline, "timeline", () -> TimelineCsv.write(timeline, result.recording()));
        return r;
    }

    private RunRecord runSimulated(Runner.Request request, Recordings written) {
        if (!Managers.names().contains(manager)) {
            List<String> all = new ArrayList<>(Managers.names());
            all.addAll(JvmManagers.names());
            throw new IllegalArgumentException(NearestNames.unknown("manager", manager, all));
        }
        int warmed = warmUp(request);
        PauseRecorder recorder = noProbe ? null : new PauseRecorder(request.sampleEveryBytes(), jfr != null);
        Probe probe = noProbe ? Probe.OFF : recorder;
        Recording recording = null;
        if (jfr != null) {
            recording = new Recording();
            recording.setName("reclaim");
            recording.enable(PauseEvent.class);
            recording.enable(FootprintEvent.class);
            recording.enable(RunInfoEvent.class);
            recording.start();
        }
        RunInfoEvent event = RunInfoEvent.begun();
        long startMillis = System.currentTimeMillis();
        Runner.Result result = Runner.run(request, probe);
        long endMillis = System.currentTimeMillis();
        OracleMetrics.fill(result.manager(), result.allLeaks(), result.record().metrics());
        RunRecord r = result.record();
        event.finish(r);
        if (recording != null) {
            Recording done = recording;
            done.stop();
            written.write(jfr, "JFR recording", () -> {
                Path target = jfr.toAbsolutePath();
                if (target.getParent() != null) java.nio.file.Files.createDirectories(target.getParent());
                done.dump(target);
                OutputFiles.applyUmask(target);
            });
            done.close();
        }
        if (recorder != null) {
            r.metrics().putAll(RunMetrics.of(recorder, r.bytesAllocated()));
            written.write(hlog, "pause histogram", () -> {
                Histogram h = recorder.histogram().copy();
                h.setStartTimeStamp(startMillis);
                h.setEndTimeStamp(Math.max(endMillis, startMillis + 1));
                HistogramLogs.write(hlog, h, tag(r));
            });
            written.write(timeline, "timeline", () ->
                TimelineCsv.write(timeline, recorder, result.manager().oracle() == null ? null
                        : OracleMetrics.split(result.manager(), result.allLeaks(), LifetimeSplit.Clock.ALLOCATION)));
        }
        r.metrics().putAll(CostModel.shipped().metrics(r));
        if (warmup != null) r.metrics().put(ResultsCsv.WARMUP_ITERATIONS, (double) warmed);
        return r;
    }

    /**
     * The simulated run's warm-up iterations ({@link SteadyState}): the same request without the
     * oracle, each on a fresh manager with a fresh probe of the same kind, results discarded.
     */
    private int warmUp(Runner.Request request) {
        if (warmup == null) return 0;
        Runner.Request plain = request.withOracle(0);
        return SteadyState.warmUp(warmup, () -> {
            long t0 = System.nanoTime();
            Runner.run(plain, noProbe ? Probe.OFF : new PauseRecorder(request.sampleEveryBytes(), false));
            return System.nanoTime() - t0;
        }).size();
    }

    private static String tag(RunRecord r) {
        return r.workload() + "/" + r.size() + "/" + r.manager() + "/seed" + r.seed();
    }

    static int exitCode(RunRecord r) {
        return switch (r.status()) {
            case RunRecord.OK -> 0;
            case RunRecord.OOM -> 3;
            default -> 4;
        };
    }

    /** {@code --key value} pairs left over by the lab's own options: the workload's parameters. */
    static Map<String, String> workloadParameters(List<String> rest) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rest == null) return params;
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (!a.startsWith("--") || a.length() == 2)
                throw new BadInput("unexpected argument '" + a + "' (workload parameters are written --name value)");
            String key = a.substring(2), value;
            int eq = key.indexOf('=');
            if (eq >= 0) { value = key.substring(eq + 1); key = key.substring(0, eq); }
            else if (i + 1 < rest.size()) value = rest.get(++i);
            else throw new BadInput("option --" + key + " needs a value");
            params.put(key, value);
        }
        return params;
    }

    static ObjectMapper json() {
        return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    }

    static void summary(RunRecord r, PrintStream out) {
        out.printf(Locale.ROOT, "%s (%s) under %s, heap %s, seed %d: %s%n", r.workload(), r.size(), r.manager(),
                HeapSize.format(r.heapBytes()), r.seed(), r.status());
        if (!r.message().isEmpty()) out.println("  " + r.message());
        out.printf(Locale.ROOT, "  checksum %d, wall %.3f ms%n", r.checksum(), r.wallNanos() / 1e6);
        out.printf(Locale.ROOT, "  pauses %d, total %.3f ms, max %.3f ms%n", r.pauseCount(), r.pauseTotalNanos() / 1e6,
                r.pauseMaxNanos() / 1e6);
        out.printf(Locale.ROOT, "  allocated %d objects (%d bytes), freed %d objects (%d bytes)%n", r.objectsAllocated(),
                r.bytesAllocated(), r.objectsFreed(), r.bytesFreed());
        if (r.leakedObjects() > 0) {
            out.printf(Locale.ROOT, "  leaked %d objects (%d bytes)%n", r.leakedObjects(), r.leakedBytes());
            r.leaks().forEach(l -> out.printf(Locale.ROOT, "    #%d %s, %d bytes%s%n", l.id(), l.shape(), l.bytes(),
                    l.site() == null ? "" : ", allocated at " + l.site()));
        }
        r.errors().forEach(e -> out.println("  error " + e.kind() + (e.code().isEmpty() ? "" : " " + e.code()) + ": " + e.message()));
        if (!r.metrics().isEmpty()) {
            out.print("  metrics:");
            r.metrics().forEach((k, v) -> out.printf(Locale.ROOT, " %s=%s", k,
                    v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue()) : String.format(Locale.ROOT, "%.4f", v)));
            out.println();
        }
        if (!r.counters().isEmpty()) {
            out.print("  work:");
            r.counters().forEach((k, v) -> out.print(" " + k + "=" + v));
            out.println();
        }
    }
}
