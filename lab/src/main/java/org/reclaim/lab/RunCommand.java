package org.reclaim.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reclaim.analysis.oracle.OracleMetrics;
import org.reclaim.runtime.RunRecord;
import org.reclaim.workloads.Runner;
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

    @Unmatched List<String> workloadOptions;

    @Override
    public Integer call() throws Exception {
        Map<String, String> params = workloadParameters(workloadOptions);
        long heapBytes = HeapSize.parse(heap);
        Runner.Request request = new Runner.Request(workload, size, manager, heapBytes, seed, params,
                Math.max(4096, heapBytes / 64));
        if (oracle != null)
            request = request.withOracle(oracle.equals("auto") ? Math.max(64 << 10, heapBytes / 32) : HeapSize.parse(oracle));
        Runner.Result result = Runner.run(request);
        OracleMetrics.fill(result.manager(), result.allLeaks(), result.record().metrics());
        RunRecord r = result.record();
        if (json) System.out.println(json().writeValueAsString(r));
        else summary(r, System.out);
        return exitCode(r);
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
                throw new Lab.BadInput("unexpected argument '" + a + "' (workload parameters are written --name value)");
            String key = a.substring(2), value;
            int eq = key.indexOf('=');
            if (eq >= 0) { value = key.substring(eq + 1); key = key.substring(0, eq); }
            else if (i + 1 < rest.size()) value = rest.get(++i);
            else throw new Lab.BadInput("option --" + key + " needs a value");
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
            r.metrics().forEach((k, v) -> out.printf(Locale.ROOT, " %s=%.6g", k, v));
            out.println();
        }
        if (!r.counters().isEmpty()) {
            out.print("  work:");
            r.counters().forEach((k, v) -> out.print(" " + k + "=" + v));
            out.println();
        }
    }
}
