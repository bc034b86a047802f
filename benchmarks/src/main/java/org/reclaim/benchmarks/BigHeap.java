package org.reclaim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.Map;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.workloads.Parameters;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.catalog.Workloads;

/**
 * The big-heap target: a simulated heap of 4 GiB holding more than 50 million live objects runs
 * binary-trees ({@code large}) without the host JVM running out of memory. binary-trees alone
 * never holds that many (its peak is the stretch tree, 2^(depth+2) nodes), so a ballast tree of
 * depth {@code ballastDepth} (2^(depth+1) - 1 nodes: 67 million at 25) is built first and kept
 * live, in the same heap, while binary-trees runs beside it: every collection traces it.
 *
 * <p>Prints one Markdown table row: manager, status, live objects held, simulated heap, seconds,
 * peak host heap, checksum. {@code scripts/bench --big} runs it once per manager, each in its own
 * JVM with a fixed {@code -Xmx}.
 *
 * <p>Usage: {@code BigHeap <manager> [heapBytes] [ballastDepth] [size]}.
 */
public final class BigHeap {
    private BigHeap() {}

    static final long DEFAULT_HEAP = 4L << 30;
    static final int DEFAULT_BALLAST_DEPTH = 25;

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: BigHeap <manager> [heapBytes] [ballastDepth] [size]");
            System.exit(2);
        }
        String manager = args[0];
        long heapBytes = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_HEAP;
        int ballastDepth = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_BALLAST_DEPTH;
        String size = args.length > 3 ? args[3] : "large";
        Workload trees = Workloads.find("binary-trees");
        int depth = Workloads.size(trees, size);
        long ballastObjects = (1L << (ballastDepth + 1)) - 1, held = 0;

        String status = "ok";
        long checksum = 0;
        long t0 = System.nanoTime();
        MemoryManager m = null;
        try {
            m = Managers.find(manager).factory().create(heapBytes, new PauseRecorder(heapBytes / 64));
            try (Scope main = m.scope()) {
                int ballastShape = m.shapes().define("Ballast", 0, SlotKind.OWNED, SlotKind.OWNED);
                int ballast = tree(m, ballastShape, ballastDepth);
                held = ballastObjects;
                checksum = trees.run(m, depth, 42, Parameters.resolve(trees, Map.of()));
                m.drop(ballast);
            }
            m.finish();
        } catch (OutOfMemory e) {
            status = "oom: " + e.getMessage();
        } catch (OutOfMemoryError e) {
            status = "host OutOfMemoryError: " + e.getMessage();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long hostPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) hostPeak += p.getPeakUsage().getUsed();
        System.out.printf(Locale.ROOT, "| %s | binary-trees %s (depth %d) beside a ballast tree of depth %d | %s | %,d | %.1f GiB | %.1f | %.1f GiB (-Xmx %.1f GiB) | %d |%n",
                manager, size, depth, ballastDepth, status, held, heapBytes / (double) (1L << 30), seconds,
                hostPeak / (double) (1L << 30), Runtime.getRuntime().maxMemory() / (double) (1L << 30), checksum);
        if (!status.equals("ok")) System.exit(1);
    }

    /** A complete tree of {@code depth}, built bottom-up as binary-trees builds its trees. */
    private static int tree(Mutator m, int shape, int depth) {
        try (Scope s = m.scope()) {
            int n = m.alloc(shape, 0);
            if (depth > 0) {
                m.put(n, 0, tree(m, shape, depth - 1));
                m.put(n, 1, tree(m, shape, depth - 1));
            }
            return m.ret(n);
        }
    }
}
