package org.reclaim.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.reclaim.runtime.RunRecord;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.workloads.run.MinimumHeapSearch;
import org.reclaim.workloads.run.Runner;

/**
 * The smallest heap in which a workload completes, found by doubling then bisection: the lab's
 * minimum heap, the unit of the "heap at 3x the minimum" the benchmarks run at. It is searched with
 * {@code mark-compact} (no fragmentation: its minimum is the peak of reachable bytes) when the
 * build has it, else with {@code manual} (frees at once, but may fragment).
 *
 * <p>A benchmark sizes its heap with {@link #findInChildJvm} and {@link #totalAllocationInChildJvm}:
 * the search runs other managers than the one measured, and a JVM that has run a second manager's
 * code no longer inlines the contract as well (one manager per JVM wherever a time is taken).
 */
final class MinimumHeap {
    private MinimumHeap() {}

    private static final long START_BYTES = 1L << 20;
    private static final long MAX_BYTES = 8L << 30;

    /** The manager the minimum heap is searched with on this build. */
    static String reference() {
        return Managers.names().contains("mark-compact") ? "mark-compact" : "manual";
    }

    /**
     * The minimum heap of {@code workload} at {@code size} under {@link #reference()}, found as a
     * campaign finds it ({@link MinimumHeapSearch}).
     *
     * @throws IllegalStateException if it does not complete even in {@value #MAX_BYTES} bytes
     */
    static long find(String workload, String size, long seed) {
        long bytes = MinimumHeapSearch.smallest(workload, size, reference(), seed, START_BYTES, MAX_BYTES);
        if (bytes < 0)
            throw new IllegalStateException(workload + " (" + size + ") does not complete under " + reference()
                    + " even in a heap of " + MAX_BYTES + " bytes");
        return bytes;
    }

    /**
     * Epsilon's minimum heap: it never frees, so it needs every byte the run allocates (measured
     * under {@link #reference()}), plus the null word.
     */
    static long totalAllocation(String workload, String size, long seed, long heapBytes) {
        RunRecord r = Runner.run(new Runner.Request(workload, size, reference(), heapBytes, seed)).record();
        if (!r.status().equals(RunRecord.OK))
            throw new IllegalStateException(workload + " did not complete under " + reference() + ": " + r.message());
        return r.bytesAllocated() + Long.BYTES;
    }

    /** {@link #find}, run in a child JVM with this JVM's class path. */
    static long findInChildJvm(String workload, String size, long seed) {
        return child(List.of("find", workload, size, Long.toString(seed)));
    }

    /** {@link #totalAllocation}, run in a child JVM with this JVM's class path. */
    static long totalAllocationInChildJvm(String workload, String size, long seed, long heapBytes) {
        return child(List.of("total-allocation", workload, size, Long.toString(seed), Long.toString(heapBytes)));
    }

    private static long child(List<String> args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-Xss16m", "-cp",
                System.getProperty("java.class.path"), MinimumHeap.class.getName()));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = p.waitFor();
            if (exit != 0) throw new IllegalStateException("the heap-sizing JVM (" + String.join(" ", args) + ") exited with " + exit);
            return Long.parseLong(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the heap-sizing JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sizing the heap", e);
        }
    }

    /**
     * The child JVM's entry point: {@code find WORKLOAD SIZE SEED} or
     * {@code total-allocation WORKLOAD SIZE SEED HEAP_BYTES}; prints the bytes.
     */
    public static void main(String[] args) {
        long bytes = switch (args[0]) {
            case "find" -> find(args[1], args[2], Long.parseLong(args[3]));
            case "total-allocation" -> totalAllocation(args[1], args[2], Long.parseLong(args[3]), Long.parseLong(args[4]));
            default -> throw new IllegalArgumentException("find or total-allocation, not " + args[0]);
        };
        System.out.println(bytes);
    }
}
