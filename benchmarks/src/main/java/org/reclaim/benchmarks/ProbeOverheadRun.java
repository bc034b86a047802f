package org.reclaim.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.reclaim.analysis.stats.Estimate;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.workloads.catalog.Workloads;

/**
 * The probe's overhead as a clean A/B ({@code scripts/bench --probe-overhead}): runs the JMH
 * benchmark {@link ProbeOverhead} in rounds of two forks, one with {@code probe=off} and one with
 * {@code probe=recorder}, in alternating order (off first in odd rounds, recorder first in even
 * ones), so a change of the machine's load during the run falls on both alike. Each round gives a
 * paired ratio, the recorder's median run over the probe-off median of the same round; the verdict
 * is on their 95% interval (Student's t on the logarithms, {@link Estimate}), against the 5%
 * target: met when the interval's upper end is below 1.05, missed when its lower end is above,
 * otherwise the spread is too wide to say.
 */
public final class ProbeOverheadRun {
    private ProbeOverheadRun() {}

    /** The target the measurement issue sets: the recorder costs less than 5% more than no probe. */
    static final double TARGET = 1.05;

    private static final String USAGE = """
            Usage: scripts/bench --probe-overhead [--rounds N] [--warmup N] [--iterations N]
                                                  [--workload W] [--size S] [--manager M]

            The probe's overhead: the JMH benchmark ProbeOverhead (one whole run per iteration, a
            fresh manager each, at 3x the workload's minimum heap) in rounds of two forks, probe off
            and the lab's recorder, in alternating order. Prints each round's medians and their
            ratio, the pooled medians, the paired ratios' median with a 95% interval, and whether
            the recorder's overhead is under 5%.

              --rounds N      rounds of two forks (default 10)
              --warmup N      warm-up runs per fork, discarded (default 10)
              --iterations N  measured runs per fork (default 10)
              --workload W, --size S, --manager M
                              the case (default: queue-churn default under manual, the worst case:
                              one explicit free per step)
            """;

    public static void main(String[] args) throws RunnerException {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--rounds", "10", "--warmup", "10", "--iterations", "10",
                "--workload", "queue-churn", "--size", "default", "--manager", "manual"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (!o.containsKey(args[i]) || i + 1 == args.length)
                fail(o.containsKey(args[i]) ? args[i] + " needs a value" : "unknown option '" + args[i] + "'");
            o.put(args[i], args[++i]);
        }
        int rounds = count(o, "--rounds", 2), warmup = count(o, "--warmup", 0), iterations = count(o, "--iterations", 1);
        String workload = o.get("--workload"), size = o.get("--size"), manager = o.get("--manager");
        try {
            Workloads.size(Workloads.find(workload), size);
            Managers.find(manager);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        }

        long minimum = MinimumHeap.find(workload, size, ProbeOverhead.SEED);
        long heap = ProbeOverhead.heapFor(minimum);
        System.out.printf(Locale.ROOT, "probe overhead: %s (%s) under %s, heap %d bytes (%.0fx the minimum of %d found under %s)%n",
                workload, size, manager, heap, ProbeOverhead.HEAP_MULTIPLE, minimum, MinimumHeap.reference());
        System.out.printf(Locale.ROOT, "JMH ProbeOverhead, %d rounds of one fork per probe in alternating order, each fork %d warm-up"
                + " and %d measured single-shot runs; %s%n%n", rounds, warmup, iterations, machine());
        System.out.printf(Locale.ROOT, "%5s  %-13s  %13s  %18s  %12s%n", "round", "order", "off median ms", "recorder median ms", "recorder/off");

