package org.reclaim.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.reclaim.analysis.JfrPauses;
import org.reclaim.analysis.PauseSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab jfr FILE}: the pause summary of any JFR recording, the JVM's or Reclaim's. */
@Command(name = "jfr", mixinStandardHelpOptions = true,
        description = {"Prints the pause summary of a JFR recording, per collector: count, total, min, median, p90, p99, p99.9, max.",
                "Reads the JVM's jdk.GCPhasePause events (what `jfr view gc-pauses` counts) and Reclaim's reclaim.Pause events.",
                "Exit status: 0 ok, 2 a missing or unreadable file."})
public final class JfrCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "FILE", description = "a .jfr recording")
    Path file;

    @Option(names = "--ns", description = "print times as integer nanoseconds instead of milliseconds")
    boolean nanos;

    @Override
    public void run() {
        JfrPauses.Recording r = JfrPauses.read(file);
        List<PauseSummary> summaries = r.summaries();
        String unit = nanos ? "ns" : "ms";
        System.out.printf(Locale.ROOT, "%s: %d pauses%n", file, summaries.getLast().count());
        System.out.printf(Locale.ROOT, "%-20s %8s %14s %12s %12s %12s %12s %12s %12s%n", "collector", "count",
                "total " + unit, "min " + unit, "median " + unit, "p90 " + unit, "p99 " + unit, "p99.9 " + unit, "max " + unit);
        for (PauseSummary s : summaries) {
            if (s.collector().equals(PauseSummary.ALL) && summaries.size() == 2) continue;
            System.out.printf(Locale.ROOT, "%-20s %8d %14s %12s %12s %12s %12s %12s %12s%n", s.collector(), s.count(),
                    time(s.totalNanos()), time(s.minNanos()), time(s.medianNanos()), time(s.p90Nanos()), time(s.p99Nanos()),
                    time(s.p999Nanos()), time(s.maxNanos()));
        }
    }

    private String time(long ns) {
        return nanos ? Long.toString(ns) : String.format(Locale.ROOT, "%.3f", ns / 1e6);
    }
}
