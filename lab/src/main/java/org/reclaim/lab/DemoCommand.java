package org.reclaim.lab;

import java.util.Locale;
import org.reclaim.runtime.Managers;
import org.reclaim.runtime.RunRecord;
import org.reclaim.workloads.Runner;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab demo}: a small comparison of every workload under every manager. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs every workload under every memory manager once, at a small size, and prints a table.")
public final class DemoCommand implements Runnable {
    @Option(names = "--size", defaultValue = "small", description = "size name (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--heap", defaultValue = "64m", description = "simulated heap size (default: ${DEFAULT-VALUE})")
    String heap;

    @Override
    public void run() {
        long heapBytes = HeapSize.parse(heap);
        System.out.printf(Locale.ROOT, "%-16s %-18s %-6s %14s %10s %7s %10s %10s %9s%n", "workload", "manager", "status",
                "checksum", "wall ms", "pauses", "total ms", "max ms", "leaked");
        for (Workload w : Workloads.all()) {
            for (Managers.Info m : Managers.all()) {
                RunRecord r = Runner.run(new Runner.Request(w.name(), size, m.name(), heapBytes, 1)).record();
                System.out.printf(Locale.ROOT, "%-16s %-18s %-6s %14d %10.1f %7d %10.2f %10.3f %9d%n", r.workload(),
                        r.manager(), r.status(), r.checksum(), r.wallNanos() / 1e6, r.pauseCount(),
                        r.pauseTotalNanos() / 1e6, r.pauseMaxNanos() / 1e6, r.leakedObjects());
            }
        }
    }
}