        List<Double> off = new ArrayList<>(), recorder = new ArrayList<>(), logRatios = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            List<String> order = r % 2 == 1 ? List.of("off", "recorder") : List.of("recorder", "off");
            Map<String, List<Double>> runs = new LinkedHashMap<>();
            for (String probe : order) runs.put(probe, fork(probe, workload, size, manager, heap, warmup, iterations));
            double offMedian = Estimate.of(runs.get("off")).median(), recMedian = Estimate.of(runs.get("recorder")).median();
            off.addAll(runs.get("off"));
            recorder.addAll(runs.get("recorder"));
            logRatios.add(Math.log(recMedian / offMedian));
            System.out.printf(Locale.ROOT, "%5d  %-13s  %13.1f  %18.1f  %12.3f%n", r, String.join(",", order), offMedian, recMedian,
                    recMedian / offMedian);
        }

        Estimate offAll = Estimate.of(off), recAll = Estimate.of(recorder), ratio = Estimate.of(logRatios);
        System.out.printf(Locale.ROOT, "%npooled medians of %d runs each: off %.1f ms (%.1f - %.1f), recorder %.1f ms (%.1f - %.1f):"
                + " ratio of medians %.3f%n", off.size(), offAll.median(), offAll.min(), offAll.max(), recAll.median(), recAll.min(),
                recAll.max(), recAll.median() / offAll.median());
        double low = Math.exp(ratio.low()), high = Math.exp(ratio.high());
        System.out.printf(Locale.ROOT, "paired ratio recorder/off over %d rounds: median %.3f (%.3f - %.3f), 95%% interval [%.3f, %.3f]"
                + " (%s, of the logarithms)%n", rounds, Math.exp(ratio.median()), Math.exp(ratio.min()), Math.exp(ratio.max()),
                low, high, Estimate.METHOD);
        String verdict = high < TARGET ? "met: the interval's upper end is below 1.05"
                : low > TARGET ? "missed: the interval's lower end is above 1.05"
                : "cannot say: the interval straddles 1.05 (the machine's spread is wider than the target; run on a quieter machine or with more rounds)";
        System.out.printf(Locale.ROOT, "overhead %+.1f%% [%+.1f%%, %+.1f%%]; target under 5%%: %s%n",
                100 * (Math.exp(ratio.median()) - 1), 100 * (low - 1), 100 * (high - 1), verdict);
    }

    /** One fork of {@link ProbeOverhead} with {@code probe}: its measured runs' times in milliseconds. */
    private static List<Double> fork(String probe, String workload, String size, String manager, long heap, int warmup,
                                     int iterations) throws RunnerException {
        System.err.printf("probe overhead: a fork with probe=%s...%n", probe);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("^" + Pattern.quote(ProbeOverhead.class.getName()) + "\\.run$")
                .param("probe", probe).param("overheadWorkload", workload).param("overheadSize", size).param("overheadManager", manager)
                .param("heapBytes", Long.toString(heap))
                .forks(1).warmupIterations(warmup).measurementIterations(iterations).jvmArgsAppend(forkFlags())
                .verbosity(VerboseMode.SILENT).shouldFailOnError(true).build()).run();
        List<Double> times = new ArrayList<>();
        for (RunResult rr : results)
            for (BenchmarkResult br : rr.getBenchmarkResults())
                for (IterationResult ir : br.getIterationResults()) times.add(ir.getPrimaryResult().getScore());
        if (times.size() != iterations)
            throw new IllegalStateException("the fork with probe=" + probe + " gave " + times.size() + " runs, not " + iterations);
        return times;
    }

    /**
     * The fork's JVM flags: {@link ProbeOverhead}'s own, and on JDK 23 or later leave to JMH's use
     * of {@code sun.misc.Unsafe}, whose warning the fork would otherwise print into this report.
     */
    private static String[] forkFlags() {
        List<String> flags = new ArrayList<>(List.of("-XX:+UseG1GC", "-Xss16m"));
        if (Runtime.version().feature() >= 23) flags.add("--sun-misc-unsafe-memory-access=allow");
        return flags.toArray(String[]::new);
    }

    private static String machine() {
        String load = "unknown";
        try {
            load = String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the load stays unknown
        }
        return String.format(Locale.ROOT, "%d CPUs, load average %s at the start, JDK %s",
                Runtime.getRuntime().availableProcessors(), load, Runtime.version());
    }

    private static int count(Map<String, String> o, String option, int least) {
        try {
            int n = Integer.parseInt(o.get(option));
            if (n >= least) return n;
        } catch (NumberFormatException e) {
            // the message below
        }
        fail(option + " must be a whole number of at least " + least + ", not '" + o.get(option) + "'");
        return least;
    }

    private static void fail(String message) {
        System.err.println("probe overhead: " + message);
        System.exit(2);
    }
}
