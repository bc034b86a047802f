package org.reclaim.lab;

import org.reclaim.runtime.catalog.Managers;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.catalog.Workloads;
import picocli.CommandLine.Command;

/** {@code lab list}: the managers and workloads that exist. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the memory managers (with variants) and the workloads.")
public final class ListCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("Memory managers (--manager):");
        for (Managers.Info i : Managers.all())
            System.out.printf("  %-24s %-10s %s%n", i.name(), i.family(), i.description());
        for (JvmManagers.Info i : JvmManagers.all())
            System.out.printf("  %-24s %-10s %s%n", i.name(), "jvm", i.description());
        System.out.println();
        System.out.println("Workloads (--workload), with their sizes and parameters:");
        for (Workload w : Workloads.all()) {
            System.out.printf("  %-24s %s%n", w.name(), w.description());
            StringBuilder sb = new StringBuilder("sizes: ");
            w.sizes().forEach((k, v) -> {
                sb.append(k).append('=').append(v);
                Long live = w.liveBytes().get(k);
                if (live != null) sb.append(" (").append(readable(live)).append(" live)");
                sb.append(' ');
            });
            if (!w.parameters().isEmpty()) {
                sb.append(" parameters:");
                w.parameters().forEach((k, v) -> sb.append(" --").append(k).append(" (default ").append(v).append(')'));
            }
            System.out.printf("  %-24s %s%n", "", sb.toString().trim());
        }
    }

    /** {@code 8.0 KiB}, {@code 5.0 MiB}: bytes as a reader takes them in. */
    static String readable(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
